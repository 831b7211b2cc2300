/**
 * `npm run eval [-- FILE] [--json] [--errors FIELD] [--check] [--folds K]`
 *
 * Accuracy of the sentence classifier on the labelled sentences, reported so that it predicts unseen text:
 *
 *  - without FILE: every sentence of test/fixtures/gold (dev.jsonl + train.jsonl, 824 sentences, 63 documents) is
 *    classified by learned models trained WITHOUT its document (k-fold cross-validation by document, K = 5); the
 *    rules are the same for all. Figures for all sentences, by source (corpus documents, web pages), the corpus
 *    sentences read in their documents as `analyze` reads them (when ../shared/corpus/txt is at hand), and for the
 *    hold-out documents (test/fixtures/gold/holdout.json: never read for rule work), with the rules alone beside;
 *  - with FILE (JSON lines in the gold format): the shipped engine on that file, as a user runs it.
 *
 * Per field: accuracy, per-class precision/recall/F1, macro-F1, a 95 % confidence interval (bootstrap over
 * documents: sentences of one document are not independent), and confusion matrices for deontic and framing.
 *
 *   --json          all figures as one JSON object
 *   --errors FIELD  the sentences where FIELD is wrong (cross-validated predictions; hold-out documents are left out)
 *   --check         compare the cross-validated summary with test/fixtures/gold/floors.json, and the robustness rewrites'
 *                   shares of changed labels with its `robustness` ceilings (scripts/robustness.ts); exit 1 naming any
 *                   below a floor or over a ceiling
 *   --floors FILE   other floors for --check
 *   --folds K       folds of the cross-validation (default 5)
 */
import * as fs from 'fs';
import * as path from 'path';
import { classifySentence } from '../src/core/node';
import type { SentenceLabels } from '../src/core/node';
import { classifyWith, crossValidate, DEFAULT_TRAIN, documentStances, factsOf, GoldRow, holdoutDocuments, loadGold, ROOT, trainModels } from './classifier-training';
import { modelsFrom } from '../src/core/classify/models';
import { seededRandom } from '../src/core/tag/perceptron';
import { robustness, RobustnessRow } from './robustness';

const FLOORS = path.join(ROOT, 'test', 'fixtures', 'gold', 'floors.json');

type Field = keyof SentenceLabels;
type Value = string | boolean | null;

export const FIELDS: readonly Field[] = ['deontic', 'directive', 'actor', 'district', 'innovation', 'cocreation', 'collaboration', 'control', 'framing'];

/** The classes of each field, in display order (values outside these are added after them). */
const CLASSES: Partial<Record<Field, readonly string[]>> = {
  deontic: ['obligation', 'prohibition', 'recommendation', 'permission', 'intention', 'none'],
  directive: ['true', 'false'],
  district: ['obligated', 'enabled', 'involved', 'mentioned', 'none'],
  innovation: ['true', 'false'],
  cocreation: ['true', 'false'],
  collaboration: ['true', 'false'],
  control: ['true', 'false'],
  framing: ['top-down', 'enabling', 'neutral'],
};

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  predicted: number;
}

export interface FieldMetrics {
  accuracy: number;
  correct: number;
  total: number;
  classes?: Record<string, ClassMetrics>;
  macroF1?: number;
  /** confusion[gold][predicted] */
  confusion?: Record<string, Record<string, number>>;
}

interface Pair {
  row: GoldRow;
  pred: SentenceLabels;
}

// ───────────────────────────── comparison ─────────────────────────────

function key(field: Field, v: Value | undefined): string {
  if (v === undefined) return '<missing>';
  if (v === null) return 'null';
  if (field === 'actor') return String(v).trim().toLocaleLowerCase('nb');
  return String(v);
}

