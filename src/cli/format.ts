/**
 * Output of `policy-lens analyze`: JSON records, CSV rows and the text scorecard / comparison table.
 * Presentation only: every number comes from the engine's DocumentAnalysis.
 */
import type { AuditRow, Category, DistrictRole, DocumentAnalysis, StudyTerm } from '../core/node';
import { CATEGORIES, commonFolder, csvField, csvLine, DISTRICT_ROLES, documentRecordHead, findingRecord, ordered, STUDY_TERMS } from '../core/node';

// ───────────────────────────── JSON ─────────────────────────────

/** Indents a pretty-printed JSON value to sit inside the top-level array. */
export function jsonArrayItem(value: unknown, first: boolean): string {
  return `${first ? '' : ',\n'}${indentedItems([value], 1)}`;
}

/**
 * Pretty-printed JSON values (2 spaces) each indented by `depth` levels, joined by «,\n»: the elements of an array
 * nested `depth` deep, cut out of one JSON.stringify of it — the same text as stringifying each value and indenting
 * its lines, without a second pass over the text per value. `items` is not empty.
 */
export function indentedItems(items: readonly unknown[], depth: number): string {
  let v: unknown = items;
  let before = '';
  let after = '';
  for (let d = 0; d < depth; d++) {
    if (d > 0) v = [v];
    before += ' '.repeat(2 * d) + '[\n';
    after = '\n' + ' '.repeat(2 * d) + ']' + after;
  }
  const s = JSON.stringify(v, null, 2);
  return s.slice(before.length, s.length - after.length);
}

/** Findings serialised per piece: the output of a long document is written as it is made, never held whole. */
const FINDINGS_PER_CHUNK = 2000;

/**
 * The text of `jsonArrayItem(documentRecord(file, a), first)`, in pieces: the record without its findings, then the
 * findings a few thousand at a time. Memory stays at one piece, whatever the number of findings.
 */
export function* jsonDocumentChunks(file: string, a: DocumentAnalysis, first: boolean): Generator<string> {
  const MARK = '\u0000findings\u0000';
  const head = jsonArrayItem({ ...documentRecordHead(file, a), findings: MARK }, first);
  const at = head.lastIndexOf(JSON.stringify(MARK));
  yield head.slice(0, at);
  if (a.findings.length === 0) yield '[]';
  else {
    // Inside the record inside the array: the findings' braces at 6 spaces, their keys at 8, the bracket at 4.
    for (let i = 0; i < a.findings.length; i += FINDINGS_PER_CHUNK) {
      const piece = indentedItems(
        a.findings.slice(i, i + FINDINGS_PER_CHUNK).map((f) => findingRecord(a, f)),
        3,
      );
      yield (i === 0 ? '[\n' : ',\n') + piece;
    }
    yield '\n    ]';
  }
  yield head.slice(at + JSON.stringify(MARK).length);
}

// ───────────────────────────── summary row (the comparison table) ─────────────────────────────

/** What the comparison table needs of a document. */
export interface SummaryRow {
  file: string;
  score: number;
  label: string;
  axisDirective: number;
  axisEnabling: number;
  directivePer1000: number;
  pages: number;
  words: number;
  extractedWords: number;
  sentences: number;
  exact: Record<StudyTerm, number>;
  inflected: Record<StudyTerm, number>;
  categories: Record<Category, number>;
  districtMentions: number;
  districtRoles: Record<Exclude<DistrictRole, 'none'>, number>;
  innovationSentences: number;
  innovationWithDistrictRole: number;
  components: { id: string; value: number; contribution: number }[];
}

/**
 * The summary row of an audit row (src/core/audit/row.ts): the comparison tables of `analyze` and `audit`, the CSV
 * (the engine's analyzeCsv) and the extension's comparison view share every definition.
 */
export function summaryFromAudit(r: AuditRow): SummaryRow {
  return {
    file: r.file,
    score: r.score.value,
    label: r.score.label,
    axisDirective: r.score.axes.directive,
    axisEnabling: r.score.axes.enabling,
    // Sentences in the directive category per 1,000 content words.
    directivePer1000: r.density.directive,
    pages: r.pages,
    words: r.words,
    extractedWords: r.extractedWords,
    sentences: r.sentences,
    exact: ordered(STUDY_TERMS, r.counts.exact),
    inflected: ordered(STUDY_TERMS, r.counts.inflected),
    categories: ordered(CATEGORIES, r.categories),
    districtMentions: r.district.mentions,
    districtRoles: ordered(DISTRICT_ROLES, r.district.roles),
    innovationSentences: r.district.innovationOrCocreationSentences,
    innovationWithDistrictRole: r.district.withRole,
    components: r.components.map((c) => ({ id: c.id, value: c.value, contribution: c.contribution })),
  };
}

