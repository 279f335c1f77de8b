// End to end in a real VS Code workbench (code-server, driven by test/e2e/run.js): the extension as
// installed from its .vsix, the bundled server, a workspace with an rx.nix configuration
// (test-fixtures/vscode/workspace), and a stand-in for Nix IDE that brings Nix IDE's Nix grammar
// and plays nil (a diagnostic of source `nil` on every Nix file). Every assertion goes through
// VS Code's API, or through the workbench itself for what the API does not show (token scopes).

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RxLspApi } from '../../../src/extension';
import { inspectorText, record, screenshot, typeKeys } from './runner';

const EXTENSION_ID = 'rx-lsp.rx-lsp';
const STEP_MS = 20_000;

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the runner opens the fixture workspace');
  return f.uri;
}

const file = (name: string) => vscode.Uri.joinPath(folder(), name);

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = STEP_MS): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The diagnostics of a file once they satisfy `ok`; resolves on the change event, so timing is tight. */
function diagnosticsOf(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean,
                       timeoutMs = STEP_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (ok(ds)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(ds);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        check();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}:${String(d.code)}@${d.range.start.line}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${path.basename(uri.path)}; it has [${now.join(', ')}]`));
    }, timeoutMs);
    check();
  });
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const bySource = (ds: vscode.Diagnostic[], source: string) => ds.filter((d) => d.source === source);
const rxLsp = (ds: vscode.Diagnostic[]) => ds.filter((d) => d.source === 'mcl' || d.source === 'rx' || d.source === 'nix');

function range(d: vscode.Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

async function setting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('rx').update(key, value, vscode.ConfigurationTarget.Global);
}

function api(): RxLspApi {
  const ext = vscode.extensions.getExtension<RxLspApi>(EXTENSION_ID);
  assert.ok(ext?.isActive, 'the extension is active');
  return ext.exports;
}

/** The server runs (again): its client is ready. */
function running(what: string): Promise<RxLspApi> {
  return waitFor(what, () => {
    const a = api();
    return a.client()?.isRunning() ? a : undefined;
  });
}

suite('rx-lsp in a real VS Code workbench', () => {
  const webUri = () => file('web.nix');

  test('the extension is the one installed from the .vsix, with its server jar and natives list', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    const source = path.resolve(__dirname, '..', '..', '..', '..');
    assert.notEqual(ext.extensionPath, source, 'not the source folder');
    assert.match(path.basename(ext.extensionPath), /^rx-lsp\.rx-lsp-\d+\.\d+\.\d+$/, `${ext.extensionPath} is an installed extension`);
    assert.equal(path.basename(path.dirname(ext.extensionPath)), 'extensions', 'in the extensions folder the .vsix was installed into');
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'server', 'rx-lsp.jar')));
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'server', 'natives.json')));
    assert.ok(!fs.existsSync(path.join(ext.extensionPath, 'node_modules')), 'the bundle carries no node_modules');
  });

  test('diagnostics of rx-lsp and of nil appear at their ranges on the Nix file; activation to first diagnostics is recorded', async () => {
    const opened = Date.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(webUri()));
    const ds = await diagnosticsOf(webUri(), 'rx-lsp\'s MCL diagnostic', (d) => bySource(d, 'mcl').length > 0, 60_000);
    const arrived = Date.now();
    record('activationToFirstDiagnosticsMs', arrived - api().activatedAt);
    record('openToFirstDiagnosticsMs', arrived - opened);
    const all = await diagnosticsOf(webUri(), 'the Nix and the nil diagnostics too',
      (d) => bySource(d, 'nix').length > 0 && bySource(d, 'nil').length > 0);
    const mcl = bySource(all, 'mcl');
    assert.deepEqual(mcl.map((d) => [codeOf(d), range(d), d.severity]), [['mcl-missing-comma', '11:25-12:0', vscode.DiagnosticSeverity.Error]]);
    assert.match(mcl[0].message, /missing `,` after resource field `state`/);
    const nix = bySource(all, 'nix');
    assert.deepEqual(nix.map((d) => [codeOf(d), range(d)]), [['nix-undefined-variable', '2:24-2:32']]);
    assert.equal(bySource(all, 'nil').length, 1, 'the other Nix server\'s diagnostics stay beside rx-lsp\'s');
    assert.ok(ds.length > 0);
  });

  test('a screenshot of the workbench with the diagnostics (squiggles and the Problems panel)', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(webUri()), { selection: new vscode.Range(11, 25, 11, 25) });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await new Promise((r) => setTimeout(r, 800)); // let the panel and the squiggles paint
    const png = await screenshot('workbench-diagnostics.png');
    assert.ok(fs.statSync(png).size > 10_000, `${png} holds a picture`);
  });

  test('the MCL inside the Nix string gets the injection grammar\'s scopes in the workbench', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(webUri()));
    editor.selection = new vscode.Selection(5, 7, 5, 7); // inside `print`
    await vscode.commands.executeCommand('editor.action.inspectTMScopes');
    const text = await inspectorText();
    for (const scope of ['entity.name.type.resource.mcl', 'meta.embedded.block.mcl', 'string.quoted.other.nix', 'meta.rx-mcl.value.nix', 'source.nix']) {
      assert.ok(text.includes(scope), `the token inspector shows ${scope}:\n${text}`);
    }
    assert.match(text, /\bmcl\b/, 'the language at the cursor is MCL (embeddedLanguages)');
  });

  test('hover inside the MCL string in the Nix file answers', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', webUri(), new vscode.Position(6, 17));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /fmt\.printf/, `hover over fmt.printf: ${text}`);
  });

  test('completion inside the MCL string in the Nix file offers the configuration\'s var', async function () {
    // written ahead of the server: enabled by the server's own capability, and shown as pending (with
    // the reason) while it lacks it, so that the day it lands this runs without anyone flipping a switch
    if (api().client()?.initializeResult?.capabilities.completionProvider === undefined) {
      console.log('    PENDING: completion: the server does not offer completionProvider yet');
      this.skip();
    }
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', webUri(), new vscode.Position(6, 39));
    // the server's items, not VS Code's words of the document (kind Text; also turned off in the runner's settings)
    const items = list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text);
    const labels = items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => /^\$?site$/.test(l)), `completion after \`$\` offers site: ${labels.slice(0, 20).join(', ')}`);
  });

  test('go-to-definition jumps from $site to rx.mcl.vars.site in configuration.nix', async () => {
    const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', webUri(), new vscode.Position(6, 40));
    const targets = found.map((l) => ('targetUri' in l ? [l.targetUri, l.targetRange] as const : [l.uri, l.range] as const));
    assert.ok(targets.some(([uri, r]) => uri.toString() === file('configuration.nix').toString() && r.start.line === 4),
      `definition of $site: ${targets.map(([u, r]) => `${path.basename(u.path)}:${r.start.line}`).join(', ')}`);
  });

  test('the assembled main.mcl opens read-only, in MCL mode', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(webUri()));
    await vscode.commands.executeCommand('rx.showRenderedProgram');
    const editor = await waitFor('the rendered program\'s editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'rx-rendered' ? e : undefined;
    });
    assert.equal(editor.document.languageId, 'mcl');
    assert.equal(path.basename(editor.document.uri.path), 'main.mcl');
    assert.equal(editor.document.getText(), '# Generated MCL for host "main"\n\nimport "deploy"\nimport "fmt"\n\n$site = "example.org"\n\n'
      + 'print "greeting" {\n  msg => fmt.printf("hello %s", $site),\n}\n\nfile "/tmp/rx-e2e" {\n  state => "exists"\n}\n\n');
    const before = editor.document.getText();
    await typeKeys('xyz');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(editor.document.getText(), before, 'typing into the rendered program changes nothing: it is read-only');
    assert.ok(!editor.document.isDirty);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  // Format Document as a user runs it: the workbench's command on the active editor, which asks the
  // formatting provider the client registered from the server's capability and applies its edits.
  async function formatDocument(name: string, expected: string): Promise<void> {
    const uri = file(name);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const before = editor.document.getText();
    await vscode.commands.executeCommand('editor.action.formatDocument');
    const after = await waitFor('the formatting edits applied in the editor', () => {
      const text = editor.document.getText();
      return text !== before ? text : undefined;
    });
    assert.equal(after, expected);
    assert.ok(editor.document.isDirty, 'the edits are in the editor, not written behind its back');
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', uri,
      { tabSize: 4, insertSpaces: true });
    assert.deepEqual(again ?? [], [], 'formatting the formatted text changes nothing');
    await vscode.commands.executeCommand('workbench.action.files.revert'); // the fixture as it was, for the tests after
    assert.equal(editor.document.getText(), before);
  }

  test('Format Document on an MCL string in a .nix file: the raw block tidied in place, Nix untouched', async () => {
    await formatDocument('tidy.nix', "{ ... }:\n{\n  rx.mcl.raw = [\n    ''\n      file \"/tmp/rx-e2e-tidy\" {\n"
      + "      \tstate => \"exists\",\n      }\n    ''\n  ];\n}\n");
  });

  test('Format Document on a .mcl file: mgmt fmt\'s layout, a tab per level', async () => {
    await formatDocument('tidy.mcl', '$n = 1\nif $n > 0 {\n\tprint "tidy" {\n\t\tmsg => "n is positive",\n\t}\n}\n');
  });

  test('folding ranges and selection ranges come from the server, in MCL and around it in Nix', async () => {
    const folds = async (name: string) => {
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', file(name));
      return ranges.map((r) => `${r.start}-${r.end}`).sort();
    };
    // the .mcl: the if (lines 1-4, its `}` stays in view) and the resource body in it
    assert.deepEqual(await folds('tidy.mcl'), ['1-4', '2-3']);
    // the .nix file: the set, the list, the string and the MCL resource body inside the string
    assert.deepEqual(await folds('tidy.nix'), ['1-8', '2-7', '3-6', '4-5']);
    const [selection] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider',
      file('tidy.nix'), [new vscode.Position(5, 8)]);
    const chain: string[] = [];
    for (let r: vscode.SelectionRange | undefined = selection; r !== undefined; r = r.parent) {
      chain.push(`${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`);
    }
    // VS Code merges its own word and line ranges into the chain; the server's are the field, the
    // resource, the string's text, the string, the list and the binding `rx.mcl.raw = …;`, in that order
    const server = ['5:6-5:22', '4:6-6:7', '3:6-7:4', '3:4-7:6', '2:15-8:3', '2:2-8:4'];
    assert.deepEqual(chain.filter((r) => server.includes(r)), server, chain.join(' < '));
  });

  test('changing rx.nixVersion to 2.8 warns where Nix 2.8 rounds a float; back to current, clean', async () => {
    const floats = file('floats.nix');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(floats));
    await diagnosticsOf(floats, 'no rx-lsp diagnostics with the current Nix', (d) => rxLsp(d).length === 0);
    await new Promise((r) => setTimeout(r, 300));
    await setting('nixVersion', '2.8');
    const ds = await diagnosticsOf(floats, 'rx-float-precision under Nix 2.8', (d) => rxLsp(d).length > 0);
    assert.deepEqual(rxLsp(ds).map((d) => [d.source, codeOf(d), d.range.start.line, d.range.start.character]),
      [['rx', 'rx-float-precision', 1, 26]]);
    await setting('nixVersion', undefined);
    await diagnosticsOf(floats, 'clean again with the current Nix', (d) => rxLsp(d).length === 0);
  });

  test('an rx-lsp.toml in the workspace is in force while rx.nixVersion is unset; setting it, even to its default, overrides the file', async () => {
    const floats = file('floats.nix');
    const toml = file('rx-lsp.toml').fsPath;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(floats));
    await diagnosticsOf(floats, 'no rx-lsp diagnostics without rx-lsp.toml', (d) => rxLsp(d).length === 0);
    try {
      // the server hears of the new file through the watcher it registered with the client
      fs.writeFileSync(toml, 'nix-version = "2.8"\n');
      const ds = await diagnosticsOf(floats, 'rx-float-precision from rx-lsp.toml\'s nix-version', (d) => rxLsp(d).length > 0);
      assert.deepEqual(rxLsp(ds).map((d) => [codeOf(d), d.range.start.line]), [['rx-float-precision', 1]]);
      await setting('nixVersion', 'current');
      await diagnosticsOf(floats, 'clean: rx.nixVersion set to current overrides the file', (d) => rxLsp(d).length === 0);
      await setting('nixVersion', undefined);
      await diagnosticsOf(floats, 'the file\'s nix-version in force again', (d) => rxLsp(d).length > 0);
    } finally {
      await setting('nixVersion', undefined);
      fs.rmSync(toml, { force: true });
    }
    await diagnosticsOf(floats, 'clean again without rx-lsp.toml', (d) => rxLsp(d).length === 0);
  });

  test('changing rx.mgmtVersion analyses the open files again', async () => {
    const site = file('site.mcl');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(site));
    await diagnosticsOf(site, 'no diagnostics for `[1, 2]` in mgmt 1.1', (d) => d.length === 0);
    // analysed (empty) before the change, so an error now comes from the new setting
    await new Promise((r) => setTimeout(r, 300));
    await setting('mgmtVersion', '1.0');
    const ds = await diagnosticsOf(site, 'the mgmt 1.0 syntax error', (d) => rxLsp(d).length > 0);
    assert.equal(ds[0].source, 'mcl');
    assert.equal(ds[0].range.start.line, 0);
    await setting('mgmtVersion', undefined);
    await diagnosticsOf(site, 'clean again in mgmt 1.1', (d) => d.length === 0);
  });

  test('rx.diagnosticsScope "embedded" leaves Nix errors to nil and keeps the MCL ones', async () => {
    await setting('diagnosticsScope', 'embedded');
    const ds = await diagnosticsOf(webUri(), 'no rx-lsp Nix diagnostic', (d) => bySource(d, 'nix').length === 0 && bySource(d, 'mcl').length === 1);
    assert.equal(bySource(ds, 'nil').length, 1);
    await setting('diagnosticsScope', undefined);
    await diagnosticsOf(webUri(), 'the Nix diagnostic back', (d) => bySource(d, 'nix').length === 1);
  });

  test('restart: a new server process, the open files analysed again', async () => {
    const before = api().client();
    assert.ok(before);
    await vscode.commands.executeCommand('rx.restartServer');
    const after = await running('the restarted server');
    assert.notStrictEqual(after.client(), before, 'a new client and server process');
    await diagnosticsOf(webUri(), 'the MCL diagnostic from the new server', (d) => bySource(d, 'mcl').length === 1);
  });

  test('bad input ends in one clear problem, and the server comes back: an old JDK, a missing launcher, one that dies at start, a broken jar', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rx-e2e-'));
    // a JDK 17 as it looks on disk (bin/java and its release file)
    const jdk17 = path.join(tmp, 'jdk-17');
    fs.mkdirSync(path.join(jdk17, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(jdk17, 'bin', 'java'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    fs.writeFileSync(path.join(jdk17, 'release'), 'JAVA_VERSION="17.0.15"\n');
    await setting('java.home', jdk17);
    assert.match(await waitFor('the too-old JDK problem', () => api().problem()), /a Java 17; rx-lsp needs Java 22 or newer/);
    assert.equal(api().client(), undefined);
    await setting('java.home', undefined);
    await running('the server with the found JDK');

    await setting('server.path', path.join(tmp, 'no-such-rx-lsp'));
    assert.match(await waitFor('the missing launcher problem', () => api().problem()), /rx\.server\.path is .*no-such-rx-lsp, which does not exist/);

    const dying = path.join(tmp, 'dying-rx-lsp');
    fs.writeFileSync(dying, '#!/bin/sh\necho "rx-e2e: this server dies at start" >&2\nexit 3\n', { mode: 0o755 });
    await setting('server.path', dying);
    const problem = await waitFor('the start failure', () => {
      const p = api().problem();
      return p !== undefined && p.includes('could not start') ? p : undefined;
    });
    assert.match(problem, /this server dies at start/, `the message carries the server's last words: ${problem}`);

    await setting('server.path', undefined);
    await running('the bundled server again');

    // a broken jar in the installed extension (the test's own copy of it)
    const jar = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'server', 'rx-lsp.jar');
    fs.renameSync(jar, `${jar}.good`);
    try {
      fs.writeFileSync(jar, 'not a jar');
      await vscode.commands.executeCommand('rx.restartServer');
      assert.match(await waitFor('the broken jar problem', () => api().problem()), /could not start: .*(corrupt|jarfile|zip)/i);
    } finally {
      fs.rmSync(jar, { force: true });
      fs.renameSync(`${jar}.good`, jar);
    }
    await vscode.commands.executeCommand('rx.restartServer');
    await running('the bundled server with its jar back');
    await diagnosticsOf(webUri(), 'diagnostics again', (d) => bySource(d, 'mcl').length === 1);
    assert.equal(api().problem(), undefined);
  });

  test('a server that keeps crashing is restarted with a pause a few times, then the extension says so; Restart brings it back', async function () {
    this.timeout(60_000);
    const started = Date.now();
    let killed = 0;
    for (;;) {
      // kill the running server process (a crash after start, not a failed start)
      const pid = await waitFor(`the server running before crash ${killed + 1}`, () => {
        const a = api();
        return a.client()?.isRunning() ? a.serverProcessId() : undefined;
      });
      process.kill(pid, 'SIGKILL');
      killed++;
      const next = await waitFor('a restarted server or the crash limit', () => {
        const a = api();
        if (a.problem() !== undefined) {
          return 'gave up';
        }
        const now = a.serverProcessId();
        return now !== undefined && now !== pid ? 'restarted' : undefined;
      });
      if (next === 'gave up') {
        break;
      }
      assert.ok(killed < 10, 'the extension gives up after a few crashes');
    }
    assert.equal(killed, 5, `four restarts, then no fifth: ${api().problem()}`);
    assert.match(api().problem() ?? '', /rx-lsp stopped: its server exited 5 times within 3 minutes/);
    assert.equal(api().client(), undefined);
    record('crashLimitReachedMs', Date.now() - started);
    await vscode.commands.executeCommand('rx.restartServer');
    await running('the bundled server after the crash limit');
    await diagnosticsOf(webUri(), 'diagnostics again', (d) => bySource(d, 'mcl').length === 1);
    assert.equal(api().problem(), undefined);
  });
});
