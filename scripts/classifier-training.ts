/**
 * The labelled sentences and the learned layer's training, shared by `npm run train:classifier` (which writes
 * src/core/classify/model.json) and `npm run eval` (which reports k-fold figures by document: every sentence is
 * classified by models trained without its document).
 */
import * as fs from 'fs';
import * as path from 'path';
import { tokenize } from '../src/core/tokenize/tokenize';
import { compileLexicon, matchTokens } from '../src/core/match/matcher';
import { builtinLexicon } from '../src/core/lexicon';
import { decide, sentenceFacts } from '../src/core/classify/sentence';
import { deonticFeatures, SentenceFacts } from '../src/core/classify/features';
import { LinearModelData } from '../src/core/classify/learned';
import { ClassifierModels, MODEL_NAMES, modelsFrom } from '../src/core/classify/models';
import { DocumentStance, inferStance } from '../src/core/classify/actors';
import type { Deontic, SentenceLabels } from '../src/core/types';

export const ROOT = path.resolve(__dirname, '..', '..');
export const GOLD_DIR = path.join(ROOT, 'test', 'fixtures', 'gold');

export interface GoldRow {
  file: string;
  line: number;
  id?: number | string;
  doc: string;
  source?: string;
  text: string;
  note?: string;
  gold: SentenceLabels;
}

export function loadGold(files = ['dev.jsonl', 'train.jsonl']): GoldRow[] {
  const rows: GoldRow[] = [];
  for (const f of files) {
    const file = path.isAbsolute(f) ? f : path.join(GOLD_DIR, f);
    fs.readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .forEach((line, i) => {
        if (!line.trim()) return;
        const o = JSON.parse(line);
        rows.push({
          file: path.basename(file),
          line: i + 1,
          id: o.id,
          doc: o.doc ?? path.basename(file),
          source: o.source ?? (path.basename(file) === 'dev.jsonl' ? 'corpus' : undefined),
          text: String(o.text).replace(/\s*\n\s*/g, ' '),
          note: o.note,
          gold: {
            deontic: o.deontic, directive: o.directive, actor: o.actor, district: o.district, innovation: o.innovation,
            cocreation: o.cocreation, collaboration: o.collaboration, control: o.control, framing: o.framing,
          },
        });
      });
  }
  return rows;
}

export function holdoutDocuments(): Set<string> {
  return new Set(JSON.parse(fs.readFileSync(path.join(GOLD_DIR, 'holdout.json'), 'utf8')).documents as string[]);
}

const compiled = () => compileLexicon(builtinLexicon());

export function factsOf(text: string): SentenceFacts {
  const c = compiled();
  const tokens = tokenize(text);
  return sentenceFacts(text, tokens, matchTokens(text, tokens, c), c);
}

/** Folds by document: documents are dealt to k folds, largest first, each to the fold with fewest sentences. */
export function foldsByDocument(rows: readonly GoldRow[], k: number): number[] {
  const size = new Map<string, number>();
  for (const r of rows) size.set(r.doc, (size.get(r.doc) ?? 0) + 1);
  const docs = [...size.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const load = new Array(k).fill(0);
  const foldOf = new Map<string, number>();
  for (const [d, n] of docs) {
    let best = 0;
    for (let f = 1; f < k; f++) if (load[f] < load[best]) best = f;
    foldOf.set(d, best);
    load[best] += n;
  }
  return rows.map((r) => foldOf.get(r.doc)!);
}

export interface TrainOptions {
  epochs: number;
  /** Features seen in fewer training sentences are dropped. */
  minCount: number;
  seed: number;
  /** L2 penalty of the logistic regression (on the mean log-loss). */
  l2: number;
  /** AdaGrad's base learning rate. */
  rate: number;
  /** The penalty of word features (l:, v:, first:) is l2 × this: words may correct the rules' facts, not replace them. */
  wordPenalty: number;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 300, minCount: 2, seed: 7, l2: 0.001, rate: 0.3, wordPenalty: 3 };

const RULE_ONLY = new Set<Deontic>(['prohibition', 'permission']);

interface Example {
  features: string[];
  label: string;
}

function trainLinear(examples: Example[], classes: string[], o: TrainOptions): LinearModelData {
  const count = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) count.set(f, (count.get(f) ?? 0) + 1);
  const keep = (f: string) => (count.get(f) ?? 0) >= o.minCount;
  const data = examples.map((e) => ({ features: [...new Set(e.features)].filter(keep), label: classes.indexOf(e.label) }));
  const W = logistic(data, classes.length, o);
  const weights: Record<string, number[]> = {};
  for (const [f, w] of W) {
    if (!Array.from(w).some((x) => Math.abs(x) > 1e-3)) continue;
    weights[f] = Array.from(w, (x) => Math.round(x * 1000) / 1000);
  }
  return { classes, weights };
}

const WORD_FEATURE = /^(l|v|first):/;

/**
 * Multinomial logistic regression with an L2 penalty, by full-batch gradient descent (AdaGrad steps): the data
 * are small, so every step sees every sentence, and every weight is penalised alike (a rare word cannot decide a
 * label by being rare). Word features carry a heavier penalty (wordPenalty): they may correct the rules' facts.
 */
