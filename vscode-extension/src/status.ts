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
    const running = `rx-lsp ${serverVersion ?? ''} running`;
    if (mgmtVersion === undefined) {
      // unset: the server takes rx-lsp.toml's mgmt-version, which the extension does not read
      this.set('$(check) rx-lsp', `${running}; MCL dialect: rx-lsp.toml's mgmt-version, else chosen per program (rx.mgmtVersion is not set)`, undefined);
      return;
    }
    this.set(`$(check) rx-lsp · mgmt ${mgmtVersion}`, `${running}; MCL checked as mgmt ${mgmtVersion} (rx.mgmtVersion)`, undefined);
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
