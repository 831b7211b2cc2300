/**
 * The hover explanation of a finding in a document viewer (PDF, DOCX): the same content as the text editors' hover
 * (hover.ts: what it is, deontic force and cue, actor, district role, framing — the rows of ../labels.ts
 * `sentenceRows` —, the document score and the sentence's share of it), as plain strings that the webview puts into
 * the page with `textContent`.
 */
import * as l10n from '@vscode/l10n';
import { sentenceImpact } from '../../core';
import type { DocumentAnalysis } from '../../core';
import { categoryDescription, categoryLabel, formatDelta, formatScore, sentenceRows } from '../labels';
import type { Explanation } from './protocol';

export function explainFinding(a: DocumentAnalysis, index: number): Explanation | null {
  const f = a.findings[index];
  if (!f) return null;
  const sentence = a.sentences[f.sentence];
  const rows = sentence ? sentenceRows(sentence) : [];
  let score = `${l10n.t('Document score')}: ${formatScore(a.score.value)} (${a.score.label})`;
  try {
    score += ` · ${l10n.t('this sentence: {0}', formatDelta(sentenceImpact(a, f.sentence).delta))}`;
  } catch {
    // no share to show
  }
  return {
    finding: index,
    title: `${l10n.t('Policy Lens')} · ${categoryLabel(f.category)}${f.subtype ? ` (${f.subtype})` : ''}`,
    category: f.category,
    categoryLabel: categoryLabel(f.category),
    text: f.text,
    description: categoryDescription(f.category),
    rows,
    score,
  };
}
