/**
 * The report's model, built from the engine's VersionComparison: every number from the engine, every string
 * localized here. No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import type { ComparedSentence, SentencePair, VersionComparison } from '../../core';
import { componentLabel, districtRoleLabel, formatDelta, formatScore, framingLabel, scoreLabel } from '../labels';
import { CompareReportModel, diffWords, ReportGroup, ReportItem, ReportSentence } from './compareProtocol';

export interface ReportInput {
  id: number;
  comparison: VersionComparison;
  oldLabel: string;
  newLabel: string;
  /** «line 12» for an offset of each version's analysed text. */
  whereOld(offset: number): string;
  whereNew(offset: number): string;
}

/** Where each item's sentences are: the engine's sentence refs (offsets into each version's analysed text). */
export interface ReportRefs {
  old?: ComparedSentence;
  new?: ComparedSentence;
}

export function buildReport(input: ReportInput): { model: CompareReportModel; refs: ReportRefs[] } {
  const c = input.comparison;
  const items: ReportItem[] = [];
  const refs: ReportRefs[] = [];
  const sentence = (s: ComparedSentence, segments: ReportSentence['segments'], where: string): ReportSentence => ({
    segments,
    where,
    framing: s.framing,
    framingLabel: framingLabel(s.framing),
    scoreText: formatDelta(s.score),
  });
  const addPair = (p: SentencePair, note = ''): number => {
    const [a, b] = p.similarity === 1 ? [[{ text: p.old.text, changed: false }], [{ text: p.new.text, changed: false }]] : diffWords(p.old.text, p.new.text);
    items.push({
      old: sentence(p.old, a, input.whereOld(p.old.start)),
      new: sentence(p.new, b, input.whereNew(p.new.start)),
      deltaText: p.delta === 0 ? '' : formatDelta(p.delta),
      note: note || (p.moved ? l10n.t('moved') : ''),
    });
    refs.push({ old: p.old, new: p.new });
    return items.length - 1;
  };
  const addOne = (side: 'old' | 'new', s: ComparedSentence, note = ''): number => {
    const rs = sentence(s, [{ text: s.text, changed: false }], side === 'old' ? input.whereOld(s.start) : input.whereNew(s.start));
    items.push({ [side]: rs, deltaText: '', note });
    refs.push({ [side]: s });
    return items.length - 1;
  };
  const group = (id: ReportGroup['id'], title: string, hint: string, idx: number[]): ReportGroup => ({ id, title, hint, items: idx });
  const groups: ReportGroup[] = [
    group('more-top-down', l10n.t('More top-down'), l10n.t('Sentences of both versions, matched also when moved or lightly edited, that now steer more.'), c.sentences.moreTopDown.map((p) => addPair(p))),
    group('more-enabling', l10n.t('More enabling'), l10n.t('Sentences that now leave more room: permission, advice, trust, resources.'), c.sentences.moreEnabling.map((p) => addPair(p))),
    group('added', l10n.t('Added'), l10n.t('Sentences only in the new version.'), c.sentences.added.map((s) => addOne('new', s))),
    group('removed', l10n.t('Removed'), l10n.t('Sentences only in the old version.'), c.sentences.removed.map((s) => addOne('old', s))),
    group('edited', l10n.t('Edited, same steering'), l10n.t('Sentences edited without a change of steering.'), c.sentences.edited.map((p) => addPair(p))),
    group('moved', l10n.t('Moved'), l10n.t('Sentences that kept their words but changed place.'), c.sentences.moved.map((p) => addPair(p, l10n.t('moved')))),
    group(
      'districts-gained',
      l10n.t('Districts: roles gained'),
      l10n.t('Sentences that give the city districts a role, or a better one, in the new version.'),
      c.districts.gained.map((g) =>
        g.old
          ? addPair({ old: g.old, new: g.new, similarity: g.old.text === g.new.text ? 1 : 0.5, moved: false, direction: 'same', delta: Math.round((g.new.score - g.old.score) * 10) / 10 }, l10n.t('{0} (was: {1})', districtRoleLabel(g.role), districtRoleLabel(g.from)))
          : addOne('new', g.new, districtRoleLabel(g.role)),
      ),
    ),
    group(
      'districts-lost',
      l10n.t('Districts: roles lost'),
      l10n.t('Sentences whose district role is gone, or worse, in the new version.'),
      c.districts.lost.map((l) =>
        l.new
          ? addPair({ old: l.old, new: l.new, similarity: l.old.text === l.new.text ? 1 : 0.5, moved: false, direction: 'same', delta: Math.round((l.new.score - l.old.score) * 10) / 10 }, l10n.t('{0} (now: {1})', districtRoleLabel(l.role), districtRoleLabel(l.to)))
          : addOne('old', l.old, districtRoleLabel(l.role)),
      ),
    ),
  ];
  const rows = [
    ...c.axes.map((a) => ({
      label: a.id === 'directive' ? l10n.t('Directive and control pressure') : l10n.t('Enabling and participation'),
      oldText: String(a.old),
      newText: String(a.new),
      deltaText: formatDelta(a.delta),
      delta: a.id === 'directive' ? -a.delta : a.delta,
    })),
    ...c.components.map((k) => ({ label: componentLabel(k.id, k.label), oldText: formatDelta(k.old), newText: formatDelta(k.new), deltaText: formatDelta(k.delta), delta: k.delta })),
    ...c.districts.roles.map((r) => ({ label: l10n.t('Districts: {0}', districtRoleLabel(r.role)), oldText: String(r.old), newText: String(r.new), deltaText: formatDelta(r.delta), delta: r.role === 'obligated' ? -r.delta : r.delta })),
  ];
  const changed = c.sentences.moreTopDown.length + c.sentences.moreEnabling.length;
  const model: CompareReportModel = {
    id: input.id,
    title: l10n.t('Framing: {0} → {1}', input.oldLabel, input.newLabel),
    oldLabel: input.oldLabel,
    newLabel: input.newLabel,
    score: {
      oldText: formatScore(c.score.old),
      newText: formatScore(c.score.new),
      deltaText: formatDelta(c.score.delta),
      delta: c.score.delta,
      oldLabel: scoreLabel(c.score.oldLabel),
      newLabel: scoreLabel(c.score.newLabel),
      oldPosition: Math.min(1, Math.max(0, (c.score.old + 100) / 200)),
      newPosition: Math.min(1, Math.max(0, (c.score.new + 100) / 200)),
    },
    rows,
    groups,
    items,
    terms: c.terms.counts.map((t) => ({ term: t.term, oldText: `${t.oldExact} (${t.oldInflected})`, newText: `${t.newExact} (${t.newInflected})` })),
    termsAdded: c.terms.added.map((t) => `«${t.term}»`).join(', '),
    termsRemoved: c.terms.removed.map((t) => `«${t.term}»`).join(', '),
    summary: l10n.t(
      '{0} sentences changed their steering ({1} more top-down, {2} more enabling); {3} added, {4} removed, {5} edited, {6} moved, {7} unchanged.',
      changed,
      c.sentences.moreTopDown.length,
      c.sentences.moreEnabling.length,
      c.sentences.added.length,
      c.sentences.removed.length,
      c.sentences.edited.length,
      c.sentences.moved.length,
      c.sentences.unchanged,
    ),
    strings: {
      score: l10n.t('Score'),
      old: l10n.t('Old'),
      new: l10n.t('New'),
      change: l10n.t('Change'),
      measure: l10n.t('Measure'),
      gaugeLeft: l10n.t('top-down'),
      gaugeRight: l10n.t('enabling'),
      sentences: l10n.t('Sentences'),
      none: l10n.t('None.'),
      terms: l10n.t('The study’s word counts (whole word, and inflected)'),
      term: l10n.t('Term'),
      termsAdded: l10n.t('Terms added:'),
      termsRemoved: l10n.t('Terms removed:'),
      open: l10n.t('Open in the document'),
      oldOnly: l10n.t('(not in the new version)'),
      newOnly: l10n.t('(not in the old version)'),
    },
  };
  return { model, refs };
}
