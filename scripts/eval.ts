/**
 * `npm run eval [-- FILE] [--json] [--errors FIELD] [--check]`
 *
 * Runs classifySentence on every sentence of a gold file (JSON lines; default test/fixtures/gold/dev.jsonl) and
 * compares it field by field with the gold labels: accuracy, per-class precision/recall/F1/support, macro-F1
 * and a confusion matrix (rows gold, columns predicted), then a summary block of the project's metrics.
 *
 *   --json          all metrics as one JSON object
 *   --errors FIELD  list the sentences where FIELD is wrong (gold vs predicted), for rule work
 *   --check         compare the summary metrics with test/fixtures/gold/floors.json; exit 1 naming any below
 *                   (prints only the summary block; run without --check for the per-field report)
 *   --floors FILE   other floors for --check
 */
import * as fs from 'fs';
import * as path from 'path';
import { classifySentence } from '../src/core/node';
import type { SentenceLabels } from '../src/core/node';

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_GOLD = path.join(ROOT, 'test', 'fixtures', 'gold', 'dev.jsonl');
const FLOORS = path.join(ROOT, 'test', 'fixtures', 'gold', 'floors.json');

type Field = keyof SentenceLabels;
type Value = string | boolean | null;

export const FIELDS: readonly Field[] = [
  'deontic',
  'directive',
  'actor',
  'district',
  'innovation',
  'cocreation',
  'collaboration',
  'control',
  'framing',
];

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

interface GoldItem {
  line: number;
  id?: number | string;
  doc?: string;
  text: string;
  note?: string;
  gold: Record<Field, Value>;
}

interface Prediction {
  item: GoldItem;
  pred: Record<Field, Value> | undefined;
  error?: string;
}

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
  /** Absent for `actor` (free text). */
  classes?: Record<string, ClassMetrics>;
  macroF1?: number;
  /** confusion[gold][predicted] */
  confusion?: Record<string, Record<string, number>>;
}

// ───────────────────────────── comparison ─────────────────────────────

/** The class key of a value: actors are compared case-insensitively, null = null. */
function key(field: Field, v: Value | undefined): string {
  if (v === undefined) return '<missing>';
  if (v === null) return 'null';
  if (field === 'actor') return String(v).trim().toLocaleLowerCase('nb');
  return String(v);
}

function same(field: Field, gold: Value, pred: Value | undefined): boolean {
  return key(field, gold) === key(field, pred);
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function f1Of(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

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
    const f1 = f1Of(precision, recall);
    classes[c] = { precision, recall, f1, support, predicted };
    // Macro-F1 averages the classes that occur in the gold labels or the predictions.
    if (support > 0 || predicted > 0) used.push(f1);
  }
  m.classes = classes;
  m.macroF1 = used.length ? used.reduce((a, b) => a + b, 0) / used.length : 0;
  m.confusion = confusion;
  return m;
}

export function summaryMetrics(preds: readonly Prediction[], fields: Record<string, FieldMetrics>): Record<string, number> {
  const onDirective = preds.filter((p) => p.item.gold.directive === true);
  const withDistrict = preds.filter((p) => p.item.gold.district !== 'none' && p.item.gold.district !== null);
  return {
    'directive.f1': fields.directive.classes?.true?.f1 ?? 0,
    'deontic.accuracy': fields.deontic.accuracy,
    'actor.accuracy_on_directive': ratio(
      onDirective.filter((p) => same('actor', p.item.gold.actor, p.pred?.actor)).length,
      onDirective.length,
    ),
    'innovation.f1': fields.innovation.classes?.true?.f1 ?? 0,
    'cocreation.f1': fields.cocreation.classes?.true?.f1 ?? 0,
    'district.accuracy_where_present': ratio(
      withDistrict.filter((p) => same('district', p.item.gold.district, p.pred?.district)).length,
      withDistrict.length,
    ),
    'framing.macro_f1': fields.framing.macroF1 ?? 0,
  };
}

// ───────────────────────────── input ─────────────────────────────

function readGold(file: string): GoldItem[] {
  const items: GoldItem[] = [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    if (typeof obj.text !== 'string') throw new Error(`${file}:${i + 1}: no "text"`);
    const gold = {} as Record<Field, Value>;
    for (const f of FIELDS) {
      if (!(f in obj)) throw new Error(`${file}:${i + 1}: no gold label "${f}"`);
      gold[f] = obj[f] as Value;
    }
    items.push({
      line: i + 1,
      id: obj.id as number | string | undefined,
      doc: obj.doc as string | undefined,
      text: obj.text,
      note: obj.note as string | undefined,
      gold,
    });
  });
  return items;
}

async function predict(items: readonly GoldItem[]): Promise<Prediction[]> {
  const out: Prediction[] = [];
  for (const item of items) {
    try {
      const labels = await classifySentence(item.text);
      const pred = {} as Record<Field, Value>;
      for (const f of FIELDS) pred[f] = (labels as unknown as Record<Field, Value>)[f];
      out.push({ item, pred });
    } catch (e) {
      out.push({ item, pred: undefined, error: (e as Error).message ?? String(e) });
    }
  }
  return out;
}

