import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { CrashPolicy } from '../../src/crashPolicy';

test('restarts with a doubling pause, then gives up after the last allowed crash in the window', () => {
  const p = new CrashPolicy();
  const delays = [0, 1, 2, 3].map((i) => p.onCrash(1000 * i));
  assert.deepEqual(delays, [250, 500, 1000, 2000]);
  assert.equal(p.onCrash(5000), undefined);
  assert.equal(p.recentCrashes, CrashPolicy.MAX_RESTARTS + 1);
});

test('crashes older than the window are forgotten; a restart by the user starts afresh', () => {
  const p = new CrashPolicy();
  for (let i = 0; i < CrashPolicy.MAX_RESTARTS; i++) {
    p.onCrash(i);
  }
  assert.equal(p.onCrash(CrashPolicy.WINDOW_MS + 10), CrashPolicy.FIRST_DELAY_MS);
  p.reset();
  assert.equal(p.onCrash(CrashPolicy.WINDOW_MS + 20), CrashPolicy.FIRST_DELAY_MS);
});
