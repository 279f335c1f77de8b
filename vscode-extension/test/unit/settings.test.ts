import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { SettingInspection, serverSettings, userValue } from '../../src/settings';

/** package.json's defaults, as WorkspaceConfiguration.inspect reports them beside what the user set. */
const DEFAULTS: Record<string, unknown> = {
  mgmtVersion: 'auto', mgmtDocs: '', runMgmtDocs: false, nixVersion: 'current', diagnosticsScope: 'all', inlayHints: false,
  'java.home': '', 'server.path': '', 'trace.server': 'off',
};

/** An inspector over the defaults and the values set at each level (user settings unless said otherwise). */
function inspector(levels: Partial<Record<keyof SettingInspection, Record<string, unknown>>>) {
  return (key: string) => {
    const inspection: Record<string, unknown> = { key: `rx.${key}`, defaultValue: DEFAULTS[key] };
    for (const [level, values] of Object.entries(levels)) {
      inspection[level] = values[key];
    }
    return inspection as SettingInspection;
  };
}

test('the server settings, under "rx", are the ones the user set; defaults are not sent', () => {
  // nothing set: the server keeps rx-lsp.toml's values (or its own defaults)
  assert.deepEqual(serverSettings(inspector({})), { rx: {} });
  assert.deepEqual(serverSettings(inspector({
    globalValue: {
      mgmtVersion: '1.0', mgmtDocs: '/etc/mgmt-docs.json', runMgmtDocs: true, nixVersion: '2.8', diagnosticsScope: 'embedded',
      // the extension's own settings are not the server's business
      'java.home': '/opt/jdk', 'server.path': '/x/bin/rx-lsp', 'trace.server': 'verbose',
    },
  })), {
    rx: { mgmtVersion: '1.0', mgmtDocs: '/etc/mgmt-docs.json', runMgmtDocs: true, nixVersion: '2.8', diagnosticsScope: 'embedded' },
  });
});

test('a value set equal to its default is sent: the user chose it over rx-lsp.toml', () => {
  assert.deepEqual(serverSettings(inspector({ workspaceValue: { nixVersion: 'current', inlayHints: false, mgmtDocs: '' } })),
    { rx: { mgmtDocs: '', nixVersion: 'current', inlayHints: false } });
});

test('the most specific level wins: folder over workspace over user, a language-specific value over all of them', () => {
  assert.deepEqual(serverSettings(inspector({
    globalValue: { mgmtVersion: '1.0', nixVersion: '2.8', diagnosticsScope: 'embedded' },
    workspaceValue: { mgmtVersion: '1.1', nixVersion: 'current' },
    workspaceFolderValue: { mgmtVersion: 'auto' },
  })), { rx: { mgmtVersion: 'auto', nixVersion: 'current', diagnosticsScope: 'embedded' } });
  assert.equal(userValue({ globalValue: 'all', workspaceFolderValue: 'all', globalLanguageValue: 'embedded' }), 'embedded');
  assert.equal(userValue({ workspaceFolderLanguageValue: false, workspaceLanguageValue: true }), false);
  assert.equal(userValue(undefined), undefined, 'a setting VS Code does not know');
});

test('values of the wrong type are left out, so that the server keeps rx-lsp.toml\'s or its own', () => {
  assert.deepEqual(serverSettings(inspector({
    globalValue: { mgmtVersion: 1.0, runMgmtDocs: 'yes', diagnosticsScope: null, inlayHints: true },
  })), { rx: { inlayHints: true } });
});
