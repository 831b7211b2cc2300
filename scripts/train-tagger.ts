/**
 * `npm run train:tagger [-- --ud DIR] [--epochs N] [--prune W] [--sure M] [--dict-min N] [--dict-share S] [--no-closed] [--no-write]`
 *
 * Trains the engine's word-class layer (part of speech + lemma, Bokmål and Nynorsk) from the Universal
 * Dependencies Norwegian treebanks and writes src/core/tag/model.json. Reproducible: a fixed shuffle seed, the
 * treebank commits named in the model file.
 *
 *  1. held-out figures: train on the dev splits of both standards jointly, tag the test splits, report UPOS
 *     accuracy (all tokens and words not seen in training) and lemma accuracy with the predicted tags;
 *  2. the shipped model: the same training on dev + test of both standards.
 *
 * The sentences are tokenised the way the engine tokenises text (src/core/tokenize), so the tagger learns on the
 * tokens it will see: a treebank token that the engine splits («22.», «f.eks.») gives its word class to its word
 * pieces and PUNCT to its punctuation.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseConllu, UdSentence } from '../src/core/tag/conllu';
import { featuresAt, START, START2, UPOS } from '../src/core/tag/features';
import { AveragedPerceptron, seededShuffle } from '../src/core/tag/perceptron';
import { buildClosedLexicon, buildTagdict, parseClosedLexicon, Tagger } from '../src/core/tag/tagger';
import { loadLemmatizer, trainLemmatizer } from '../src/core/tag/lemma';
import { HashedWeights, packWeights, TaggerModelFile } from '../src/core/tag/model';
import { tokenize } from '../src/core/tokenize/tokenize';

const ROOT = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const UD = path.resolve(opt('--ud', path.join(ROOT, '..', 'shared', 'ud')));
const EPOCHS = Number(opt('--epochs', '10'));
const MIN_ABS = Number(opt('--prune', '0.1'));
const TWO_PASS = !args.includes('--one-pass');
/** The first-pass margin above which tagging keeps the first pass's tag (model.json stores it as `sure`). */
const SURE = Number(opt('--sure', '20'));
const OUT = path.join(ROOT, 'src', 'core', 'tag', 'model.json');
/** The tag dictionary: a word seen at least DICT_MIN times, with one tag at least DICT_SHARE of them, is tagged directly. */
const DICT_MIN = Number(opt('--dict-min', '20'));
const DICT_SHARE = Number(opt('--dict-share', '0.97'));
/** Closed word classes only for the forms seen with them in training (--no-closed: any word may take any class). */
const CLOSED = !args.includes('--no-closed');

type Std = 'nb' | 'nn';
interface Corpus {
  std: Std;
  split: 'dev' | 'test';
  sentences: UdSentence[];
}

/** Re-tokenises a treebank sentence with the engine's tokenizer. */
function retokenize(s: UdSentence): UdSentence {
  const tokens: UdSentence['tokens'] = [];
  for (const t of s.tokens) {
    const pieces = tokenize(t.form);
    if (pieces.length === 1 && pieces[0].text === t.form) {
      tokens.push(t);
      continue;
    }
    for (const p of pieces) {
      if (p.kind === 'punct') tokens.push({ form: p.text, lemma: '$' + p.text, upos: 'PUNCT' });
      else tokens.push({ form: p.text, lemma: pieces.length === 1 ? t.lemma : p.text.toLowerCase(), upos: t.upos });
    }
  }
  return { id: s.id, tokens };
}

function load(std: Std, split: 'dev' | 'test'): Corpus {
  const file = path.join(UD, `no_${std === 'nb' ? 'bokmaal' : 'nynorsk'}-ud-${split}.conllu`);
  return { std, split, sentences: parseConllu(fs.readFileSync(file, 'utf8')).map(retokenize) };
}

