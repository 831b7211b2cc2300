/**
 * stdin's lines for `classify` and `suggest` (src/cli/lines.ts): the lines readline gives, however the input is cut
 * into chunks, and one endless line read without being kept whole.
 */
import * as assert from 'assert';
import * as readline from 'readline';
import { Readable } from 'stream';
import { boundedLines, MAX_LINE_KEPT } from '../../src/cli/lines';
import { run, CliIO } from '../../src/cli/main';
import { seededRandom } from '../../src/core/tag/perceptron';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function viaReadline(chunks: Buffer[]): Promise<string[]> {
  return collect(readline.createInterface({ input: Readable.from(chunks), crlfDelay: Infinity, terminal: false }));
}

describe('stdin lines (boundedLines)', () => {
  it('the same lines as readline for «\\n», «\\r\\n», a lone «\\r», empty lines and UTF-8 cut anywhere between chunks', async () => {
    const rand = seededRandom(7);
    const pieces = ['Bydelene skal', ' samskape', '\n', '\r\n', '\r', 'æøå «sitat»', '😀', 'Kommunen må', '', ' '];
    for (let trial = 0; trial < 300; trial++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => pieces[Math.floor(rand() * pieces.length)]).join('');
      const bytes = Buffer.from(text, 'utf8');
      // cut into chunks at random byte offsets (inside a character, between «\r» and «\n»)
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; ) {
        const n = 1 + Math.floor(rand() * 6);
        chunks.push(bytes.subarray(at, at + n));
        at += n;
      }
      const want = await viaReadline(chunks);
      const got = await collect(boundedLines(Readable.from(chunks), 1000));
      assert.deepStrictEqual(got.map((l) => l.text), want, JSON.stringify(text));
      assert.ok(got.every((l) => l.complete && l.length === l.text.length));
    }
  });

  it('keeps the first characters of a longer line and counts all of it; the next line is whole', async () => {
    const lines = await collect(boundedLines(Readable.from(['abcdefghij', 'klmno\r', '\nnext\n']), 4));
    assert.deepStrictEqual(lines, [
      { text: 'abcd', length: 15, complete: false },
      { text: 'next', length: 4, complete: true },
    ]);
  });

  it('suggest: a line longer than a sentence is refused (a 520 KB line took 14 s), the next line gets its suggestions', async () => {
    const out = { stdout: '', stderr: '' };
    const long = 'Bydelene skal rapportere, '.repeat(100);
    const io: CliIO = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, stdin: Readable.from([`${long}\nBydelene skal rapportere.\n`]), env: {} };
    assert.strictEqual(await run(['suggest'], io), 1);
    assert.match(out.stderr, new RegExp(`^policy-lens: stdin:1: cannot suggest: the sentence has ${long.trim().length} characters, more than the 1000`));
    const recs = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; suggestions: unknown[] });
    assert.deepStrictEqual(recs.map((r) => r.text), ['Bydelene skal rapportere.']);
    assert.ok(recs[0].suggestions.length > 0);
  });

  it('classify: a 600-million-character line (over V8’s longest string) is refused in one line with its length, and the next line is classified', async function () {
    this.timeout(60_000);
    // before: readline kept the line until V8 refused the string («Cannot create a string longer than …»)
    const chunk = 'skal '.repeat(MAX_LINE_KEPT / 5); // ≈ 1 MiB, the same string each time
    const count = 573;
    function* input() {
      for (let i = 0; i < count; i++) yield chunk;
      yield '\nBydelene skal rapportere.\n';
    }
    const out = { stdout: '', stderr: '' };
    const io: CliIO = { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) }, stdin: Readable.from(input()), env: {} };
    const before = process.memoryUsage().rss;
    assert.strictEqual(await run(['classify'], io), 1);
    assert.ok(chunk.length * count > 0x1fffffe8, 'longer than a V8 string can be');
    assert.strictEqual(out.stderr, `policy-lens: stdin:1: cannot classify: the sentence has ${chunk.length * count} characters, more than the 1000 of one sentence (MAX_SENTENCE_CHARS); analyse running text with \`analyze\`\n`);
    assert.strictEqual((JSON.parse(out.stdout) as { text: string; deontic: string }).deontic, 'obligation');
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'the line was not kept');
  });
});
