/**
 * Exports of the comparison table (audit rows): CSV (RFC 4180), JSON and a Markdown report.
 *
 * The CSV starts with exactly the columns of `policy-lens analyze --format csv`, in the same order and with
 * the same number formatting, so a script written for one reads the other; the audit's extra columns come
 * after them.
 */
import type { AuditRow } from '../audit/row';
import { CATEGORIES, DISTRICT_ROLES } from '../types';
import { STUDY_TERMS } from '../report/counts';
import { commonFolder } from '../util/folders';

// ───────────────────────────── CSV ─────────────────────────────

function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes inside doubled. */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'number' ? csvNumber(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record: the fields quoted as RFC 4180 says, CRLF at the end. */
export function csvLine(fields: readonly unknown[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

/** The component ids of the rows, in order of first use: each becomes two columns. */
function componentIdsOf(rows: readonly AuditRow[]): string[] {
  const componentIds: string[] = [];
  for (const r of rows) for (const c of r.components) if (!componentIds.includes(c.id)) componentIds.push(c.id);
  return componentIds;
}

/** The header of the columns of `policy-lens analyze --format csv`. */
function analyzeHeader(componentIds: readonly string[]): string[] {
  return [
    'file',
    'score',
    'label',
    'axis_directive',
    'axis_enabling',
    'directive_per_1000_words',
    'district_mentions',
    'innovation_sentences',
    'innovation_with_district_role',
    'pages',
    'words',
    'extracted_words',
    'sentences',
    ...STUDY_TERMS.map((t) => `exact_${t}`),
    ...STUDY_TERMS.map((t) => `inflected_${t}`),
    ...CATEGORIES.map((c) => `sentences_${c}`),
    ...DISTRICT_ROLES.map((r) => `district_${r}`),
    ...componentIds.flatMap((id) => [`component_${id}`, `component_${id}_value`]),
  ];
}

/** A row's fields in the columns of `policy-lens analyze --format csv`. */
function analyzeFields(r: AuditRow, componentIds: readonly string[]): unknown[] {
  const comp = new Map(r.components.map((c) => [c.id, c]));
  return [
    r.file,
    r.score.value,
    r.score.label,
    r.score.axes.directive,
    r.score.axes.enabling,
    r.density.directive,
    r.district.mentions,
    // `innovation_sentences` in the analyze CSV counts sentences on innovation *or* co-creation
    r.district.innovationOrCocreationSentences,
    r.district.withRole,
    r.pages,
    r.words,
    r.extractedWords,
    r.sentences,
    ...STUDY_TERMS.map((t) => r.counts.exact[t]),
    ...STUDY_TERMS.map((t) => r.counts.inflected[t]),
    ...CATEGORIES.map((c) => r.categories[c]),
    ...DISTRICT_ROLES.map((d) => r.district.roles[d]),
    ...componentIds.flatMap((id) => [comp.get(id)?.contribution ?? '', comp.get(id)?.value ?? '']),
  ];
}

/** The CSV of `policy-lens analyze --format csv`: header plus one row per document, CRLF line ends. */
export function analyzeCsv(rows: readonly AuditRow[]): string {
  const componentIds = componentIdsOf(rows);
  let out = csvLine(analyzeHeader(componentIds));
  for (const r of rows) out += csvLine(analyzeFields(r, componentIds));
  return out;
}

/** The CSV of the comparison: the columns of `analyze --format csv`, then the audit's own; CRLF line ends. */
export function comparisonCsv(rows: readonly AuditRow[]): string {
  const componentIds = componentIdsOf(rows);
  const header = [
    ...analyzeHeader(componentIds),
    // the audit's own
    'format',
    'language',
    'kind',
    'writer_level',
    'control_per_1000_words',
    'enabling_per_1000_words',
    'district_role_gap',
    'warnings',
  ];
  let out = csvLine(header);
  for (const r of rows) {
    out += csvLine([
      ...analyzeFields(r, componentIds),
      r.format,
      r.language,
      r.stance.kind,
      r.stance.writerLevel,
      r.density.control,
      r.density.enabling,
      r.district.gap,
      r.warnings.join('; '),
    ]);
  }
  return out;
}

// ───────────────────────────── JSON ─────────────────────────────

/** The rows as a pretty-printed JSON array (one object per document, the AuditRow shape). */
export function comparisonJson(rows: readonly AuditRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

// ───────────────────────────── Markdown ─────────────────────────────

export interface ReportOptions {
  title?: string;
  /** Shown under the title (e.g. the folder audited, the date). */
  subtitle?: string;
  /** Documents that could not be analysed. */
  failures?: readonly { file: string; message: string }[];
  /** Paths are shown relative to this prefix when they start with it (default: the rows' common folder). */
  baseFolder?: string;
}

function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function num(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

function signed(n: number): string {
  const s = num(n, 0);
  return n > 0 ? `+${s}` : s;
}

function table(header: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [
    `| ${header.map(mdCell).join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : ':---')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ];
}

/** A Markdown report of the comparison: summary, the table (most top-down first), outliers, the district-role gap. */
export function comparisonMarkdown(rows: readonly AuditRow[], opts: ReportOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${opts.title ?? 'Policy Lens: comparison of steering language'}`, '');
  if (opts.subtitle) out.push(opts.subtitle, '');
  const folder = opts.baseFolder ?? commonFolder(rows.map((r) => r.file.replace(/\\/g, '/')));
  const name = (f: string) => {
    const p = f.replace(/\\/g, '/');
    return folder && p.startsWith(folder) ? p.slice(folder.length) : p;
  };
  const failures = opts.failures ?? [];
  if (rows.length === 0) {
    out.push('No document could be analysed.', '');
  } else {
    const scores = rows.map((r) => r.score.value);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / scores.length);
    const sorted = [...rows].sort((a, b) => a.score.value - b.score.value || (a.file < b.file ? -1 : 1));
    const totalGap = rows.reduce((s, r) => s + r.district.gap, 0);
    const totalInno = rows.reduce((s, r) => s + r.district.innovationOrCocreationSentences, 0);
    out.push(
      `${rows.length} document${rows.length === 1 ? '' : 's'}${folder ? ` in \`${folder}\`` : ''}` +
        `${failures.length ? ` (${failures.length} could not be analysed)` : ''}. ` +
        `Scores run from ${signed(sorted[0].score.value)} (${name(sorted[0].file)}) to ` +
        `${signed(sorted[sorted.length - 1].score.value)} (${name(sorted[sorted.length - 1].file)}); mean ${signed(mean)}, ` +
        `standard deviation ${num(sd)}. The scale runs from −100 (top-down) to +100 (enabling).`,
      '',
      `Of ${totalInno} sentences on innovation or co-creation, ${totalInno - totalGap} give the districts a role; ` +
        `${totalGap} do not (the district-role gap).`,
      '',
    );

    out.push('## Documents, most top-down first', '');
    out.push(
      ...table(
        ['document', 'score', 'label', 'dir', 'enab', 'dir/1000w', 'ctrl/1000w', 'enab/1000w', 'skal', 'må', 'innov*', 'samsk*', 'innov. sent.', 'co-cr. sent.', 'bydel', 'roles o/e/i/m', 'gap'],
        ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
        sorted.map((r) => [
          name(r.file),
          signed(r.score.value),
          r.score.label,
          num(r.score.axes.directive, 0),
          num(r.score.axes.enabling, 0),
          r.density.directive.toFixed(1),
          r.density.control.toFixed(1),
          r.density.enabling.toFixed(1),
          String(r.counts.exact.skal),
          String(r.counts.exact['må']),
          String(r.counts.inflected.innovasjon),
          String(r.counts.inflected.samskaping),
          String(r.innovationSentences),
          String(r.cocreationSentences),
          String(r.district.mentions),
          DISTRICT_ROLES.map((k) => r.district.roles[k]).join('/'),
          `${r.district.gap}/${r.district.innovationOrCocreationSentences}`,
        ]),
      ),
      '',
    );

    if (rows.length >= 3 && sd > 0) {
      const outliers = sorted.filter((r) => Math.abs(r.score.value - mean) > 1.5 * sd);
      out.push('## Outliers', '');
      if (outliers.length === 0) out.push('No document lies more than 1.5 standard deviations from the mean score.', '');
      else {
        for (const r of outliers) {
          const dir = r.score.value < mean ? 'more top-down' : 'more enabling';
          out.push(`- **${mdCell(name(r.file))}** (${signed(r.score.value)}, ${r.score.label}): ${num(Math.abs(r.score.value - mean) / sd)} standard deviations ${dir} than the mean.`);
        }
        out.push('');
      }
    }

    const gaps = sorted.filter((r) => r.district.gap > 0).sort((a, b) => b.district.gap - a.district.gap);
    out.push('## District-role gap', '');
    if (gaps.length === 0) out.push('Every sentence on innovation or co-creation gives the districts a role (or there are none).', '');
    else {
      out.push(
        ...table(
          ['document', 'innovation/co-creation sentences', 'with a district role', 'without (gap)', 'district mentions'],
          ['l', 'r', 'r', 'r', 'r'],
          gaps.map((r) => [name(r.file), String(r.district.innovationOrCocreationSentences), String(r.district.withRole), String(r.district.gap), String(r.district.mentions)]),
        ),
        '',
      );
    }
  }
  if (failures.length) {
    out.push('## Not analysed', '');
    for (const f of failures) {
      // engine messages usually start with the path already
      const msg = f.message.startsWith(`${f.file}: `) ? f.message.slice(f.file.length + 2) : f.message;
      out.push(`- ${mdCell(name(f.file))}: ${mdCell(msg)}`);
    }
    out.push('');
  }
  out.push(
    '---',
    '',
    '*dir*, *enab*: the directive and enabling axes (0–100). *…/1000w*: sentences per 1,000 content words. ' +
      '*skal*, *må*: whole-word counts; *innov\\**, *samsk\\**: «innovasjon» and «samskaping» with inflections and compounds. ' +
      '*roles o/e/i/m*: sentences where the districts are obligated / enabled / involved / only mentioned. ' +
      '*gap*: innovation or co-creation sentences that give the districts no role, of all such sentences.',
    '',
  );
  return out.join('\n');
}
