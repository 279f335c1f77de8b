import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { JdkSearch } from '../../src/jdk';
import { Bundle, LaunchInputs, planLaunch, SERVER_JVM_OPTIONS } from '../../src/launch';

const jdk25: JdkSearch = { jdk: { home: '/jdk', java: '/jdk/bin/java', version: 25, source: 'JAVA_HOME', osName: 'Linux', osArch: 'amd64' } };
const bundle: Bundle = { jar: '/ext/server/rx-lsp.jar', jarExists: true, platforms: ['linux-aarch64', 'linux-x86_64', 'windows-x86_64'] };

function inputs(over: Partial<LaunchInputs>): LaunchInputs {
  return { serverPath: '', bundle, findJdk: () => jdk25, isFile: () => true, nodePlatform: 'linux', nodeArch: 'x64', ...over };
}

test('the bundled jar runs with the found JDK and the launcher\'s JVM options', () => {
  const plan = planLaunch(inputs({}));
  assert.ok('command' in plan);
  assert.equal(plan.command.command, '/jdk/bin/java');
  assert.deepEqual(plan.command.args, [...SERVER_JVM_OPTIONS, '-jar', '/ext/server/rx-lsp.jar']);
  assert.match(plan.command.summary, /Java 25 from \/jdk \(JAVA_HOME\), natives linux-x86_64/);
});

test('the server\'s JVM options are those of bin/rx-lsp\'s server mode', () => {
  // out/test/unit/ -> the repository root
  const launcher = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'bin', 'rx-lsp'), 'utf8').split('\n');
  const opts = launcher.find((line) => line.startsWith('opts=')) ?? '';
  const server = launcher.find((line) => line.trim().startsWith('*) mode=server')) ?? '';
  for (const option of SERVER_JVM_OPTIONS) {
    assert.ok(opts.includes(option) || server.includes(option), `${option} is not in bin/rx-lsp's ${opts} or ${server}`);
  }
});

test('rx.server.path runs the user\'s launcher without looking for a JDK; a .cmd through the shell on Windows', () => {
  const noJdk = () => { throw new Error('not to be called'); };
  const plan = planLaunch(inputs({ serverPath: ' /src/rx-lsp/bin/rx-lsp ', findJdk: noJdk }));
  assert.ok('command' in plan);
  assert.deepEqual([plan.command.command, plan.command.args, plan.command.shell], ['/src/rx-lsp/bin/rx-lsp', [], false]);
  const win = planLaunch(inputs({ serverPath: 'C:\\rx\\rx-lsp.cmd', findJdk: noJdk, nodePlatform: 'win32' }));
  assert.ok('command' in win && win.command.shell);
  const missing = planLaunch(inputs({ serverPath: '/nope/rx-lsp', isFile: () => false }));
  assert.ok('problem' in missing);
  assert.match(missing.problem, /rx\.server\.path is \/nope\/rx-lsp, which does not exist/);
});

test('a missing jar and a missing JDK are problems, not commands', () => {
  const noJar = planLaunch(inputs({ bundle: { ...bundle, jarExists: false } }));
  assert.ok('problem' in noJar);
  assert.match(noJar.problem, /server jar is missing/);
  const noJdk = planLaunch(inputs({ findJdk: () => ({ problem: 'rx-lsp needs a JDK 22 or newer' }) }));
  assert.deepEqual(noJdk, { problem: 'rx-lsp needs a JDK 22 or newer' });
});

test('the natives are chosen by the JVM\'s platform: an x86_64 JDK on an arm64 Mac, an arm64 Linux JDK', () => {
  const macX64: JdkSearch = { jdk: { ...('jdk' in jdk25 ? jdk25.jdk : ({} as never)), osName: 'Darwin', osArch: 'x86_64' } };
  const mac = planLaunch(inputs({ findJdk: () => macX64, nodePlatform: 'darwin', nodeArch: 'arm64' }));
  assert.ok('problem' in mac);
  assert.match(mac.problem, /not for macos-x86_64/);
  assert.match(mac.problem, /macOS needs its own build/);
  const withMacNatives = planLaunch(inputs({ findJdk: () => macX64, bundle: { ...bundle, platforms: ['macos-x86_64'] } }));
  assert.ok('command' in withMacNatives);
  const armJdk: JdkSearch = { jdk: { home: '/j', java: '/j/bin/java', version: 25, source: 'PATH' } };
  const arm = planLaunch(inputs({ findJdk: () => armJdk, nodeArch: 'arm64' }));
  assert.ok('command' in arm && arm.command.summary.endsWith('natives linux-aarch64'));
});