function train(
  corpora: Corpus[],
  epochs: number,
  right?: Map<UdSentence, string[]>,
): { weights: Map<string, Float64Array>; tagdict: Map<string, string>; closed: string } {
  const counts = new Map<string, Map<string, number>>();
  for (const c of corpora)
    for (const s of c.sentences)
      for (const t of s.tokens) {
        const w = t.form.toLowerCase();
        let m = counts.get(w);
        if (!m) counts.set(w, (m = new Map()));
        m.set(t.upos, (m.get(t.upos) ?? 0) + 1);
      }
  const tagdict = buildTagdict(counts, DICT_MIN, DICT_SHARE);
  const model = new AveragedPerceptron(UPOS);
  const sentences = corpora.flatMap((c) => c.sentences);
  for (let e = 0; e < epochs; e++) {
    seededShuffle(sentences, 1000 + e);
    for (const s of sentences) {
      const words = s.tokens.map((t) => t.form);
      let t1 = START;
      let t2 = START2;
      for (let i = 0; i < words.length; i++) {
        const truth = UPOS.indexOf(s.tokens[i].upos as (typeof UPOS)[number]);
        let guess = -1;
        const dict = tagdict.get(words[i].toLowerCase());
        if (dict) guess = UPOS.indexOf(dict as (typeof UPOS)[number]);
        else {
          const f = featuresAt(words, i, t1, t2, right?.get(s));
          guess = model.predict(f);
          model.update(truth, guess, f);
        }
        t2 = t1;
        t1 = UPOS[guess];
      }
    }
  }
  return { weights: model.averaged(), tagdict, closed: buildClosedLexicon(counts) };
}

/** Both passes: the second learns on first-pass tags predicted by jackknifing (k folds), as it will see them. */
function trainTwoPass(corpora: Corpus[], epochs: number, folds = 5) {
  const first = train(corpora, epochs);
  if (!TWO_PASS) return { first, second: undefined };
  const right = new Map<UdSentence, string[]>();
  const all = corpora.flatMap((c) => c.sentences);
  for (let k = 0; k < folds; k++) {
    const rest = all.filter((_, i) => i % folds !== k);
    const m = train([{ std: 'nb', split: 'dev', sentences: rest }], epochs);
    const tagger = new Tagger(new HashedWeights(packWeights(m.weights, 0).packed), m.tagdict);
    all.forEach((s, i) => {
      if (i % folds === k) right.set(s, tagger.firstPass(s.tokens.map((t) => t.form)));
    });
  }
  const second = train(corpora, epochs, right);
  return { first, second };
}

function lemmaTables(corpora: Corpus[], std: Std) {
  return trainLemmatizer(corpora.filter((c) => c.std === std).flatMap((c) => c.sentences.flatMap((s) => s.tokens)));
}