const same = (field: Field, gold: Value, pred: Value | undefined) => key(field, gold) === key(field, pred);
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function fieldMetrics(field: Field, pairs: readonly { gold: Value; pred: Value | undefined }[]): FieldMetrics {
  const total = pairs.length;
  const correct = pairs.filter((p) => same(field, p.gold, p.pred)).length;
  const m: FieldMetrics = { accuracy: ratio(correct, total), correct, total };
  const known = CLASSES[field];
  if (!known) return m;
  const labels = [...known];
  for (const p of pairs) for (const k of [key(field, p.gold), key(field, p.pred)]) if (!labels.includes(k)) labels.push(k);
  const confusion: Record<string, Record<string, number>> = {};
  for (const g of labels) {
    confusion[g] = {};
    for (const q of labels) confusion[g][q] = 0;
  }
  for (const p of pairs) confusion[key(field, p.gold)][key(field, p.pred)]++;
  const classes: Record<string, ClassMetrics> = {};
  const used: number[] = [];
  for (const c of labels) {
    const tp = confusion[c][c];
    const support = labels.reduce((s, q) => s + confusion[c][q], 0);
    const predicted = labels.reduce((s, g) => s + confusion[g][c], 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    classes[c] = { precision, recall, f1: f1Of(precision, recall), support, predicted };
    // Macro-F1 averages the classes that occur in the gold labels or the predictions.
    if (support > 0 || predicted > 0) used.push(classes[c].f1);
  }
  m.classes = classes;
  m.macroF1 = used.length ? used.reduce((a, b) => a + b, 0) / used.length : 0;
  m.confusion = confusion;
  return m;
}

/** The project's summary figures. Framing macro-F1 averages the three classes. */
export function summaryOf(pairs: readonly Pair[]): Record<string, number> {
  const col = (f: Field) => pairs.map((p) => ({ gold: p.row.gold[f] as Value, pred: p.pred[f] as Value }));
  // a figure with nothing to measure (no gold and no predicted positives) is NaN, and left out of the intervals
  const f1 = (f: Field) => {
    const c = fieldMetrics(f, col(f)).classes?.true;
    return c && (c.support > 0 || c.predicted > 0) ? c.f1 : NaN;
  };
  const part = (n: number, d: number) => (d === 0 ? NaN : n / d);
  const onDirective = pairs.filter((p) => p.row.gold.directive);
  const withDistrict = pairs.filter((p) => p.row.gold.district !== 'none');
  const framing = fieldMetrics('framing', col('framing'));
  return {
    'directive.f1': f1('directive'),
    'deontic.accuracy': fieldMetrics('deontic', col('deontic')).accuracy,
    'actor.accuracy_on_directive': part(onDirective.filter((p) => same('actor', p.row.gold.actor, p.pred.actor)).length, onDirective.length),
    'innovation.f1': f1('innovation'),
    'cocreation.f1': f1('cocreation'),
    'collaboration.f1': f1('collaboration'),
    'control.f1': f1('control'),
    'district.accuracy_where_present': part(withDistrict.filter((p) => same('district', p.row.gold.district, p.pred.district)).length, withDistrict.length),
    'framing.macro_f1': ['top-down', 'enabling', 'neutral'].reduce((s, c) => s + (framing.classes?.[c]?.f1 ?? 0), 0) / 3,
  };
}

/** The summary figures of predictions for gold rows (the training script's report). */
export function figures(rows: readonly GoldRow[], preds: readonly SentenceLabels[]): Record<string, number> {
  return summaryOf(rows.map((row, i) => ({ row, pred: preds[i] })));
}

/** 95 % bootstrap intervals of the summary figures, resampling documents (1,000 draws, fixed seed). */
export function bootstrap(pairs: readonly Pair[], draws = 1000): Record<string, [number, number]> {
  const byDoc = new Map<string, Pair[]>();
  for (const p of pairs) byDoc.set(p.row.doc, [...(byDoc.get(p.row.doc) ?? []), p]);
  const docs = [...byDoc.values()];
  const samples: Record<string, number[]> = {};
  const rand = seededRandom(2026);
  for (let d = 0; d < draws; d++) {
    const pick: Pair[] = [];
    for (let k = 0; k < docs.length; k++) pick.push(...docs[Math.floor(rand() * docs.length)]);
    for (const [k, v] of Object.entries(summaryOf(pick))) if (!Number.isNaN(v)) (samples[k] ??= []).push(v);
  }
  const out: Record<string, [number, number]> = {};
  for (const [k, xs] of Object.entries(samples)) {
    xs.sort((a, b) => a - b);
    out[k] = xs.length ? [xs[Math.floor(0.025 * xs.length)], xs[Math.min(xs.length - 1, Math.floor(0.975 * xs.length))]] : [NaN, NaN];
  }
  return out;
}

// ───────────────────────────── output ─────────────────────────────

const f3 = (n: number): string => n.toFixed(3);

function table(rows: string[][], right: (i: number) => boolean): string[] {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (right(i) ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ').trimEnd());
}

function printField(field: Field, m: FieldMetrics, out: string[], confusion: boolean): void {
  out.push(`── ${field} ──  accuracy ${f3(m.accuracy)} (${m.correct}/${m.total})` + (m.macroF1 !== undefined ? `  macro-F1 ${f3(m.macroF1)}` : ''));
  if (!m.classes || !m.confusion) return;
  const labels = Object.keys(m.classes);
  const rows = [['class', 'precision', 'recall', 'F1', 'support', 'predicted']];
  for (const c of labels) {
    const k = m.classes[c];
    if (k.support === 0 && k.predicted === 0) continue;
    rows.push([c, f3(k.precision), f3(k.recall), f3(k.f1), String(k.support), String(k.predicted)]);
  }
  out.push(...table(rows, (i) => i > 0).map((l) => '  ' + l));
  if (!confusion) return;
  const present = labels.filter((c) => m.classes![c].support > 0 || m.classes![c].predicted > 0);
  const cm = [['gold \\ predicted', ...present]];
  for (const g of present) cm.push([g, ...present.map((p) => String(m.confusion![g][p]))]);
  out.push('  confusion matrix (rows gold, columns predicted):');
  out.push(...table(cm, (i) => i > 0).map((l) => '    ' + l));
}

function summaryLines(title: string, s: Record<string, number>, ci?: Record<string, [number, number]>): string[] {
  const out = [title];
  // (a metric no resample could compute, such as district role in a file without a district term, has no interval)
  for (const [k, v] of Object.entries(s)) out.push(`  ${k.padEnd(34)} ${f3(v)}` + (ci?.[k] ? `  [${f3(ci[k][0])} – ${f3(ci[k][1])}]` : ''));
  return out;
}

/**
 * The floors of the cross-validated metrics, and the ceilings of the robustness rewrites (floors.json `robustness`:
 * rewrite name → largest share of changed labels; undefined when the file has none, and then none is checked).
 */
function readLimits(file: string): { floors: Record<string, number>; ceilings: Record<string, number> | undefined } {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const floors: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('$') || k.startsWith('_') || k === 'robustness') continue; // comments; the rewrites' ceilings
    if (typeof v !== 'number') throw new Error(`${file}: the floor of ${k} is not a number`);
    floors[k] = v;
  }
  if (raw.robustness === undefined) return { floors, ceilings: undefined };
  const ceilings: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw.robustness as Record<string, unknown>)) {
    if (k.startsWith('$')) continue;
    if (typeof v !== 'number') throw new Error(`${file}: the ceiling of robustness ${k} is not a number`);
    ceilings[k] = v;
  }
  return { floors, ceilings };
}

