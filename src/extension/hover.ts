/** Hover on a highlighted finding: what it is, and how the engine read its sentence. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { MAX_SENTENCE_CHARS, sentenceImpact } from '../core';
import type { Category, DocumentAnalysis, Finding } from '../core';
import type { AnalysisService, Span } from './analysisService';
import { categoryDescription, categoryLabel, formatDelta, formatScore, scoreLabel, sentenceRows } from './labels';

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly service: AnalysisService,
    private readonly isShown: (c: Category) => boolean,
  ) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const entry = this.service.get(doc.uri);
    if (!entry?.analysis) return undefined;
    const offset = doc.offsetAt(pos);
    const here = entry.spans.filter((s) => s.start <= offset && offset < s.end && this.isShown(s.finding.category));
    if (here.length === 0) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.supportHtml = false;
    md.isTrusted = false;
    here.forEach((s, i) => {
      if (i > 0) md.appendMarkdown('\n\n---\n\n');
      appendFinding(md, entry.analysis!, s.finding, entry.stale);
    });
    const start = Math.min(...here.map((s: Span) => s.start));
    const end = Math.max(...here.map((s: Span) => s.end));
    const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    return new vscode.Hover(md, range);
  }
}

/** The hover text of one finding (also used by the findings tree's tooltip). */
export function appendFinding(md: vscode.MarkdownString, a: DocumentAnalysis, f: Finding, stale = false): void {
  const sentence = a.sentences[f.sentence];
  md.appendMarkdown(`$(law) **${esc(l10n.t('Policy Lens'))} · ${esc(categoryLabel(f.category))}**`);
  if (f.subtype) md.appendMarkdown(` (${esc(f.subtype)})`);
  md.appendMarkdown(` — «${esc(f.text)}»\n\n`);
  md.appendMarkdown(`${esc(categoryDescription(f.category))}\n\n`);
  if (!sentence) return;
  const rows = sentenceRows(sentence, esc, (s) => `**${esc(s)}**`);
  md.appendMarkdown(`| | |\n|---|---|\n`);
  for (const [k, v] of rows) md.appendMarkdown(`| ${esc(k)} | ${v} |\n`);
  md.appendMarkdown('\n');
  if (sentence.cut) {
    md.appendMarkdown(`\n_${esc(l10n.t('This «sentence» is a piece of a longer run of text without a sentence end, cut at {0} characters.', MAX_SENTENCE_CHARS))}_\n`);
  }
  if (stale) md.appendMarkdown(`\n_${esc(l10n.t('The text changed since the analysis; it will be updated.'))}_\n`);
  md.appendMarkdown(`\n${esc(l10n.t('Document score'))}: ${esc(formatScore(a.score.value))} (${esc(scoreLabel(a.score.label))})`);
  const delta = impactOf(a, f.sentence);
  if (delta !== undefined) md.appendMarkdown(` · ${esc(l10n.t('this sentence: {0}', formatDelta(delta)))}`);
}

/** Escapes Markdown (and table pipes) in text taken from the document or the engine. */
export function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (m) => '\\' + m).replace(/\r?\n/g, ' ');
}

/** How much the finding's sentence moved the document score (the engine's sentenceImpact), if it can say. */
function impactOf(a: DocumentAnalysis, sentence: number): number | undefined {
  try {
    return sentenceImpact(a, sentence).delta;
  } catch {
    return undefined;
  }
}
