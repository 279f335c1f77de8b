// vsce package, quiet unless it fails: target/rx-lsp.vsix from the staged server and the bundle.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
fs.mkdirSync(path.join(root, 'target'), { recursive: true }); // vsce does not make its --out folder
const vsce = require.resolve('@vscode/vsce/vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--skip-license', '--allow-missing-repository', '--out', 'target/rx-lsp.vsix'],
  { cwd: root, encoding: 'utf8' });
if (r.status !== 0) {
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exit(r.status ?? 1);
}
const done = r.stdout.split('\n').find((l) => l.includes('Packaged:'));
console.log(`vscode-extension: ${done ? done.replace(/^.*Packaged:\s*/, 'packaged ') : 'packaged target/rx-lsp.vsix'}`);
