// rx-lsp for VS Code: a thin client. It starts the rx-lsp server for Nix and MCL files and forwards
// everything to it; all analysis is the server's. Nix IDE (nil or nixd) may run beside it on the
// same files: this extension adds the `nix` language id only so it also works without Nix IDE.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { RENDERED_SCHEME, RenderedPrograms } from './renderedProgram';
import { ServerController } from './server';
import { StatusItem } from './status';

export const COMMANDS = {
  restart: 'rx.restartServer',
  showOutput: 'rx.showOutput',
  showRenderedProgram: 'rx.showRenderedProgram',
} as const;

/** What activate returns, for tests and other extensions. */
export interface RxLspApi {
  /** Date.now() when activation began. */
  readonly activatedAt: number;
  /** The language client while the server runs. */
  client(): LanguageClient | undefined;
  /** Why the server is not running, when it is not. */
  problem(): string | undefined;
  /** The server process's id while one runs. */
  serverProcessId(): number | undefined;
}

let running: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): RxLspApi {
  const activatedAt = Date.now();
  const output = vscode.window.createOutputChannel('rx-lsp', { log: true });
  const status = new StatusItem(COMMANDS.showOutput);
  // vsce stores the README as readme.md
  const readme = vscode.Uri.file(['readme.md', 'README.md'].map((n) => path.join(context.extensionPath, n)).find((f) => fs.existsSync(f))
    ?? path.join(context.extensionPath, 'readme.md'));
  const server = new ServerController(context.extensionPath, output, status,
    () => vscode.commands.executeCommand('markdown.showPreview', readme));
  running = server;
  const programs = new RenderedPrograms();
  context.subscriptions.push(
    output, status, server, programs,
    vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, programs),
    vscode.commands.registerCommand(COMMANDS.restart, () => server.restart()),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.showRenderedProgram, () => programs.show(server.client)),
  );
  void server.start();
  return { activatedAt, client: () => server.client, problem: () => server.problem, serverProcessId: () => server.processId };
}

/** VS Code waits for this: the server gets its shutdown and exit before the window goes. */
export function deactivate(): Promise<void> | undefined {
  return running?.stop();
}
