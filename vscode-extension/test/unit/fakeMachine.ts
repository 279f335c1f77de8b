// An in-memory machine for jdk.ts: files and folders by path, with symbolic links.

import * as path from 'path';
import { Machine } from '../../src/jdk';

export class FakeMachine implements Machine {
  private readonly files = new Map<string, string>();
  private readonly links = new Map<string, string>();

  constructor(readonly platform: NodeJS.Platform = 'linux', readonly env: Record<string, string | undefined> = {},
              readonly homedir = '/home/u') {
  }

  /** A JDK: bin/java and a release file saying its version (and OS_NAME/OS_ARCH when given). */
  jdk(home: string, javaVersion: string, osName?: string, osArch?: string): this {
    const exe = this.platform === 'win32' ? 'java.exe' : 'java';
    this.files.set(path.join(home, 'bin', exe), '');
    const lines = [`JAVA_VERSION="${javaVersion}"`];
    if (osName) lines.push(`OS_NAME="${osName}"`);
    if (osArch) lines.push(`OS_ARCH="${osArch}"`);
    this.files.set(path.join(home, 'release'), lines.join('\n') + '\n');
    return this;
  }

  file(file: string, text = ''): this {
    this.files.set(file, text);
    return this;
  }

  link(from: string, to: string): this {
    this.links.set(from, to);
    this.files.set(from, '');
    return this;
  }

  readFile(file: string): string | undefined {
    return this.files.get(file);
  }

  isFile(file: string): boolean {
    return this.files.has(file);
  }

  list(dir: string): string[] {
    const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const names = new Set<string>();
    for (const f of this.files.keys()) {
      if (f.startsWith(prefix)) {
        names.add(f.slice(prefix.length).split(path.sep)[0]);
      }
    }
    return [...names].sort();
  }

  realpath(file: string): string {
    return this.links.get(file) ?? file;
  }
}
