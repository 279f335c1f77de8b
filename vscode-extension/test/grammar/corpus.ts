// ../shared/corpus next to the project: a visible skip when it is missing, a failure when every
// tier is required (CI sets RX_REQUIRE_ALL_TIERS=true through Maven's rx.requireAllTiers).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestContext } from 'node:test';
import { PROJECT } from './textmate';

export function requireTier(t: TestContext, available: boolean, whyNot: string): boolean {
  if (available) {
    return true;
  }
  if (process.env['RX_REQUIRE_ALL_TIERS'] === 'true') {
    throw new Error(`${whyNot} (rx.requireAllTiers is set, so this tier may not be skipped)`);
  }
  console.error(`SKIPPED: ${whyNot}`);
  t.skip(whyNot);
  return false;
}

function walk(dir: string, ext: string, into: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(p, ext, into);
    } else if (entry.isFile() && entry.name.endsWith(ext)) {
      into.push(p);
    }
  }
}

/** The corpus files with the extension under the given folders, sorted; empty after a skip. */
export function corpus(t: TestContext, folders: string[], ext: string): string[] {
  const root = path.join(PROJECT, '..', 'shared', 'corpus');
  if (!requireTier(t, fs.existsSync(root), `the shared corpus is not at ${root}`)) {
    return [];
  }
  const files: string[] = [];
  for (const f of folders) {
    walk(path.join(root, f), ext, files);
  }
  return files.sort();
}
