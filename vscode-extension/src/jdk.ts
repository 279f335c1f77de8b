// Finds a JDK that can run rx-lsp (Java 22 or newer: jtreesitter uses the final FFM API), in the
// order bin/find-jdk uses: the rx.java.home setting, RX_LSP_JAVA_HOME, JAVA_HOME, the java on PATH,
// then the usual install folders, newest first. No 'vscode' import: unit-tested under plain Node.

import * as path from 'path';

export const MIN_JAVA = 22;

/** What discovery reads of the machine; the real one is in nodeMachine(), tests give their own. */
export interface Machine {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  /** The file's text, or undefined when it cannot be read. */
  readFile(file: string): string | undefined;
  isFile(file: string): boolean;
  /** The entries of a folder (names only), empty when it cannot be listed. */
  list(dir: string): string[];
  /** The file a path resolves to through symbolic links, or the path itself. */
  realpath(file: string): string;
}

/** A usable JDK. */
export interface Jdk {
  readonly home: string;
  readonly java: string;
  readonly version: number;
  /** Where it was found: `rx.java.home`, `JAVA_HOME`, `PATH`, or the folder searched. */
  readonly source: string;
  /** OS_NAME and OS_ARCH from the JDK's release file, when it has them: what the JVM will report. */
  readonly osName?: string;
  readonly osArch?: string;
}

export type JdkSearch = { readonly jdk: Jdk } | { readonly problem: string };

function javaExecutable(machine: Machine, home: string): string {
  return path.join(home, 'bin', machine.platform === 'win32' ? 'java.exe' : 'java');
}

/** Reads `KEY="value"` from a JDK's release file. */
function releaseValue(release: string, key: string): string | undefined {
  const m = new RegExp(`^${key}="([^"]*)"`, 'm').exec(release);
  return m ? m[1] : undefined;
}

/** The feature version of a JAVA_VERSION value: "25.0.1" -> 25, "1.8.0_402" -> 8. */
export function featureVersion(javaVersion: string): number | undefined {
  const m = /^(\d+)(?:\.(\d+))?/.exec(javaVersion);
  if (!m) {
    return undefined;
  }
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

type Probe = { jdk: Jdk } | { tooOld: number } | { notAJdk: true };

function probe(machine: Machine, home: string, source: string): Probe {
  const java = javaExecutable(machine, home);
  const release = machine.readFile(path.join(home, 'release'));
  if (!machine.isFile(java) || release === undefined) {
    return { notAJdk: true };
  }
  const raw = releaseValue(release, 'JAVA_VERSION');
  const version = raw === undefined ? undefined : featureVersion(raw);
  if (version === undefined) {
    return { notAJdk: true };
  }
  if (version < MIN_JAVA) {
    return { tooOld: version };
  }
  return { jdk: { home, java, version, source, osName: releaseValue(release, 'OS_NAME'), osArch: releaseValue(release, 'OS_ARCH') } };
}

/** Folders that hold one JDK per entry, per platform. */
export function installFolders(machine: Machine): string[] {
  const home = machine.homedir;
  const common = [path.join(home, '.jdks'), path.join(home, '.sdkman', 'candidates', 'java')];
  switch (machine.platform) {
    case 'darwin':
      return ['/Library/Java/JavaVirtualMachines', path.join(home, 'Library', 'Java', 'JavaVirtualMachines'), ...common];
    case 'win32': {
      const programFiles = machine.env['ProgramFiles'] ?? 'C:\\Program Files';
      return ['Java', 'Eclipse Adoptium', 'Microsoft', 'Zulu', 'Amazon Corretto', 'BellSoft']
        .map((vendor) => path.join(programFiles, vendor)).concat(common);
    }
    default:
      return ['/usr/lib/jvm', '/usr/local/lib/jvm', '/opt/java', ...common];
  }
}

/** The JDK homes below an install folder (macOS bundles keep theirs in Contents/Home). */
function homesIn(machine: Machine, folder: string): string[] {
  return machine.list(folder).flatMap((entry) => {
    const dir = path.join(folder, entry);
    return [dir, path.join(dir, 'Contents', 'Home')];
  });
}

/** The home of the `java` found on PATH, through symbolic links (/usr/bin/java -> …/bin/java). */
function javaOnPath(machine: Machine): string | undefined {
  const exe = machine.platform === 'win32' ? 'java.exe' : 'java';
  const dirs = (machine.env['PATH'] ?? machine.env['Path'] ?? '').split(machine.platform === 'win32' ? ';' : ':');
  for (const dir of dirs.filter((d) => d.length > 0)) {
    const candidate = path.join(dir, exe);
    if (machine.isFile(candidate)) {
      return path.dirname(path.dirname(machine.realpath(candidate)));
    }
  }
  return undefined;
}

/**
 * The JDK to run rx-lsp with, or one message saying what is wrong and what to install. A JDK the
 * user named in `rx.java.home` is used or refused, never passed over; the environment's and the
 * machine's are searched in order, and a too-old JAVA_HOME only counts if nothing newer is found.
 */
export function findJdk(machine: Machine, javaHomeSetting: string): JdkSearch {
  const setting = javaHomeSetting.trim();
  if (setting.length > 0) {
    const p = probe(machine, setting, 'rx.java.home');
    if ('jdk' in p) {
      return p;
    }
    return {
      problem: 'tooOld' in p
        ? `rx.java.home is ${setting}, a Java ${p.tooOld}; rx-lsp needs Java ${MIN_JAVA} or newer.`
        : `rx.java.home is ${setting}, which is not a JDK (no bin/java and release file there).`,
    };
  }
  const tooOld: string[] = [];
  const ordered: Array<[string | undefined, string]> = [
    [machine.env['RX_LSP_JAVA_HOME'], 'RX_LSP_JAVA_HOME'],
    [machine.env['JAVA_HOME'], 'JAVA_HOME'],
    [javaOnPath(machine), 'PATH'],
  ];
  for (const [home, source] of ordered) {
    if (home === undefined || home.length === 0) {
      continue;
    }
    const p = probe(machine, home, source);
    if ('jdk' in p) {
      return p;
    }
    if ('tooOld' in p) {
      tooOld.push(`${source} (${home}) is Java ${p.tooOld}`);
    }
  }
  let best: Jdk | undefined;
  for (const folder of installFolders(machine)) {
    for (const home of homesIn(machine, folder)) {
      const p = probe(machine, home, folder);
      if ('jdk' in p && (best === undefined || p.jdk.version > best.version)) {
        best = p.jdk;
      }
    }
  }
  if (best !== undefined) {
    return { jdk: best };
  }
  const found = tooOld.length > 0 ? ` Found only: ${tooOld.join('; ')}.` : '';
  return {
    problem: `rx-lsp needs a JDK ${MIN_JAVA} or newer (25 recommended), and none was found in rx.java.home, JAVA_HOME, PATH or the usual install folders.${found} Install one (e.g. Temurin 25) and, if it is not found on its own, set rx.java.home to its folder.`,
  };
}