const USAGE = 'usage: node out/scripts/eval.js [FILE] [--json] [--errors FIELD] [--check [--floors FLOORS.json]] [--folds K]';

function shipped(rows: readonly GoldRow[]): Pair[] {
  return rows.map((row) => ({ row, pred: classifySentence(row.text) }));
}

export async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let json = false;
  let check = false;
  let errorsField: Field | undefined;
  let floorsFile = FLOORS;
  let folds = 5;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--check') check = true;
    else if (a === '--floors' && argv[i + 1]) floorsFile = path.resolve(argv[++i]);
    else if (a === '--folds' && argv[i + 1]) folds = Number(argv[++i]);
    else if (a === '--errors') {
      const f = argv[++i];
      if (!FIELDS.includes(f as Field)) {
        console.error(`--errors needs a field: ${FIELDS.join(', ')}\n${USAGE}`);
        return 2;
      }
      errorsField = f as Field;
    } else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`unknown option ${a}\n${USAGE}`);
      return 2;
    } else file = path.resolve(a);
  }

  const t0 = Date.now();
  let pairs: Pair[];
  let title: string;
  const extra: { title: string; summary: Record<string, number>; ci?: Record<string, [number, number]> }[] = [];
  const hold = holdoutDocuments();
  let robust: RobustnessRow[] | undefined;
  if (file) {
    const rows = loadGold([file]);
    pairs = shipped(rows);
    title = `${path.relative(process.cwd(), file) || file}: ${rows.length} sentences, the shipped engine`;
  } else {
    const rows = loadGold();
    const facts = rows.map((r) => factsOf(r.text));
    const cv = crossValidate(rows, facts, folds);
    pairs = rows.map((row, i) => ({ row, pred: cv[i] }));
    title = `test/fixtures/gold (dev.jsonl + train.jsonl): ${rows.length} sentences from ${new Set(rows.map((r) => r.doc)).size} documents; ` +
      `each classified by models trained without its document (${folds}-fold cross-validation by document)`;
    const rules = rows.map((row, i) => ({ row, pred: classifyWith(null, row, facts[i]) }));
    extra.push({ title: 'the rules alone (no learned layer), all sentences:', summary: summaryOf(rules) });
    for (const source of ['corpus', 'web page']) {
      const part = pairs.filter((p) => p.row.source === source);
      extra.push({ title: `${source === 'corpus' ? 'corpus documents' : 'web pages'} (${part.length} sentences), cross-validated:`, summary: summaryOf(part), ci: bootstrap(part) });
    }
    // the corpus sentences read in their documents, as `analyze` reads them (the document's kind and writer decide
    // some «skal»); only where ../shared/corpus is at hand
    const { stances, documents } = documentStances(rows);
    if (documents > 0) {
      const inDoc = crossValidate(rows, facts, folds, DEFAULT_TRAIN, stances);
      const part = rows.map((row, i) => ({ row, pred: inDoc[i] })).filter((_, i) => stances[i] !== undefined);
      extra.push({
        title: `corpus documents read in context (${part.length} sentences of ${documents} documents, each read in its document as \`analyze\` reads it), cross-validated:`,
        summary: summaryOf(part),
        ci: bootstrap(part),
      });
    }
    const tuneIdx = rows.map((r, i) => (hold.has(r.doc) ? -1 : i)).filter((i) => i >= 0);
    const heldIdx = rows.map((r, i) => (hold.has(r.doc) ? i : -1)).filter((i) => i >= 0);
    const models = modelsFrom({ models: trainModels(tuneIdx.map((i) => rows[i]), tuneIdx.map((i) => facts[i])) });
    const held = heldIdx.map((i) => ({ row: rows[i], pred: classifyWith(models, rows[i], facts[i]) }));
    extra.push({ title: `hold-out documents (${held.length} sentences, never used for rule work; models trained without them):`, summary: summaryOf(held), ci: bootstrap(held) });
    // rewrites that must not change a label (scripts/robustness.ts), on every labelled sentence, the shipped engine
    robust = robustness(rows.map((r) => r.text), classifySentence);
  }
  const ms = Date.now() - t0;
  const fields = {} as Record<Field, FieldMetrics>;
  for (const f of FIELDS) fields[f] = fieldMetrics(f, pairs.map((p) => ({ gold: p.row.gold[f] as Value, pred: p.pred[f] as Value })));
  const summary = summaryOf(pairs);
  const ci = bootstrap(pairs);

  if (errorsField) {
    const f = errorsField;
    const visible = pairs.filter((p) => !hold.has(p.row.doc));
    const wrong = visible.filter((p) => !same(f, p.row.gold[f] as Value, p.pred[f] as Value));
    const out = [`${wrong.length} of ${visible.length} sentences have ${f} wrong (the ${pairs.length - visible.length} sentences of hold-out documents are not shown).`];
    for (const p of wrong) {
      out.push('', `#${p.row.id ?? p.row.line} ${p.row.file} ${p.row.doc}: gold ${JSON.stringify(p.row.gold[f])}  predicted ${JSON.stringify(p.pred[f])}`);
      out.push(`  ${p.row.text}`);
      if (f !== 'deontic') out.push(`  (deontic gold ${JSON.stringify(p.row.gold.deontic)}, predicted ${JSON.stringify(p.pred.deontic)})`);
      if (p.row.note) out.push(`  note: ${p.row.note}`);
    }
    console.log(out.join('\n'));
  } else if (json) {
    console.log(JSON.stringify({ title, sentences: pairs.length, summary, confidence95: ci, sections: extra, fields, robustness: robust }, null, 2));
  } else {
    const out: string[] = [`${title} (${(ms / 1000).toFixed(1)} s)`];
    for (const f of check ? [] : FIELDS) {
      out.push('');
      printField(f, fields[f], out, f === 'deontic' || f === 'framing');
      if (f === 'actor') out.push(`  (compared case-insensitively, null = null; on sentences whose gold directive is true: ${f3(summary['actor.accuracy_on_directive'])})`);
    }
    for (const e of check ? [] : extra) out.push('', ...summaryLines(e.title, e.summary, e.ci));
    if (robust && !check) {
      out.push('', 'robustness: rewrites that must not change a label (the shipped engine; share of the rewritten sentences whose labels changed):');
      for (const r of robust) out.push(`  ${r.name.padEnd(18)} ${String(r.changed).padStart(4)} of ${String(r.rewritten).padStart(4)}  ${(100 * r.share).toFixed(1).padStart(5)} %  ${r.what}`);
    }
    out.push('', ...summaryLines('── summary (95 % interval, bootstrap over documents) ──', summary, ci));
    console.log(out.join('\n'));
  }

  if (check) {
    const { floors, ceilings } = readLimits(floorsFile);
    const below: string[] = [];
    for (const [name, floor] of Object.entries(floors)) {
      if (!(name in summary)) below.push(`${name}: unknown metric (known: ${Object.keys(summary).join(', ')})`);
      else if (!(summary[name] >= floor)) below.push(`${name} ${f3(summary[name])} is below its floor ${floor}`);
    }
    for (const r of ceilings ? robust ?? [] : []) {
      const max = ceilings![r.name];
      if (max === undefined) below.push(`robustness ${r.name}: no ceiling in ${path.basename(floorsFile)}`);
      else if (r.share > max) below.push(`robustness ${r.name}: ${(100 * r.share).toFixed(1)} % of rewritten sentences changed labels, over its ceiling ${(100 * max).toFixed(1)} %`);
    }
    if (below.length > 0) {
      for (const b of below) console.error(`eval --check: ${b}`);
      return 1;
    }
    console.error(`eval --check: ${Object.keys(floors).length} cross-validated metrics at or above their floors` + (robust && ceilings ? `; ${robust.length} rewrites under their ceilings.` : '.'));
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 2;
    },
  );
}
