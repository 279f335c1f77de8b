import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverSettings } from '../../src/settings';

test('the server settings, under "rx", from VS Code settings', () => {
  const values: Record<string, unknown> = {
    mgmtVersion: '1.0', mgmtDocs: '/etc/mgmt-docs.json', runMgmtDocs: true, nixVersion: '2.8',
    diagnosticsScope: 'embedded', inlayHints: false,
    // the extension's own settings are not the server's business
    'java.home': '/opt/jdk', 'server.path': '/x/bin/rx-lsp', 'trace.server': 'verbose',
  };
  assert.deepEqual(serverSettings((k) => values[k]), {
    rx: { mgmtVersion: '1.0', mgmtDocs: '/etc/mgmt-docs.json', runMgmtDocs: true, nixVersion: '2.8', diagnosticsScope: 'embedded', inlayHints: false },
  });
});

test('values of the wrong type are left out, so that the server keeps its own', () => {
  const values: Record<string, unknown> = { mgmtVersion: 1.0, runMgmtDocs: 'yes', diagnosticsScope: null, inlayHints: true };
  assert.deepEqual(serverSettings((k) => values[k]), { rx: { inlayHints: true } });
});
