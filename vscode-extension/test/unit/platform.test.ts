import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { jvmPlatform, nativePlatform, parseBundledPlatforms } from '../../src/platform';

test('the jar\'s folder names, as rxlsp.nix.NativeLibraries makes them from os.name and os.arch', () => {
  assert.equal(nativePlatform('Linux', 'amd64'), 'linux-x86_64');
  assert.equal(nativePlatform('Linux', 'aarch64'), 'linux-aarch64');
  assert.equal(nativePlatform('Windows 11', 'amd64'), 'windows-x86_64');
  assert.equal(nativePlatform('Mac OS X', 'aarch64'), 'macos-aarch64');
  // Node's names
  assert.equal(nativePlatform('win32', 'x64'), 'windows-x86_64');
  assert.equal(nativePlatform('darwin', 'arm64'), 'macos-aarch64');
  assert.equal(nativePlatform('linux', 'riscv64'), 'linux-riscv64');
});

test('the JDK\'s release file decides over the editor process', () => {
  assert.equal(jvmPlatform('Darwin', 'x86_64', 'darwin', 'arm64'), 'macos-x86_64');
  assert.equal(jvmPlatform(undefined, undefined, 'darwin', 'arm64'), 'macos-aarch64');
});

test('natives.json', () => {
  assert.deepEqual(parseBundledPlatforms('{"platforms":["linux-x86_64","windows-x86_64"]}'), ['linux-x86_64', 'windows-x86_64']);
  assert.throws(() => parseBundledPlatforms('{"x":1}'), /no "platforms" list/);
});
