/**
 * A document's report, for «Policy Lens: Export Report…»: Markdown (for people), JSON (the engine's record of the
 * document, `policy-lens analyze FILE --format json`), CSV (one row per finding, with its sentence's reading).
 * Every number is the engine's. No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { CATEGORIES, STUDY_TERMS } from '../core';
import type { DocumentAnalysis, SectionProfile } from '../core';
import { documentRecord } from '../core/report/record';
import { csvLine } from '../core/export/comparison';
import { categoryLabel, componentLabel, deonticLabel, districtRoleLabel, formatDelta, formatScore, framingLabel, scoreLabel, unitLabel } from './labels';

export type ReportFormat = 'md' | 'json' | 'csv';

export interface ReportInput {
  /** The document's name or path, as it should appear in the report. */
  file: string;
  analysis: DocumentAnalysis;
  sections: SectionProfile[];
  /** «line 12» / «page 3» for an offset of the analysed text. */
  where(offset: number): string;
}

export function formatFor(fileName: string): ReportFormat {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'json' ? 'json' : ext === 'csv' ? 'csv' : 'md';
}

export function report(format: ReportFormat, input: ReportInput): string {
  switch (format) {
    case 'json':
      return JSON.stringify(documentRecord(input.file, input.analysis), null, 2) + '\n';
    case 'csv':
      return csvReport(input);
    case 'md':
      return markdownReport(input);
  }
}

function csvReport({ file, analysis: a, where }: ReportInput): string {
  const lines = [csvLine(['file', 'where', 'start', 'end', 'category', 'subtype', 'entry', 'text', 'deontic', 'actor', 'district', 'framing', 'sentence'])];
  for (const f of a.findings) {
    const s = a.sentences[f.sentence];
    lines.push(
      csvLine([file, where(f.start), f.start, f.end, f.category, f.subtype ?? '', f.entry, f.text.replace(/\s+/g, ' '), s?.deontic ?? '', s?.actor ?? '', s?.district ?? '', s?.framing ?? '', s?.text.replace(/\s+/g, ' ').trim() ?? '']),
    );
  }
  // csvLine ends each row with CRLF (RFC 4180), as the CLI's CSV.
  return lines.join('');
}

/** Markdown text from the document: no markup of its own (escaped), on one line. */
function md(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

function num(n: number, digits = 1): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

function markdownReport({ file, analysis: a, sections, where }: ReportInput): string {
  const out: string[] = [];
  const quote = (i: number) => {
    const s = a.sentences[i];
    return s ? `- ${where(s.start)}: «${md(s.text)}»` : '';
  };
  out.push(`# ${l10n.t('Policy Lens report: {0}', md(file))}`, '');
  out.push(
    l10n.t('**Score {0}** ({1}) on the scale from −100 (top-down) to +100 (enabling).', formatScore(a.score.value), scoreLabel(a.score.label)),
    '',
    `| ${l10n.t('Axis')} | 0–100 |`,
    '|---|---:|',
    `| ${l10n.t('Directive and control pressure')} | ${num(a.score.axes.directive, 0)} |`,
    `| ${l10n.t('Enabling and participation')} | ${num(a.score.axes.enabling, 0)} |`,
    '',
    l10n.t('{0} content words, {1} sentences, {2} findings.', a.words, a.sentences.length, a.findings.length),
    '',
  );

  out.push(`## ${l10n.t('What makes up the score')}`, '');
  out.push(`| ${l10n.t('Component')} | ${l10n.t('Measured')} | ${l10n.t('Contribution')} | ${l10n.t('Sentences')} |`, '|---|---:|---:|---:|');
  for (const c of a.score.components) {
    out.push(`| ${componentLabel(c.id, c.label)} | ${num(c.value)} ${unitLabel(c.unit)} | ${formatDelta(c.contribution)} | ${c.sentences.length} |`);
  }
  out.push('');
  for (const c of a.score.components) {
    if (c.sentences.length === 0) continue;
    out.push(`### ${componentLabel(c.id, c.label)}`, '');
    for (const i of c.sentences.slice(0, 10)) out.push(quote(i));
    if (c.sentences.length > 10) out.push(`- ${l10n.t('… and {0} more', c.sentences.length - 10)}`);
    out.push('');
  }

  out.push(`## ${l10n.t('The study’s word counts')}`, '');
  out.push(`| ${l10n.t('Term')} | ${l10n.t('exact')} | ${l10n.t('inflected')} |`, '|---|---:|---:|');
  for (const t of STUDY_TERMS) out.push(`| «${t}» | ${a.counts.exact[t] ?? 0} | ${a.counts.inflected[t] ?? 0} |`);
  out.push('');

  out.push(`## ${l10n.t('Findings by category')}`, '');
  out.push(`| ${l10n.t('Category')} | ${l10n.t('Findings')} | ${l10n.t('Sentences')} |`, '|---|---:|---:|');
  for (const c of CATEGORIES) out.push(`| ${categoryLabel(c)} | ${a.findings.filter((f) => f.category === c).length} | ${a.categories[c]} |`);
  out.push('');

  const d = a.district;
  out.push(`## ${l10n.t('City districts')}`, '');
  out.push(l10n.t('{0} of {1} innovation or co-creation sentences give a district a role.', d.innovationWithDistrictRole, d.innovationSentences), '');
  out.push(`| ${l10n.t('District role')} | ${l10n.t('Sentences')} |`, '|---|---:|');
  out.push(`| ${l10n.t('District mentions')} | ${d.mentions} |`);
  for (const r of ['obligated', 'enabled', 'involved', 'mentioned'] as const) out.push(`| ${districtRoleLabel(r)} | ${d.roles[r]} |`);
  out.push('', `### ${l10n.t('District-role gap')} (${d.gap.length})`, '', l10n.t('Innovation or co-creation sentences that give the districts no role.'), '');
  for (const i of d.gap.slice(0, 20)) out.push(quote(i));
  if (d.gap.length > 20) out.push(`- ${l10n.t('… and {0} more', d.gap.length - 20)}`);
  out.push('');

  const ranked = sections.filter((s) => s.directiveDensity > 0).sort((x, y) => y.directiveDensity - x.directiveDensity).slice(0, 10);
  if (ranked.length > 0) {
    out.push(`## ${l10n.t('Most directive sections')}`, '');
    out.push(`| ${l10n.t('Section')} | ${l10n.t('Where')} | ${l10n.t('Directive sentences per 1,000 words')} |`, '|---|---|---:|');
    for (const s of ranked) out.push(`| ${md(s.title)} | ${where(s.start)} | ${num(s.directiveDensity)} |`);
    out.push('');
  }

  const directive = a.sentences.filter((s) => !s.excluded && s.directive).slice(0, 15);
  if (directive.length > 0) {
    out.push(`## ${l10n.t('Directive sentences')}`, '');
    out.push(`| ${l10n.t('Where')} | ${l10n.t('Deontic force')} | ${l10n.t('Actor')} | ${l10n.t('Framing')} |`, '|---|---|---|---|');
    for (const s of directive) out.push(`| ${where(s.start)} | ${deonticLabel(s.deontic)} | ${md(s.actor ?? '–')} | ${framingLabel(s.framing)} |`);
    out.push('');
  }
  out.push('---', '', l10n.t('Made with Policy Lens; the score is explained in docs/scoring.md.'), '');
  return out.join('\n');
}