// ───────────────────────────── CSV ─────────────────────────────

// `analyze --format csv` is the engine's analyzeCsv: the first columns of the audit's comparisonCsv.
export { csvField, csvLine };

// ───────────────────────────── text ─────────────────────────────

export interface Style {
  color: boolean;
  /** Terminal width; Infinity when not limited (not a terminal). */
  width: number;
}

const ANSI = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33', cyan: '36' } as const;

function paint(style: Style, code: keyof typeof ANSI, s: string): string {
  return style.color ? `\x1b[${ANSI[code]}m${s}\x1b[0m` : s;
}

/** Visible length (without ANSI escapes). */
function visible(s: string): number {
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}

function pad(s: string, n: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, n - visible(s)));
  return right ? fill + s : s + fill;
}

/** A number for people: integers as they are, others with `digits` decimals. */
export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '–';
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(digits);
}

function signed(n: number, digits = 1): string {
  const s = fmt(n, digits);
  return n > 0 ? `+${s}` : s;
}

/** Shortens `s` to `n` characters, keeping both ends (file names differ at the end). */
export function ellipsize(s: string, n: number): string {
  if (s.length <= n) return s;
  if (n <= 1) return s.slice(0, n);
  const tail = Math.ceil((n - 1) * 0.6);
  return s.slice(0, n - 1 - tail) + '…' + s.slice(s.length - tail);
}

function scoreColor(score: number): keyof typeof ANSI {
  return score <= -20 ? 'red' : score >= 20 ? 'green' : 'yellow';
}

/** `-100 [---------O----|--------------] +100`: the score on a scale, 0 marked with `|`. */
export function gauge(score: number, cells = 41): string {
  const v = Math.max(-100, Math.min(100, Number.isFinite(score) ? score : 0));
  const mid = (cells - 1) / 2;
  const at = Math.round(((v + 100) / 200) * (cells - 1));
  let bar = '';
  for (let i = 0; i < cells; i++) bar += i === at ? 'O' : i === mid ? '|' : '-';
  return `-100 [${bar}] +100`;
}

/** A 0…100 value as a bar of `cells` characters. */
function meter(v: number, cells = 10): string {
  const n = Math.round((Math.max(0, Math.min(100, Number.isFinite(v) ? v : 0)) / 100) * cells);
  return '#'.repeat(n) + '.'.repeat(cells - n);
}

export interface Column {
  header: string;
  right?: boolean;
  /** May be shortened to fit the width (one column per table). */
  flexible?: boolean;
  min?: number;
  /** May be left out when the table does not fit even with the flexible column shortened. */
  optional?: boolean;
}

