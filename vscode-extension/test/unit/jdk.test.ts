import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { featureVersion, findJdk, MIN_JAVA } from '../../src/jdk';
import { FakeMachine } from './fakeMachine';

function home(search: ReturnType<typeof findJdk>): string {
  assert.ok('jdk' in search, 'problem' in search ? search.problem : '');
  return search.jdk.home;
}

test('feature versions of JAVA_VERSION values, old and new style', () => {
  assert.equal(featureVersion('25.0.1'), 25);
  assert.equal(featureVersion('22'), 22);
  assert.equal(featureVersion('1.8.0_402'), 8);
  assert.equal(featureVersion('17.0.15+6'), 17);
  assert.equal(featureVersion('garbage'), undefined);
});

test('rx.java.home wins, and is refused rather than passed over when it does not fit', () => {
  const m = new FakeMachine('linux', { JAVA_HOME: '/opt/jdk25' }).jdk('/opt/jdk25', '25.0.1').jdk('/opt/jdk23', '23').jdk('/opt/jdk17', '17.0.15');
  assert.equal(home(findJdk(m, '/opt/jdk23')), '/opt/jdk23');
  const old = findJdk(m, '/opt/jdk17');
  assert.ok('problem' in old);
  assert.match(old.problem, /rx\.java\.home is \/opt\/jdk17, a Java 17; rx-lsp needs Java 22 or newer/);
  const none = findJdk(m, '/nowhere');
  assert.ok('problem' in none);
  assert.match(none.problem, /not a JDK/);
});

test('RX_LSP_JAVA_HOME, then JAVA_HOME, then the java on PATH through its symbolic link', () => {
  const m = new FakeMachine('linux', { RX_LSP_JAVA_HOME: '/a', JAVA_HOME: '/b', PATH: '/usr/bin' })
    .jdk('/a', '24').jdk('/b', '25').jdk('/usr/lib/jvm/temurin-25', '25')
    .link('/usr/bin/java', '/usr/lib/jvm/temurin-25/bin/java');
  assert.equal(home(findJdk(m, '')), '/a');
  const noOverride = new FakeMachine('linux', { JAVA_HOME: '/b', PATH: '/usr/bin' }).jdk('/b', '25');
  assert.equal(home(findJdk(noOverride, '')), '/b');
  const onPath = new FakeMachine('linux', { PATH: '/nothing:/usr/bin' }).jdk('/usr/lib/jvm/temurin-25', '25.0.1')
    .link('/usr/bin/java', '/usr/lib/jvm/temurin-25/bin/java');
  const found = findJdk(onPath, '');
  assert.equal(home(found), '/usr/lib/jvm/temurin-25');
  assert.ok('jdk' in found && found.jdk.source === 'PATH');
});

test('a too-old JAVA_HOME is passed over for a newer JDK in the usual folders, newest first', () => {
  const m = new FakeMachine('linux', { JAVA_HOME: '/usr/lib/jvm/java-17-openjdk-amd64' }, '/home/u')
    .jdk('/usr/lib/jvm/java-17-openjdk-amd64', '17.0.15')
    .jdk('/usr/lib/jvm/java-22-openjdk-amd64', '22.0.2')
    .jdk('/home/u/.jdks/temurin-25', '25.0.1')
    .file('/usr/lib/jvm/README', 'not a JDK');
  const found = findJdk(m, '');
  assert.equal(home(found), '/home/u/.jdks/temurin-25');
  assert.ok('jdk' in found && found.jdk.version === 25 && found.jdk.java === '/home/u/.jdks/temurin-25/bin/java');
});

test('macOS bundles keep the JDK in Contents/Home, and its release file names the JVM platform', () => {
  const m = new FakeMachine('darwin', {}, '/Users/u')
    .jdk('/Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home', '25.0.1', 'Darwin', 'aarch64');
  const found = findJdk(m, '');
  assert.equal(home(found), '/Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home');
  assert.ok('jdk' in found && found.jdk.osName === 'Darwin' && found.jdk.osArch === 'aarch64');
});

test('Windows: java.exe under Program Files vendors', () => {
  const m = new FakeMachine('win32', { ProgramFiles: 'C:\\Program Files' }, 'C:\\Users\\u');
  // path.join on this (POSIX) test host joins with '/', as the code under test does here too
  m.jdk('C:\\Program Files/Eclipse Adoptium/jdk-25.0.1-hotspot', '25.0.1');
  const found = findJdk(m, '');
  assert.ok('jdk' in found, 'problem' in found ? found.problem : '');
  assert.match(found.jdk.java, /java\.exe$/);
});

test('nothing usable: one message naming what was found and what to install', () => {
  const m = new FakeMachine('linux', { JAVA_HOME: '/usr/lib/jvm/java-17' }).jdk('/usr/lib/jvm/java-17', '17.0.15');
  const r = findJdk(m, '');
  assert.ok('problem' in r);
  assert.match(r.problem, new RegExp(`needs a JDK ${MIN_JAVA} or newer`));
  assert.match(r.problem, /JAVA_HOME \(\/usr\/lib\/jvm\/java-17\) is Java 17/);
  assert.match(r.problem, /set rx\.java\.home/);
});
