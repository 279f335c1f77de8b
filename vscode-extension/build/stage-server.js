// Puts the server jar where the extension runs it (server/rx-lsp.jar) and writes server/natives.json:
// the platforms the jar carries tree-sitter libraries for (its native/<os>-<arch>/ folders), which
// the extension compares with the JVM's platform before starting the server.
//
//   node build/stage-server.js PATH/TO/rx-lsp.jar
'use strict';
const fs = require('fs');
const path = require('path');

/** The names in a zip file's central directory. */
function zipEntryNames(buffer) {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new Error('not a zip file (no end of central directory)');
  }
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(at) !== CENTRAL) {
      throw new Error(`broken central directory at entry ${n}`);
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    names.push(buffer.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function main(jar) {
  if (!jar || !fs.existsSync(jar)) {
    console.error(`stage-server: the server jar ${jar} is missing; build it first (mvn -B -DskipTests package)`);
    process.exit(2);
  }
  const buffer = fs.readFileSync(jar);
  const platforms = [...new Set(zipEntryNames(buffer)
    .map((name) => /^native\/([a-z]+-[a-z0-9_]+)\/[^/]+$/.exec(name))
    .filter((m) => m !== null)
    .map((m) => m[1]))].sort();
  if (platforms.length === 0) {
    console.error(`stage-server: ${jar} carries no native/<os>-<arch>/ libraries`);
    process.exit(2);
  }
  const dir = path.join(__dirname, '..', 'server');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(jar, path.join(dir, 'rx-lsp.jar'));
  fs.writeFileSync(path.join(dir, 'natives.json'), JSON.stringify({ platforms }) + '\n');
  console.log(`stage-server: server/rx-lsp.jar with natives for ${platforms.join(', ')}`);
}

main(process.argv[2]);
