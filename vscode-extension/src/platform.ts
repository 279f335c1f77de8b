// Which tree-sitter natives the server will load: the jar keeps them under native/<os>-<arch>/ and
// the JVM picks the folder from its own os.name and os.arch (rxlsp.nix.NativeLibraries). The
// extension names the same folder before starting the server, so that a platform the jar was not
// built for gets one clear message instead of a server that dies at its first parse.

/** The jar's folder name for an OS and architecture as a JDK's release file or Node names them. */
export function nativePlatform(os: string, arch: string): string {
  const o = os.toLowerCase();
  const osName = o.startsWith('mac') || o === 'darwin' ? 'macos' : o.startsWith('win') ? 'windows' : 'linux';
  const a = arch.toLowerCase();
  const archName = a === 'amd64' || a === 'x86_64' || a === 'x64' ? 'x86_64' : a === 'aarch64' || a === 'arm64' ? 'aarch64' : a;
  return `${osName}-${archName}`;
}

/**
 * The platform the JVM of a JDK runs as: its release file's OS_NAME/OS_ARCH (an x86_64 JDK on an
 * arm64 Mac runs under Rosetta and loads x86_64 libraries), else this process's own.
 */
export function jvmPlatform(osName: string | undefined, osArch: string | undefined,
                            nodePlatform: string, nodeArch: string): string {
  return osName && osArch ? nativePlatform(osName, osArch) : nativePlatform(nodePlatform, nodeArch);
}

/** What the packaging step wrote next to the bundled jar: the platforms it carries natives for. */
export function parseBundledPlatforms(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { platforms?: unknown }).platforms)) {
    throw new Error('natives.json has no "platforms" list');
  }
  return ((parsed as { platforms: unknown[] }).platforms).filter((p): p is string => typeof p === 'string');
}