function evaluate(tagger: Tagger, testSet: Corpus, trainSet: Corpus[], lemmas: ReturnType<typeof loadLemmatizer>) {
  const seen = new Set(trainSet.flatMap((c) => c.sentences.flatMap((s) => s.tokens.map((t) => t.form.toLowerCase()))));
  let n = 0, ok = 0, unseen = 0, unseenOk = 0, lemmaOk = 0, lemmaN = 0;
  const confusions = new Map<string, number>();
  for (const s of testSet.sentences) {
    const words = s.tokens.map((t) => t.form);
    const tags = tagger.tag(words);
    for (let i = 0; i < words.length; i++) {
      const g = s.tokens[i];
      n++;
      const right = tags[i] === g.upos;
      if (right) ok++;
      else confusions.set(`${g.upos}→${tags[i]}`, (confusions.get(`${g.upos}→${tags[i]}`) ?? 0) + 1);
      if (!seen.has(words[i].toLowerCase())) {
        unseen++;
        if (right) unseenOk++;
      }
      if (g.upos !== 'PUNCT') {
        lemmaN++;
        const l = lemmas.lemma(words[i], tags[i]);
        const gl = g.upos === 'PROPN' ? g.lemma : g.lemma.toLowerCase();
        if (l === gl) lemmaOk++;
      }
    }
  }
  const top = [...confusions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { tokens: n, upos: ok / n, unseen: unseenOk / unseen, unseenShare: unseen / n, lemma: lemmaOk / lemmaN, top };
}

type Trained = ReturnType<typeof trainTwoPass>;

function pack(t: Trained) {
  const passes = [t.first, t.second].filter((p) => p !== undefined).map((p) => packWeights(p.weights, MIN_ABS));
  const collisions = passes.reduce((a, p) => a + p.collisions, 0);
  if (collisions) console.log(`   ${collisions} feature hash collisions (the heavier feature kept)`);
  return passes.map((p) => p.packed);
}

function asTagger(t: Trained): { tagger: Tagger; packed: ReturnType<typeof pack> } {
  const packed = pack(t);
  const [first, second] = packed.map((p) => new HashedWeights(p));
  const tagger = new Tagger(first, t.first.tagdict, second, undefined, CLOSED ? parseClosedLexicon(t.first.closed) : undefined);
  tagger.sure = SURE;
  return { tagger, packed };
}

function main() {
  const t0 = Date.now();
  const dev = [load('nb', 'dev'), load('nn', 'dev')];
  const test = [load('nb', 'test'), load('nn', 'test')];
  const heldOut: TaggerModelFile['heldOut'] = {};
  // Held-out figures: each test split is tagged by a model trained on everything else (the other standard's
  // test split included: joint training helps both), with a lemmatiser trained on its own standard's dev split.
  for (const t of test) {
    const trainSet = [...dev, ...test.filter((o) => o !== t)];
    const { tagger, packed } = asTagger(trainTwoPass(trainSet, EPOCHS));
    const lem = loadLemmatizer(lemmaTables(dev, t.std));
    const r = evaluate(tagger, t, trainSet, lem);
    heldOut[t.std] = { upos: +r.upos.toFixed(4), lemma: +r.lemma.toFixed(4), tokens: r.tokens };
    console.log(
      `${t.std} test (${r.tokens} tokens; trained on ${trainSet.map((c) => c.std + ' ' + c.split).join(', ')}): ` +
        `UPOS ${(r.upos * 100).toFixed(2)} %, unseen words ${(r.unseen * 100).toFixed(2)} % (${(r.unseenShare * 100).toFixed(1)} % of tokens), ` +
        `lemma ${(r.lemma * 100).toFixed(2)} %`,
    );
    console.log('   most frequent errors: ' + r.top.map(([k, v]) => `${k} ${v}`).join(', '));
    const size = packed.reduce((a, p) => a + p.hashes.length + p.counts.length + p.tags.length + p.values.length, 0);
    console.log(`   model ${(size / 1024).toFixed(0)} KB of weights (${packed.map((p) => p.features).join(' + ')} features)`);
  }
  if (args.includes('--no-write')) return;
  const all = [...dev, ...test];
  const trained = trainTwoPass(all, EPOCHS);
  const packed = pack(trained);
  const commit = (std: string) => fs.readFileSync(path.join(UD, `COMMIT-${std}`), 'utf8').trim();
  const file: TaggerModelFile = {
    format: 'policy-lens-tagger',
    version: '1.1.0',
    license: 'CC BY-SA 4.0 (derived from UD_Norwegian-Bokmaal and UD_Norwegian-Nynorsk)',
    attribution:
      'Trained on the Universal Dependencies treebanks UD_Norwegian-Bokmaal (commit ' + commit('Bokmaal') + ') and ' +
      'UD_Norwegian-Nynorsk (commit ' + commit('Nynorsk') + '), converted from the Norwegian Dependency Treebank ' +
      '(NDT) by the Language Bank at the National Library of Norway and the University of Oslo; Solberg et al. ' +
      '(2014), Øvrelid & Hohle (2016), Velldal, Øvrelid & Hohle (2017). Licence: CC BY-SA 4.0 ' +
      '(https://creativecommons.org/licenses/by-sa/4.0/). See src/core/tag/README.md.',
    trainedOn: all.map((c) => `${c.std} ${c.split}`),
    heldOut,
    tags: [...UPOS],
    passes: packed,
    sure: SURE,
    tagdict: [...trained.first.tagdict.entries()].sort().map(([w, t]) => `${w}\t${t}`).join('\n'),
    ...(CLOSED ? { closed: trained.first.closed } : {}),
    lemma: { nb: lemmaTables(all, 'nb'), nn: lemmaTables(all, 'nn') },
  };
  fs.writeFileSync(OUT, JSON.stringify(file) + '\n');
  console.log(`wrote ${path.relative(ROOT, OUT)} (${(fs.statSync(OUT).size / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
