// "rx-lsp: Show the assembled main.mcl": asks the server (rx/renderedProgram) for the program rx.nix
// would render for the configuration the active file belongs to, and shows it read-only in MCL mode.

import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';

export const RENDERED_SCHEME = 'rx-rendered';

interface RenderedProgram {
  text: string | null;
  root: string | null;
}

/** Documents of this scheme are read-only: VS Code offers no editing of content-provider text. */
export class RenderedPrograms implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows the program of the active editor's configuration; a message when there is none. */
  async show(client: LanguageClient | undefined): Promise<vscode.TextEditor | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (document === undefined) {
      void vscode.window.showInformationMessage('Open a Nix or MCL file of an rx.nix configuration first.');
      return undefined;
    }
    if (client === undefined) {
      void vscode.window.showErrorMessage('rx-lsp is not running (see its status bar item).');
      return undefined;
    }
    const result = await client.sendRequest<RenderedProgram>('rx/renderedProgram', {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    });
    if (result.text === null || result.root === null) {
      void vscode.window.showInformationMessage(`${path.basename(document.uri.path)} belongs to no rx.nix configuration: there is no main.mcl to show.`);
      return undefined;
    }
    const root = client.protocol2CodeConverter.asUri(result.root);
    // named main.mcl in the root's folder (the title says which), and keyed by the root
    const uri = vscode.Uri.from({ scheme: RENDERED_SCHEME, path: path.posix.join(path.posix.dirname(root.path), 'main.mcl'), query: root.toString() });
    this.texts.set(uri.toString(), result.text);
    this.changed.fire(uri);
    let shown = await vscode.workspace.openTextDocument(uri);
    if (shown.languageId !== 'mcl') {
      shown = await vscode.languages.setTextDocumentLanguage(shown, 'mcl');
    }
    return vscode.window.showTextDocument(shown, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
