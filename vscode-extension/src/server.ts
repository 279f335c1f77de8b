// Starts, restarts and stops the one rx-lsp server of the window. Everything a user can get wrong
// (no JDK, an old one, a missing jar, natives for another platform, a server that keeps crashing)
// ends here in one notification and a status bar item that says it, with the editor still working.

import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, LanguageClientOptions, State } from 'vscode-languageclient/node';
import { CrashPolicy } from './crashPolicy';
import { findJdk, Machine } from './jdk';
import { Bundle, Command, planLaunch } from './launch';
import { parseBundledPlatforms } from './platform';
import { RESTART_SETTINGS, serverSettings } from './settings';
import { StatusItem } from './status';

/** The files rx-lsp serves: Nix (whatever extension named the language) and MCL, on disk or unsaved. */
export const DOCUMENT_SELECTOR: NonNullable<LanguageClientOptions['documentSelector']> = [
  { scheme: 'file', language: 'nix' },
  { scheme: 'file', language: 'mcl' },
  { scheme: 'file', pattern: '**/*.nix' },
  { scheme: 'untitled', language: 'nix' },
  { scheme: 'untitled', language: 'mcl' },
];

const STDERR_LINES_KEPT = 20;

export function nodeMachine(): Machine {
  return {
    platform: process.platform,
    env: process.env,
    homedir: os.homedir(),
    readFile: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    list: (dir) => {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
    realpath: (file) => {
      try {
        return fs.realpathSync(file);
      } catch {
        return file;
      }
    },
  };
}

function readBundle(extensionPath: string, machine: Machine): Bundle {
  const jar = path.join(extensionPath, 'server', 'rx-lsp.jar');
  const natives = machine.readFile(path.join(extensionPath, 'server', 'natives.json'));
  let platforms: string[] | undefined;
  try {
    platforms = natives === undefined ? undefined : parseBundledPlatforms(natives);
  } catch {
    platforms = undefined;
  }
  return { jar, jarExists: machine.isFile(jar), platforms };
}

export class ServerController implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private process: ChildProcess | undefined;
  /** Settles when the server's process has ended and its output is read. */
  private processEnded: Promise<void> = Promise.resolve();
  private stderrTail: string[] = [];
  private readonly crashes = new CrashPolicy();
  private problemShown: string | undefined;
  private lastProblem: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionPath: string,
    private readonly output: vscode.LogOutputChannel,
    private readonly status: StatusItem,
    private readonly setupGuide: () => Thenable<unknown>,
  ) {
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => this.settingsChanged(e)));
  }

  /** The running client, if any (for commands and tests). */
  get client(): LanguageClient | undefined {
    return this.current;
  }

  /** The server process's id while one runs. */
  get processId(): number | undefined {
    const child = this.process;
    return child !== undefined && child.exitCode === null && child.signalCode === null ? child.pid : undefined;
  }

  /** The last problem that kept the server from running, if it is not running. */
  get problem(): string | undefined {
    return this.lastProblem;
  }

  async start(): Promise<void> {
    const machine = nodeMachine();
    const config = vscode.workspace.getConfiguration('rx');
    const plan = planLaunch({
      serverPath: config.get<string>('server.path', ''),
      bundle: readBundle(this.extensionPath, machine),
      findJdk: () => findJdk(machine, config.get<string>('java.home', '')),
      isFile: machine.isFile,
      nodePlatform: process.platform,
      nodeArch: process.arch,
    });
    if ('problem' in plan) {
      this.fail(plan.problem, true);
      return;
    }
    this.output.info(`starting ${plan.command.summary}`);
    this.status.starting();
    this.lastProblem = undefined;
    let self: LanguageClient | undefined;
    const client = new LanguageClient('rx', 'rx-lsp', () => this.spawnServer(plan.command), this.clientOptions(() => self));
    self = client;
    this.current = client;
    client.onDidChangeState((e) => {
      if (this.current === client && e.newState === State.Running) {
        this.status.running(serverSettings((k) => config.inspect(k)).rx.mgmtVersion, client.initializeResult?.serverInfo?.version);
      }
    });
    try {
      await client.start();
    } catch (e) {
      if (this.current === client) {
        this.current = undefined;
        // a server that dies at once: its last words arrive with the end of its stderr
        await Promise.race([this.processEnded, new Promise((r) => setTimeout(r, 2000))]);
        await client.dispose().catch(() => undefined); // or it would try to restart itself
        this.fail(`rx-lsp could not start: ${this.lastOutput() ?? (e instanceof Error ? e.message : String(e))}`, false);
      }
    }
  }

  /** A restart the user asked for: also after the crash limit was reached. */
  async restart(): Promise<void> {
    this.crashes.reset();
    this.problemShown = undefined;
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.current;
    const child = this.process;
    this.current = undefined;
    if (client !== undefined) {
      try {
        await client.stop(3000);
      } catch {
        // a server that does not answer shutdown is ended below
      }
      await client.dispose().catch(() => undefined);
    }
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill();
    }
    this.status.stopped();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    void this.stop();
  }

  /** @param owner the client these options are for: only the current client's server is restarted */
  private clientOptions(owner: () => LanguageClient | undefined): LanguageClientOptions {
    const config = () => vscode.workspace.getConfiguration('rx');
    return {
      documentSelector: DOCUMENT_SELECTOR,
      // read at each start, so that a server restarted after a crash gets the settings of now
      initializationOptions: () => serverSettings((k) => config().inspect(k)),
      outputChannel: this.output,
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue }),
        closed: () => (owner() === this.current ? this.closed() : { action: CloseAction.DoNotRestart, handled: true }),
      },
    };
  }

  /** The connection closed without a stop: the server exited. Restart after a pause, or give up. */
  private async closed() {
    const delay = this.crashes.onCrash(Date.now());
    if (delay === undefined) {
      this.current = undefined;
      this.fail(`rx-lsp stopped: its server exited ${this.crashes.recentCrashes} times within ${CrashPolicy.WINDOW_MS / 60_000} minutes.`
        + (this.lastOutput() ? ` Its last words: ${this.lastOutput()}` : ''), false);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.warn(`the server exited; starting it again in ${delay} ms`);
    this.status.starting();
    await new Promise((resolve) => setTimeout(resolve, delay));
    return { action: CloseAction.Restart, handled: true };
  }

  private spawnServer(command: Command): Promise<ChildProcess> {
    this.stderrTail = [];
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'file' ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined;
    const child = spawn(command.command, command.args, { shell: command.shell, cwd, env: process.env });
    this.process = child;
    this.processEnded = new Promise((resolve) => child.once('close', () => resolve()));
    child.stderr?.on('data', (data: Buffer) => {
      const lines = data.toString('utf8').split(/\r?\n/).filter((l) => l.trim().length > 0);
      this.stderrTail = this.stderrTail.concat(lines).slice(-STDERR_LINES_KEPT);
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => resolve(child));
      child.once('error', (e) => {
        this.stderrTail.push(`${command.command}: ${e.message}`);
        reject(e);
      });
    });
  }

  private lastOutput(): string | undefined {
    return this.stderrTail.length > 0 ? this.stderrTail[this.stderrTail.length - 1] : undefined;
  }

  /** One notification per distinct problem; the status bar keeps saying it. */
  private fail(problem: string, setup: boolean): void {
    this.lastProblem = problem;
    this.output.error(problem);
    this.status.failed(problem);
    if (this.problemShown === problem) {
      return;
    }
    this.problemShown = problem;
    const actions = setup ? ['Setup guide', 'Show output'] : ['Restart', 'Show output'];
    void vscode.window.showErrorMessage(problem, ...actions).then((choice) => {
      if (choice === 'Setup guide') {
        void this.setupGuide();
      } else if (choice === 'Restart') {
        void this.restart();
      } else if (choice === 'Show output') {
        this.output.show(true);
      }
    });
  }

  private settingsChanged(e: vscode.ConfigurationChangeEvent): void {
    if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
      void this.restart();
      return;
    }
    if (!e.affectsConfiguration('rx')) {
      return;
    }
    const config = vscode.workspace.getConfiguration('rx');
    const settings = serverSettings((k) => config.inspect(k));
    const client = this.current;
    if (client !== undefined && client.state === State.Running) {
      void client.sendNotification('workspace/didChangeConfiguration', { settings });
      this.status.running(settings.rx.mgmtVersion, client.initializeResult?.serverInfo?.version);
    }
  }
}
