/**
 * The hover explanation of a finding in a document viewer (PDF, DOCX): the same content as the text editors' hover
 * (hover.ts: what it is, deontic force and cue, actor, district role, framing, the document score and the
 * sentence's share of it), as plain strings that the webview puts into the page with `textContent`.
 */
import * as l10n from '@vscode/l10n';
import { sentenceImpact } from '../../core';
import type { DocumentAnalysis } from '../../core';
import {
  actorLevelLabel,
  categoryDescription,
  categoryLabel,
  deonticLabel,
  districtRoleLabel,
  formatDelta,
  formatScore,
  framingLabel,
} from '../labels';
import type { Explanation } from './protocol';

export function explainFinding(a: DocumentAnalysis, index: number): Explanation | null {
  const f = a.findings[index];
  if (!f) return null;
  const sentence = a.sentences[f.sentence];
  const rows: [string, string][] = [];
  if (sentence) {
    let force = deonticLabel(sentence.deontic);
    if (sentence.cue) force += ` (${l10n.t('cue')} «${sentence.cue.text}»)`;
    if (sentence.reason) force += ` — ${l10n.t('because')} ${sentence.reason.deontic}`;
    rows.push([l10n.t('Deontic force'), force]);
    rows.push([l10n.t('Actor'), sentence.actor ? `${sentence.actor} — ${actorLevelLabel(sentence.actorLevel)}` : l10n.t('not named')]);
    rows.push([l10n.t('District role'), districtRoleLabel(sentence.district)]);
    rows.push([l10n.t('Framing'), framingLabel(sentence.framing) + (sentence.reason ? ` — ${l10n.t('because')} ${sentence.reason.framing}` : '')]);
  }
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
