// The extension's grammars in vscode-textmate, as VS Code loads them: MCL on its own, and Nix IDE's
// Nix grammar (the copy npm's tm-grammars ships, taken from nix-community/vscode-nix-ide) with the
// two MCL injections, or without them for comparison.

import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const EXTENSION = path.join(__dirname, '..', '..', '..');
export const PROJECT = path.join(EXTENSION, '..');

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')) as {
  contributes: { grammars: Array<{ scopeName: string; path: string; injectTo?: string[] }> };
};

const GRAMMAR_FILES: Record<string, string> = {
  'source.nix': path.join(EXTENSION, 'node_modules', 'tm-grammars', 'grammars', 'nix.json'),
};
for (const g of manifest.contributes.grammars) {
  GRAMMAR_FILES[g.scopeName] = path.join(EXTENSION, g.path);
}
const INJECTIONS = manifest.contributes.grammars.filter((g) => g.injectTo?.includes('source.nix')).map((g) => g.scopeName);

let onig: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onig ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer)
    .then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }));
  return onig;
}

export interface Token {
  readonly line: number;
  readonly start: number;
  readonly text: string;
  readonly scopes: string[];
}

export class Grammars {
  private constructor(private readonly registry: vsctm.Registry) {
  }

  static create(withInjections = true): Grammars {
    return new Grammars(new vsctm.Registry({
      onigLib: onigLib(),
      loadGrammar: async (scope) => {
        const file = GRAMMAR_FILES[scope];
        return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
      },
      getInjections: (scope) => (withInjections && scope === 'source.nix' ? INJECTIONS : undefined),
    }));
  }

  /** Every token of the text, line by line, and whether the rule stack is back at the start at the end. */
  async tokenize(scope: 'source.nix' | 'source.mcl', text: string): Promise<{ tokens: Token[]; closed: boolean }> {
    const grammar = await this.registry.loadGrammar(scope);
    if (grammar === null) {
      throw new Error(`no grammar ${scope}`);
    }
    const tokens: Token[] = [];
    let stack = vsctm.INITIAL;
    text.split(/\r?\n/).forEach((line, n) => {
      const r = grammar.tokenizeLine(line, stack);
      stack = r.ruleStack;
      for (const t of r.tokens) {
        tokens.push({ line: n, start: t.startIndex, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
      }
    });
    return { tokens, closed: stack.depth === 1 };
  }
}

/** The token at the n-th occurrence (0-based) of `text` on a 0-based line, as scopes without the root. */
export function scopesAt(tokens: Token[], line: number, text: string, occurrence = 0): string[] {
  const onLine = tokens.filter((t) => t.line === line);
  const lineText = onLine.map((t) => t.text).join('');
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = lineText.indexOf(text, at + 1);
    if (at < 0) {
      throw new Error(`line ${line} has no ${occurrence + 1}. \`${text}\`: ${lineText}`);
    }
  }
  const token = onLine.find((t) => t.start <= at && at < t.start + t.text.length);
  if (token === undefined) {
    throw new Error(`no token at ${line}:${at}`);
  }
  return token.scopes.slice(1);
}
