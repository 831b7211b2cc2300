/**
 * `npm run build:verb-forms [-- --ud DIR]`
 *
 * Writes src/core/suggest/verbs.json: the present tense of every verb the Universal Dependencies Norwegian
 * treebanks show in the present (indicative, active), per written standard — the forms the drafting assistant
 * (src/core/suggest) needs to turn «Bydelene skal rapportere» into «Bydelene rapporterer». Bokmål's regular
 * present (infinitive + «r») is left out of the file: the engine adds it by rule. Nynorsk's present has no such
 * rule («kaste» → «kastar», «vurdere» → «vurderer», «ta» → «tek»), so every attested form is stored.
 *
 * Reproducible: the treebanks' commits are written into the file; the most frequent form wins, ties by spelling.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const i = args.indexOf('--ud');
const UD = path.resolve(i >= 0 ? args[i + 1] : path.join(ROOT, '..', 'shared', 'ud'));
const OUT = path.join(ROOT, 'src', 'core', 'suggest', 'verbs.json');

type Std = 'nb' | 'nn';

function presentForms(std: Std): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const split of ['dev', 'test']) {
    const file = path.join(UD, `no_${std === 'nb' ? 'bokmaal' : 'nynorsk'}-ud-${split}.conllu`);
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 6 || !/^\d+$/.test(cols[0])) continue;
      const [, form, lemma, upos, , feats] = cols;
      if (upos !== 'VERB' && upos !== 'AUX') continue;
      const f = new Set(feats.split('|'));
      if (!f.has('Tense=Pres') || !f.has('VerbForm=Fin') || f.has('Voice=Pass')) continue;
      const l = lemma.toLowerCase();
      const w = form.toLowerCase();
      if (!/^\p{Ll}+$/u.test(l) || !/^\p{Ll}+$/u.test(w)) continue;
      // an s-form of a verb whose lemma has none is a passive the treebank did not mark
      if (w.endsWith('s') && !l.endsWith('s')) continue;
      let m = out.get(l);
      if (!m) out.set(l, (m = new Map()));
      m.set(w, (m.get(w) ?? 0) + 1);
    }
  }
  return out;
}

function best(m: Map<string, number>): [string, number] {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
}

/**
 * A form seen once is kept only when it looks like a present of its lemma (lemma + r/ar/er, or the lemma cut short:
 * «omgjøre» → «omgjør»); the treebanks have a few lemma errors («takke» for «taker»).
 */
function plausible(lemma: string, form: string, count: number): boolean {
  if (!/^[a-zæøåéèêóòôü]+$/.test(lemma) || !/^[a-zæøåéèêóòôü]+$/.test(form)) return false;
  if (count >= 2) return true;
  const stem = lemma.replace(/[ea]$/, '');
  return form === lemma + 'r' || form === stem + 'ar' || form === stem + 'er' || (form !== lemma && lemma.startsWith(form));
}

const result: { source: string; licence: string; nb: Record<string, string>; nn: Record<string, string> } = {
  source: `UD_Norwegian-Bokmaal ${fs.readFileSync(path.join(UD, 'COMMIT-Bokmaal'), 'utf8').trim()}, UD_Norwegian-Nynorsk ${fs
    .readFileSync(path.join(UD, 'COMMIT-Nynorsk'), 'utf8')
    .trim()} (dev and test splits); present indicative active forms, most frequent per lemma`,
  licence: 'CC BY-SA 4.0 (derived from the UD Norwegian treebanks / NDT; see src/core/tag/README.md)',
  nb: {},
  nn: {},
};
for (const std of ['nb', 'nn'] as const) {
  const forms = presentForms(std);
  const table: Record<string, string> = {};
  for (const lemma of [...forms.keys()].sort()) {
    const [form, count] = best(forms.get(lemma)!);
    if (!plausible(lemma, form, count)) continue;
    if (std === 'nb' && form === lemma + 'r') continue; // the rule
    table[lemma] = form;
  }
  result[std] = table;
  console.log(`${std}: ${forms.size} verbs in the present, ${Object.keys(table).length} stored`);
}
fs.writeFileSync(OUT, JSON.stringify(result, null, 1) + '\n');
console.log(`wrote ${path.relative(ROOT, OUT)}`);
