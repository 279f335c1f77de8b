// The status bar item: the server's state and the mgmt version it checks against; a click shows the output.

import * as vscode from 'vscode';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rx-lsp.status', vscode.StatusBarAlignment.Right, 100);

  constructor(showOutputCommand: string) {
    this.item.name = 'rx-lsp';
    this.item.command = showOutputCommand;
    this.stopped();
    this.item.show();
  }

  starting(): void {
    this.set('$(sync~spin) rx-lsp', 'rx-lsp: starting the server', undefined);
  }

  running(mgmtVersion: string | undefined, serverVersion: string | undefined): void {
    const mgmt = mgmtVersion ?? 'auto';
    this.set(`$(check) rx-lsp · mgmt ${mgmt}`, `rx-lsp ${serverVersion ?? ''} running; MCL checked as mgmt ${mgmt} (rx.mgmtVersion)`, undefined);
  }

  failed(problem: string): void {
    this.set('$(error) rx-lsp', problem, new vscode.ThemeColor('statusBarItem.errorBackground'));
  }

  stopped(): void {
    this.set('$(circle-slash) rx-lsp', 'rx-lsp: not running', undefined);
  }

  dispose(): void {
    this.item.dispose();
  }

  private set(text: string, tooltip: string, background: vscode.ThemeColor | undefined): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = background;
  }
}
