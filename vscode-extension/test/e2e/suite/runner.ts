// What the tests ask of the runner outside the extension host, through files in RX_E2E_OUT: a
// screenshot of the workbench, or the text of the token inspector widget (the only place the
// workbench shows the TextMate scopes it applied). The runner answers each request-N.json with
// response-N.json.

import * as fs from 'fs';
import * as path from 'path';

const OUT = process.env['RX_E2E_OUT'] ?? '';
let next = 0;

async function ask(request: Record<string, string>, timeoutMs = 15_000): Promise<Record<string, string>> {
  if (OUT.length === 0) {
    throw new Error('RX_E2E_OUT is not set: the suite runs under test/e2e/run.js');
  }
  const n = next++;
  const answer = path.join(OUT, `response-${n}.json`);
  fs.writeFileSync(path.join(OUT, `request-${n}.json.tmp`), JSON.stringify(request));
  fs.renameSync(path.join(OUT, `request-${n}.json.tmp`), path.join(OUT, `request-${n}.json`));
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (fs.existsSync(answer)) {
      const reply = JSON.parse(fs.readFileSync(answer, 'utf8')) as Record<string, string>;
      if (reply['error']) {
        throw new Error(`runner: ${reply['error']}`);
      }
      return reply;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the runner did not answer ${JSON.stringify(request)} within ${timeoutMs} ms`);
}

/** Saves a PNG of the workbench as it is now under the runner's artifact folder. */
export async function screenshot(name: string): Promise<string> {
  return (await ask({ action: 'screenshot', name }))['file'];
}

/** The token inspector's text once it shows the scopes at the cursor (run editor.action.inspectTMScopes first). */
export async function inspectorText(): Promise<string> {
  return (await ask({ action: 'inspect' }))['text'];
}

/** Types text into the focused editor through the browser, as a user would. */
export async function typeKeys(text: string): Promise<void> {
  await ask({ action: 'type', text });
}

/** Figures for the runner to print and keep (results.json). */
export function record(key: string, value: number | string): void {
  const file = path.join(OUT, 'results.json');
  const results = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown> : {};
  results[key] = value;
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}
