/**
 * `node out/scripts/floor-scan.js FILE…` — the physical floor for `npm run bench`: a plain word-list scan. It reads
 * each file, finds its words with one regular expression, lower-cases them and counts those in a word list (the
 * built-in lexicon's whole-word terms, read from its JSON), and prints the counts. No segmentation, no phrases, no
 * classification: what any tool that looks at every word of the text must at least do. It imports nothing of the
 * engine, so its start-up is Node's own.
 */
import * as fs from 'fs';
import * as path from 'path';

const LEXICON_DIR = path.resolve(__dirname, '..', '..', 'src', 'core', 'lexicon');

function wordList(): Set<string> {
  const words = new Set<string>();
  for (const f of ['nb.json', 'nn.json']) {
    const lex = JSON.parse(fs.readFileSync(path.join(LEXICON_DIR, f), 'utf8')) as { entries: { terms: string[] }[] };
    for (const e of lex.entries) for (const t of e.terms) if (/^[\p{L}-]+$/u.test(t)) words.add(t.toLowerCase());
  }
  return words;
}

const list = wordList();
let words = 0;
let hits = 0;
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    words++;
    if (list.has(m[0].toLowerCase())) hits++;
  }
}
process.stdout.write(`${words} words, ${hits} in the word list (${list.size} words)\n`);