function logistic(data: { features: string[]; label: number }[], K: number, o: TrainOptions): Map<string, Float64Array> {
  const names = new Map<string, number>();
  const rows = data.map((d) => d.features.map((f) => names.get(f) ?? (names.set(f, names.size), names.size - 1)));
  const F = names.size;
  const penalty = new Float64Array(F);
  for (const [f, j] of names) penalty[j] = f === 'bias' ? 0 : WORD_FEATURE.test(f) ? o.l2 * o.wordPenalty : o.l2;
  const w = new Float64Array(F * K);
  const g = new Float64Array(F * K);
  const G = new Float64Array(F * K).fill(1e-8);
  const p = new Float64Array(K);
  const N = data.length;
  for (let it = 0; it < o.epochs; it++) {
    g.fill(0);
    for (let n = 0; n < N; n++) {
      const x = rows[n];
      p.fill(0);
      for (const j of x) for (let k = 0; k < K; k++) p[k] += w[j * K + k];
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, p[k]);
      let z = 0;
      for (let k = 0; k < K; k++) z += p[k] = Math.exp(p[k] - max);
      for (let k = 0; k < K; k++) {
        const d = (p[k] / z - (k === data[n].label ? 1 : 0)) / N;
        for (const j of x) g[j * K + k] += d;
      }
    }
    for (let j = 0; j < F; j++) {
      for (let k = 0; k < K; k++) {
        const i = j * K + k;
        const gi = g[i] + penalty[j] * w[i];
        G[i] += gi * gi;
        w[i] -= (o.rate * gi) / Math.sqrt(G[i]);
      }
    }
  }
  const out = new Map<string, Float64Array>();
  for (const [f, j] of names) out.set(f, w.slice(j * K, j * K + K));
  return out;
}

export function trainModels(rows: readonly GoldRow[], facts: readonly SentenceFacts[], o: TrainOptions = DEFAULT_TRAIN): Record<string, LinearModelData> {
  const ex = (fn: (r: GoldRow, f: SentenceFacts) => Example | undefined) => rows.map((r, i) => fn(r, facts[i])).filter((e): e is Example => !!e);
  const models: Record<string, LinearModelData> = {};
  models.deontic = trainLinear(
    ex((r, f) => (RULE_ONLY.has(r.gold.deontic) ? undefined : { features: deonticFeatures(f), label: r.gold.deontic })),
    ['none', 'intention', 'obligation', 'recommendation', 'permission', 'prohibition'],
    o,
  );
  return models;
}

/** One sentence's labels; with `stance`, read in its document as `analyze` reads it (otherwise alone, as `classify`). */
export function classifyWith(models: ClassifierModels | null, row: GoldRow, facts: SentenceFacts, stance?: DocumentStance): SentenceLabels {
  const c = decide(facts, row.text, { models, stance });
  return {
    deontic: c.deontic, directive: c.directive, actor: c.actor, district: c.district, innovation: c.innovation,
    cocreation: c.cocreation, collaboration: c.collaboration, control: c.control, framing: c.framing,
  };
}

/**
 * k-fold cross-validation by document: each sentence classified by models trained on the other folds (with
 * `stances`, each sentence read in its document).
 */
export function crossValidate(
  rows: readonly GoldRow[],
  facts: readonly SentenceFacts[],
  k: number,
  o: TrainOptions = DEFAULT_TRAIN,
  stances?: readonly (DocumentStance | undefined)[],
): SentenceLabels[] {
  const fold = foldsByDocument(rows, k);
  const out: SentenceLabels[] = new Array(rows.length);
  for (let f = 0; f < k; f++) {
    const trainIdx = rows.map((_, i) => i).filter((i) => fold[i] !== f);
    const models = modelsFrom({ models: trainModels(trainIdx.map((i) => rows[i]), trainIdx.map((i) => facts[i]), o) });
    rows.forEach((r, i) => {
      if (fold[i] === f) out[i] = classifyWith(models, r, facts[i], stances?.[i]);
    });
  }
  return out;
}

export { MODEL_NAMES };

/**
 * The stance of each sentence's document (`analyze` reads a sentence with it), for the sentences whose document is
 * in the corpus folder (../shared/corpus/txt: its text or Markdown form); undefined for the others, and for all when
 * the folder is not there (a fresh clone). Returns how many documents were found.
 */
export function documentStances(rows: readonly GoldRow[], corpusDir = path.join(ROOT, '..', 'shared', 'corpus', 'txt')): { stances: (DocumentStance | undefined)[]; documents: number } {
  if (!fs.existsSync(corpusDir)) return { stances: rows.map(() => undefined), documents: 0 };
  const files = fs.readdirSync(corpusDir).filter((f) => /\.(txt|md)$/.test(f));
  const byDoc = new Map<string, DocumentStance | undefined>();
  const stances = rows.map((r) => {
    if (!byDoc.has(r.doc)) {
      const f = files.find((x) => x.replace(/\.(txt|md)$/, '') === r.doc);
      byDoc.set(r.doc, f ? inferStance(fs.readFileSync(path.join(corpusDir, f), 'utf8')) : undefined);
    }
    return byDoc.get(r.doc);
  });
  return { stances, documents: [...byDoc.values()].filter((s) => s !== undefined).length };
}
