// The server's settings from VS Code's `rx.*` configuration, in the shape rx-lsp reads from
// initializationOptions and workspace/didChangeConfiguration: {"rx": {...}}. Only the settings the
// server knows are sent; the extension's own (rx.java.home, rx.server.path, rx.trace.server) are not.
//
// Only settings the user set (in user, workspace or folder settings) are sent, never a default from
// package.json: the server lays the client's settings over the project's rx-lsp.toml, so a default
// sent as if chosen would silently override what the repository's rx-lsp.toml says.

/**
 * What VS Code's WorkspaceConfiguration.inspect tells of one `rx.` setting (the fields read here):
 * the values set at each level, undefined where the user set none.
 */
export interface SettingInspection {
  readonly globalValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly workspaceFolderValue?: unknown;
  readonly globalLanguageValue?: unknown;
  readonly workspaceLanguageValue?: unknown;
  readonly workspaceFolderLanguageValue?: unknown;
}

/** Inspects one `rx.` setting, e.g. inspect('mgmtVersion'); VS Code's WorkspaceConfiguration.inspect fits. */
export type SettingInspector = (key: string) => SettingInspection | undefined;

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

/**
 * The value the user set, the most specific level first as VS Code ranks them (language-specific
 * over the rest, folder over workspace over user); undefined when the setting is at its default.
 * The language-specific values only appear when the configuration was read for a language.
 */
export function userValue(inspection: SettingInspection | undefined): unknown {
  if (inspection === undefined) {
    return undefined;
  }
  return [
    inspection.workspaceFolderLanguageValue, inspection.workspaceLanguageValue, inspection.globalLanguageValue,
    inspection.workspaceFolderValue, inspection.workspaceValue, inspection.globalValue,
  ].find((v) => v !== undefined);
}

/**
 * The settings the user set. A value of the wrong type (a hand-edited settings.json) is left out too:
 * the server keeps rx-lsp.toml's value or its own default then.
 */
export function serverSettings(inspect: SettingInspector): ServerSettings {
  const rx: ServerSettings['rx'] = {};
  for (const key of STRING_SETTINGS) {
    const value = userValue(inspect(key));
    if (typeof value === 'string') {
      rx[key] = value;
    }
  }
  for (const key of BOOLEAN_SETTINGS) {
    const value = userValue(inspect(key));
    if (typeof value === 'boolean') {
      rx[key] = value;
    }
  }
  return { rx };
}

/** The settings whose change means starting the server again (they choose what runs). */
export const RESTART_SETTINGS = ['rx.java.home', 'rx.server.path'] as const;