/** Aligned columns separated by two spaces; the flexible column shrinks when the table is too wide. */
export function renderTable(columns: readonly Column[], rows: readonly string[][], width = Infinity, indent = ''): string[] {
  const natural = (cs: readonly Column[], rs: readonly string[][]): number =>
    indent.length +
    cs.reduce((sum, c, i) => sum + (c.flexible ? (c.min ?? 12) : Math.max(visible(c.header), ...rs.map((r) => visible(r[i] ?? '')))), 0) +
    2 * (cs.length - 1);
  if (natural(columns, rows) > width && columns.some((c) => c.optional)) {
    const keep = columns.map((c) => !c.optional);
    return renderTable(
      columns.filter((_, i) => keep[i]),
      rows.map((r) => r.filter((_, i) => keep[i])),
      width,
      indent,
    );
  }
  const widths = columns.map((c, i) => Math.max(visible(c.header), ...rows.map((r) => visible(r[i] ?? ''))));
  const total = indent.length + widths.reduce((a, b) => a + b, 0) + 2 * (columns.length - 1);
  const flex = columns.findIndex((c) => c.flexible);
  if (total > width && flex >= 0) {
    widths[flex] = Math.max(columns[flex].min ?? 12, widths[flex] - (total - width));
  }
  const cell = (s: string, i: number): string => {
    const w = widths[i];
    const t = visible(s) > w ? ellipsize(s, w) : s;
    return pad(t, w, !!columns[i].right);
  };
  const line = (cells: readonly string[]): string => (indent + cells.map(cell).join('  ')).replace(/\s+$/, '');
  return [line(columns.map((c) => c.header)), ...rows.map(line)];
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The scorecard of one document. */
export function scorecard(file: string, a: DocumentAnalysis, style: Style): string {
  const out: string[] = [];
  const w = style.width;
  const title = ellipsize(file, Number.isFinite(w) ? Math.max(20, w - 4) : file.length);
  out.push(paint(style, 'bold', `== ${title}`));

  const s = a.score;
  out.push(`  Score       ${paint(style, scoreColor(s.value), `${signed(s.value, 0)}  ${s.label}`)}`);
  out.push(`              ${gauge(s.value)}`);
  out.push(
    `  Axes        directive ${pad(fmt(s.axes.directive, 0), 3, true)}/100 ${meter(s.axes.directive)}` +
      `   enabling ${pad(fmt(s.axes.enabling, 0), 3, true)}/100 ${meter(s.axes.enabling)}`,
  );
  const extracted = a.extractedWords !== a.words ? ` (${a.extractedWords} extracted)` : '';
  out.push(
    `  Size        ${plural(a.words, 'word', 'words')}${extracted} · ${plural(a.pages, 'page', 'pages')} · ` +
      plural(a.sentences.length, 'sentence', 'sentences'),
  );

  if (s.components.length > 0) {
    out.push('');
    out.push(
      ...renderTable(
        [
          { header: 'Component', flexible: true, min: 16 },
          { header: 'value', right: true },
          { header: 'unit' },
          { header: 'contribution', right: true },
        ],
        s.components.map((c) => [c.label || c.id, fmt(c.value), c.unit, signed(c.contribution)]),
        w,
        '  ',
      ),
    );
  }

  out.push('');
  out.push(
    ...renderTable(
      [{ header: 'Study term' }, { header: 'exact', right: true }, { header: 'inflected', right: true }],
      STUDY_TERMS.map((t) => [t, String(a.counts.exact[t] ?? 0), String(a.counts.inflected[t] ?? 0)]),
      w,
      '  ',
    ),
  );

  out.push('');
  const hang = (line: string): string[] => wrap(line, w).map((l, i) => (i === 0 ? l : '      ' + l));
  out.push(...hang(`  Sentences by category: ${CATEGORIES.map((c) => `${c} ${a.categories[c] ?? 0}`).join(' · ')}`));

  const d = a.district;
  out.push(
    ...hang(
      `  Districts: ${plural(d.mentions, 'mention', 'mentions')}; roles: ` +
        DISTRICT_ROLES.map((r) => `${r} ${d.roles[r] ?? 0}`).join(' · '),
    ),
  );
  out.push(
    ...hang(
      `  District-role gap: innovation/co-creation sentences: ${d.innovationSentences}, ` +
        `with a district role: ${d.innovationWithDistrictRole}`,
    ),
  );
  for (const warning of a.warnings ?? []) out.push(paint(style, 'dim', `  note: ${warning}`));
  return out.join('\n') + '\n';
}

const LEGEND =
  'dir, enab: directive and enabling axes (0-100); dir/1000w: directive sentences per 1,000 words; ' +
  'skal, må: exact counts; innov*, samsk*: innovasjon, samskaping with inflections; bydel: district mentions; ' +
  'gap: innovation/co-creation sentences with a district role / all of them.';

/** Breaks `text` into lines of at most `width` characters (at spaces). */
export function wrap(text: string, width: number): string[] {
  if (!Number.isFinite(width) || text.length <= width) return [text];
  const lead = /^ */.exec(text)![0];
  const lines: string[] = [];
  let line = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    if (line.trim() && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  if (line.trim()) lines.push(line);
  return lines;
}

/** The comparison table (one row per document); names are shown relative to their common folder. */
export function comparison(rows: readonly SummaryRow[], style: Style): string {
  const folder = commonFolder(rows.map((r) => r.file));
  const lines = renderTable(
    [
      { header: 'document', flexible: true, min: 10 },
      { header: 'score', right: true },
      { header: 'label', optional: true },
      { header: 'dir', right: true },
      { header: 'enab', right: true },
      { header: 'dir/1000w', right: true },
      { header: 'skal', right: true },
      { header: 'må', right: true },
      { header: 'innov*', right: true },
      { header: 'samsk*', right: true },
      { header: 'bydel', right: true },
      { header: 'gap', right: true },
    ],
    rows.map((r) => [
      r.file.slice(folder.length),
      signed(r.score, 0),
      r.label,
      fmt(r.axisDirective, 0),
      fmt(r.axisEnabling, 0),
      r.directivePer1000.toFixed(1),
      String(r.exact.skal),
      String(r.exact['må']),
      String(r.inflected.innovasjon),
      String(r.inflected.samskaping),
      String(r.districtMentions),
      `${r.innovationWithDistrictRole}/${r.innovationSentences}`,
    ]),
    style.width,
  );
  lines[0] = paint(style, 'bold', lines[0]);
  return (
    paint(style, 'bold', `Comparison of ${rows.length} documents${folder ? ` in ${folder}` : ''}`) +
    '\n' +
    lines.join('\n') +
    '\n' +
    paint(style, 'dim', wrap(LEGEND, style.width).join('\n')) +
    '\n'
  );
}
