// The TextMate grammars, tokenized by vscode-textmate as VS Code does: MCL in .mcl files, and MCL
// inside the Nix strings rx.nix reads, with Nix IDE's Nix grammar as the host.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpus } from './corpus';
import { Grammars, PROJECT, scopesAt, Token } from './textmate';

const FIXTURES = path.join(PROJECT, 'test-fixtures', 'vscode', 'grammar');

/** line (0-based), the text of the token, which occurrence on the line, scopes it has, scopes it must not have */
type Expectation = [number, string, number, string[], string[]?];

function check(tokens: Token[], expectations: Expectation[]): void {
  for (const [line, text, occurrence, has, hasNot = []] of expectations) {
    const scopes = scopesAt(tokens, line, text, occurrence);
    for (const s of has) {
      assert.ok(scopes.includes(s), `${line}:\`${text}\` lacks ${s}: ${scopes.join(' ')}`);
    }
    for (const s of hasNot) {
      assert.ok(!scopes.some((x) => x === s || x.startsWith(s + '.')), `${line}:\`${text}\` has ${s}: ${scopes.join(' ')}`);
    }
  }
}

const MCL = 'meta.embedded.block.mcl';
const NIX_INDENTED = 'string.quoted.other.nix';
const NIX_DOUBLE = 'string.quoted.double.nix';

test('MCL inside the strings rx.nix reads, keeping Nix IDE\'s string scopes, escapes and interpolations', async () => {
  const { tokens } = await Grammars.create().tokenize('source.nix', fs.readFileSync(path.join(FIXTURES, 'embedded.nix'), 'utf8'));
  check(tokens, [
    [3, 'fmt', 0, [NIX_DOUBLE], [MCL]], // rx.mcl.imports: package names, not MCL
    [4, 'greeting', 0, ['meta.rx-mcl.attrpath.nix', 'entity.other.attribute-name.multipart.nix'], [MCL]],
    [4, '\\"', 0, [NIX_DOUBLE, MCL, 'string.quoted.double.mcl', 'constant.character.escape.nix']],
    [4, 'héllo', 0, [NIX_DOUBLE, MCL, 'string.quoted.double.mcl']],
    [4, 'cfg', 0, ['meta.embedded', 'variable.parameter.name.nix']], // Nix's own interpolation, inside the MCL string
    [5, 'mkIf', 0, ['meta.rx-mcl.value.nix'], [MCL]],
    [6, "''", 0, [NIX_INDENTED, 'punctuation.definition.string.other.start.nix'], [MCL]],
    [7, 'print', 0, [NIX_INDENTED, MCL, 'entity.name.type.resource.mcl']],
    [7, '"p"', 0, [MCL, 'string.quoted.double.mcl']],
    [7, 'say it', 0, [MCL, 'comment.line.number-sign.mcl']],
    [8, 'msg', 0, [MCL, 'variable.other.property.mcl']],
    [8, '=>', 0, [MCL, 'keyword.operator.mcl']],
    [8, 'fmt.printf', 0, [MCL, 'entity.name.function.call.mcl']],
    [8, '✓', 0, [MCL, 'string.quoted.double.mcl']],
    [8, '${', 0, ['meta.embedded', 'punctuation.section.embedded.begin.nix']], // Nix's own interpolation
    [8, 'toString', 0, ['meta.embedded', 'support.function.nix']],
    [8, "''$", 0, ['constant.character.escape.nix', 'meta.interpolation.mcl']], // MCL's ${…}, escaped for Nix
    [8, 'greeting', 0, ['meta.interpolation.mcl', 'variable.other.readwrite.mcl']],
    [10, "''", 0, [NIX_INDENTED, 'punctuation.definition.string.other.end.nix'], [MCL]],
    [11, '42', 0, [NIX_DOUBLE, MCL, 'constant.numeric.integer.mcl']],
    [12, ';', 0, ['punctuation.terminator.bind.nix']],
    [13, 'not MCL', 0, [NIX_DOUBLE], [MCL, 'meta.rx-mcl']], // rx.res values are Nix
    [15, 'echo', 0, [NIX_INDENTED], [MCL, 'meta.rx-mcl']], // any other option's string is Nix
    [19, '"quoted"', 0, ['meta.rx-mcl.attrpath.nix', NIX_DOUBLE], [MCL]],
    [19, '1', 0, [MCL, 'constant.numeric.integer.mcl']], // rx = { mcl = { vars = { … }; }; }
    [22, 'after', 0, [MCL, 'variable.other.readwrite.mcl']], // config.rx.mcl = { raw = lib.mkAfter [ … ]; }
    [23, '/* mcl */', 0, ['comment.block.nix'], [MCL]],
    [23, 'if', 0, [NIX_INDENTED, MCL, 'keyword.control.mcl']],
    [25, '# mcl', 0, ['comment.line.number-sign.nix']],
    [27, '$', 0, [MCL, 'punctuation.definition.variable.mcl']], // after a tab
    [27, "'''", 0, ['string.quoted.double.mcl', 'constant.character.escape.nix']],
    [29, 'plain Nix again', 0, [NIX_DOUBLE], [MCL, 'meta.rx-mcl']],
    [30, '}', 0, ['punctuation.definition.attrset.nix'], ['meta.rx-mcl']],
  ]);
});