// ───────────────────────────── output ─────────────────────────────

const f3 = (n: number): string => n.toFixed(3);

function table(rows: string[][], right: (i: number) => boolean): string[] {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (right(i) ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ').trimEnd());
}

function printField(field: Field, m: FieldMetrics, out: string[]): void {
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
  const present = labels.filter((c) => m.classes![c].support > 0 || m.classes![c].predicted > 0);
  const cm = [['gold \\ predicted', ...present]];
  for (const g of present) cm.push([g, ...present.map((p) => String(m.confusion![g][p]))]);
  out.push('  confusion matrix (rows gold, columns predicted):');
  out.push(...table(cm, (i) => i > 0).map((l) => '    ' + l));
}

function shown(v: Value | undefined): string {
  return v === undefined ? '<missing>' : JSON.stringify(v);
}

function printErrors(field: Field, preds: readonly Prediction[]): string[] {
  const out: string[] = [];
  const wrong = preds.filter((p) => !p.pred || !same(field, p.item.gold[field], p.pred[field]));
  out.push(`${wrong.length} of ${preds.length} sentences have ${field} wrong.`);
  for (const p of wrong) {
    const where = [p.item.id !== undefined ? `#${p.item.id}` : `line ${p.item.line}`, p.item.doc].filter(Boolean).join(' ');
    out.push('');
    out.push(`${where}: gold ${shown(p.item.gold[field])}  predicted ${p.error ? `<error: ${p.error}>` : shown(p.pred?.[field])}`);
    out.push(`  ${p.item.text}`);
    if (p.pred && field !== 'deontic') out.push(`  (deontic gold ${shown(p.item.gold.deontic)}, predicted ${shown(p.pred.deontic)})`);
    if (p.item.note) out.push(`  note: ${p.item.note}`);
  }
  return out;
}

function readFloors(file: string): Record<string, number> {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const floors: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k.startsWith('$') || k.startsWith('_')) continue; // comments
    if (typeof v !== 'number') throw new Error(`${file}: the floor of ${k} is not a number`);
    floors[k] = v;
  }
  return floors;
}

const USAGE = 'usage: node out/scripts/eval.js [FILE] [--json] [--errors FIELD] [--check [--floors FLOORS.json]]';

export async function main(argv: readonly string[]): Promise<number> {
  let file = DEFAULT_GOLD;
  let json = false;
  let check = false;
  let errorsField: Field | undefined;
  let floorsFile = FLOORS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--check') check = true;
    else if (a === '--floors' && argv[i + 1]) floorsFile = path.resolve(argv[++i]);
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

  const items = readGold(file);
  const t0 = process.hrtime.bigint();
  const preds = await predict(items);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const failures = preds.filter((p) => p.error);

  const fields = {} as Record<Field, FieldMetrics>;
  for (const f of FIELDS) fields[f] = fieldMetrics(f, preds.map((p) => ({ gold: p.item.gold[f], pred: p.pred?.[f] })));
  const summary = summaryMetrics(preds, fields);

  if (errorsField) {
    console.log(printErrors(errorsField, preds).join('\n'));
  } else if (json) {
    console.log(JSON.stringify({ file: path.relative(process.cwd(), file) || file, sentences: items.length, classifyErrors: failures.length, summary, fields }, null, 2));
  } else {
    const out: string[] = [`${path.relative(process.cwd(), file) || file}: ${items.length} sentences, classified in ${ms.toFixed(0)} ms`];
    // With --check (as in `npm test`) only the summary; without it the per-field report too.
    for (const f of check ? [] : FIELDS) {
      out.push('');
      printField(f, fields[f], out);
      if (f === 'actor') {
        out.push(`  (compared case-insensitively, null = null; on sentences whose gold directive is true: ${f3(summary['actor.accuracy_on_directive'])})`);
      }
    }
    out.push('');
    out.push('── summary ──');
    for (const [k, v] of Object.entries(summary)) out.push(`${k} ${f3(v)}`);
    console.log(out.join('\n'));
  }
  for (const p of failures.slice(0, 5)) console.error(`classifySentence threw on line ${p.item.line}: ${p.error}`);
  if (failures.length > 5) console.error(`… and ${failures.length - 5} more`);

  if (check) {
    const floors = readFloors(floorsFile);
    const below: string[] = [];
    for (const [name, floor] of Object.entries(floors)) {
      if (!(name in summary)) below.push(`${name}: unknown metric (known: ${Object.keys(summary).join(', ')})`);
      else if (!(summary[name] >= floor)) below.push(`${name} ${f3(summary[name])} is below its floor ${floor}`);
    }
    if (failures.length > 0) below.push(`classifySentence threw on ${failures.length} sentence(s)`);
    if (below.length > 0) {
      for (const b of below) console.error(`eval --check: ${b}`);
      return 1;
    }
    console.error(`eval --check: ${Object.keys(floors).length} metrics at or above their floors.`);
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
