// How to start the server: a user-built launcher (rx.server.path) as it is, or the jar bundled in the
// extension with a JDK found by jdk.ts. Decided before anything is spawned, so that each way it can
// fail ends in one message saying what to do. No 'vscode' import: unit-tested under plain Node.

import * as path from 'path';
import { JdkSearch } from './jdk';
import { jvmPlatform } from './platform';

export interface Command {
  readonly command: string;
  readonly args: string[];
  /** Windows runs .cmd/.bat launchers through its shell. */
  readonly shell: boolean;
  /** For the log: what runs and why. */
  readonly summary: string;
}

export type LaunchPlan = { readonly command: Command } | { readonly problem: string };

/** What the packaged extension carries: server/rx-lsp.jar and server/natives.json. */
export interface Bundle {
  readonly jar: string;
  readonly jarExists: boolean;
  /** The platforms the jar has tree-sitter natives for; undefined when natives.json is missing or broken. */
  readonly platforms: string[] | undefined;
}

/**
 * The JVM options bin/rx-lsp gives the server (keep the two alike): native access for the
 * tree-sitter downcalls, the heap bound and the collector its latency and memory were measured with
 * (bin/rx-lsp says why), JVM warnings on stderr (stdout carries the protocol).
 */
export const SERVER_JVM_OPTIONS = ['--enable-native-access=ALL-UNNAMED', '-XX:+UseParallelGC', '-XX:-UseAdaptiveSizePolicy', '-Xmx1g', '-Xmn200m',
  '-XX:SurvivorRatio=2', '-XX:MaxTenuringThreshold=2', '-Xlog:disable', '-Xlog:all=warning:stderr'];

export interface LaunchInputs {
  readonly serverPath: string;
  readonly bundle: Bundle;
  /** Called only when the bundled jar is to run: a user-built launcher finds its own JDK. */
  readonly findJdk: () => JdkSearch;
  readonly isFile: (file: string) => boolean;
  readonly nodePlatform: NodeJS.Platform;
  readonly nodeArch: string;
}

export function planLaunch(inputs: LaunchInputs): LaunchPlan {
  const serverPath = inputs.serverPath.trim();
  if (serverPath.length > 0) {
    if (!inputs.isFile(serverPath)) {
      return { problem: `rx.server.path is ${serverPath}, which does not exist. Point it at a built rx-lsp (its bin/rx-lsp) or clear it to use the server bundled with the extension.` };
    }
    return {
      command: {
        command: serverPath,
        args: [],
        shell: inputs.nodePlatform === 'win32' && /\.(cmd|bat)$/i.test(serverPath),
        summary: `${serverPath} (rx.server.path)`,
      },
    };
  }
  const { bundle } = inputs;
  if (!bundle.jarExists) {
    return { problem: `The rx-lsp server jar is missing from the extension (${bundle.jar}). Reinstall the extension, or set rx.server.path to a built rx-lsp.` };
  }
  const search = inputs.findJdk();
  if ('problem' in search) {
    return search;
  }
  const { jdk } = search;
  const platform = jvmPlatform(jdk.osName, jdk.osArch, inputs.nodePlatform, inputs.nodeArch);
  if (bundle.platforms !== undefined && !bundle.platforms.includes(platform)) {
    return {
      problem: `The bundled rx-lsp carries tree-sitter libraries for ${bundle.platforms.join(', ')}, not for ${platform} (the JDK at ${jdk.home}). Build rx-lsp on this machine (README, "VS Code": macOS needs its own build) and set rx.server.path to its bin/rx-lsp.`,
    };
  }
  return {
    command: {
      command: jdk.java,
      args: [...SERVER_JVM_OPTIONS, '-jar', bundle.jar],
      shell: false,
      summary: `${path.basename(bundle.jar)} with Java ${jdk.version} from ${jdk.home} (${jdk.source}), natives ${platform}`,
    },
  };
}
