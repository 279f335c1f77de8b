// The server's settings from VS Code's `rx.*` configuration, in the shape rx-lsp reads from
// initializationOptions and workspace/didChangeConfiguration: {"rx": {...}}. Only the settings the
// server knows are sent; the extension's own (rx.java.home, rx.server.path, rx.trace.server) are not.

/** Reads one `rx.` setting, e.g. get('mgmtVersion'); VS Code's WorkspaceConfiguration.get fits. */
export type SettingReader = (key: string) => unknown;

export interface ServerSettings {
  rx: {
    mgmtVersion?: string;
    mgmtDocs?: string;
    runMgmtDocs?: boolean;
    nixVersion?: string;
    diagnosticsScope?: string;
    inlayHints?: boolean;
  };
}

const STRING_SETTINGS = ['mgmtVersion', 'mgmtDocs', 'nixVersion', 'diagnosticsScope'] as const;
const BOOLEAN_SETTINGS = ['runMgmtDocs', 'inlayHints'] as const;

/** Values of the wrong type (a hand-edited settings.json) are left out: the server keeps its own then. */
export function serverSettings(get: SettingReader): ServerSettings {
  const rx: ServerSettings['rx'] = {};
  for (const key of STRING_SETTINGS) {
    const value = get(key);
    if (typeof value === 'string') {
      rx[key] = value;
    }
  }
  for (const key of BOOLEAN_SETTINGS) {
    const value = get(key);
    if (typeof value === 'boolean') {
      rx[key] = value;
    }
  }
  return { rx };
}

/** The settings whose change means starting the server again (they choose what runs). */
export const RESTART_SETTINGS = ['rx.java.home', 'rx.server.path'] as const;