test('standalone MCL', async () => {
  const { tokens, closed } = await Grammars.create().tokenize('source.mcl', fs.readFileSync(path.join(FIXTURES, 'site.mcl'), 'utf8'));
  assert.ok(closed, 'every string closed');
  check(tokens, [
    [0, 'import', 0, ['keyword.other.import.mcl']],
    [1, 'as', 0, ['keyword.other.import.mcl']],
    [3, 'quotes', 0, ['comment.line.number-sign.mcl'], ['string']],
    [4, 'names', 0, ['variable.other.readwrite.mcl']],
    [5, 'greet', 0, ['entity.name.function.mcl']],
    [5, 'str', 0, ['support.type.mcl']],
    [6, 'name', 0, ['meta.interpolation.mcl', 'variable.other.readwrite.mcl']],
    [6, '\\n', 0, ['constant.character.escape.mcl']],
    [8, 'web:site', 0, ['entity.name.type.class.mcl']],
    [9, 'file', 0, ['entity.name.type.resource.mcl']],
    [10, 'state', 0, ['variable.other.property.mcl']],
    [10, 'const.res.file.state.exists', 0, ['variable.other.readwrite.mcl']],
    [11, 'fmt.printf', 0, ['entity.name.function.call.mcl']],
    [12, 'Meta', 0, ['keyword.other.property.mcl']],
    [15, 'include', 0, ['keyword.other.import.mcl']],
    [16, 'and', 0, ['keyword.operator.word.mcl']],
    [16, 'false', 0, ['constant.language.boolean.mcl']],
    [17, 'print', 0, ['entity.name.type.resource.mcl']],
    [19, 'File', 0, ['entity.name.type.resource.mcl']],
    [19, '->', 0, ['keyword.operator.mcl']],
    [20, '\\q', 0, ['invalid.illegal.unknown-escape.mcl']],
  ]);
});

test('mgmt\'s valid programs (both dialects) tokenize with every string closed and nothing invalid', async (t) => {
  const files = corpus(t, ['mgmt/examples/lang', 'mgmt-1.0/examples/lang', 'mgmt/format/tests'], '.mcl')
    .filter((f) => !/badexample/.test(f));
  if (files.length === 0) {
    return;
  }
  const grammars = Grammars.create();
  const problems: string[] = [];
  for (const file of files) {
    const { tokens, closed } = await grammars.tokenize('source.mcl', fs.readFileSync(file, 'utf8'));
    const invalid = tokens.find((tok) => tok.scopes.some((s) => s.startsWith('invalid')));
    if (!closed || invalid) {
      problems.push(`${path.relative(PROJECT, file)}: ${closed ? `invalid \`${invalid?.text}\` on line ${(invalid?.line ?? 0) + 1}` : 'a string or comment left open'}`);
    }
  }
  console.log(`grammar: ${files.length} mgmt programs tokenized`);
  assert.deepEqual(problems, []);
});

test('the injections leave every Nix token outside rx.nix\'s MCL as Nix IDE\'s grammar alone makes it', async (t) => {
  const files = corpus(t, ['nix'], '.nix').concat(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.nix')).map((f) => path.join(FIXTURES, f)));
  if (files.length === 0) {
    return;
  }
  const withMcl = Grammars.create(true);
  const nixOnly = Grammars.create(false);
  const problems: string[] = [];
  let injected = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const a = await withMcl.tokenize('source.nix', text);
    const b = await nixOnly.tokenize('source.nix', text);
    const plain = new Map(b.tokens.map((tok) => [`${tok.line}:${tok.start}`, tok]));
    const ours = a.tokens.filter((tok) => tok.scopes.some((s) => s.startsWith('meta.rx-mcl')));
    injected += ours.length;
    if (ours.length > 0 && !/\bmcl\b|\brx\s*=/i.test(text)) {
      problems.push(`${path.relative(PROJECT, file)}: MCL regions in a file that has no rx.mcl option and no mcl marker`);
    }
    const lastLine = a.tokens.length > 0 ? a.tokens[a.tokens.length - 1].line : 0;
    if (ours.some((tok) => tok.line === lastLine)) {
      problems.push(`${path.relative(PROJECT, file)}: an MCL region runs to the end of the file`);
    }
    for (const tok of a.tokens.filter((x) => !x.scopes.some((s) => s.startsWith('meta.rx-mcl')))) {
      const same = plain.get(`${tok.line}:${tok.start}`);
      if (same === undefined || same.text !== tok.text || same.scopes.join(' ') !== tok.scopes.join(' ')) {
        problems.push(`${path.relative(PROJECT, file)}:${tok.line + 1}: \`${tok.text}\` is ${tok.scopes.join(' ')} with the injections, `
          + (same ? `${same.scopes.join(' ')} without` : 'no token without'));
        break;
      }
    }
  }
  console.log(`grammar: ${files.length} Nix files compared, ${injected} tokens in MCL regions`);
  assert.deepEqual(problems, []);
  assert.ok(injected > 0, 'the corpus holds rx.nix\'s own modules with MCL, which must be found');
});
