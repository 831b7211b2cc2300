/**
 * What the Framing view shows, built from the engine's DocumentAnalysis and SectionProfiles: every number comes
 * from the engine, every string is localized here (the webview has no text of its own). No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { STUDY_TERMS } from '../../core';
import type { ChecklistId, ChecklistItem, DocumentAnalysis, SectionProfile } from '../../core';
import { componentDescription, componentLabel, formatDelta, formatScore, scoreLabel, unitLabel } from '../labels';

/** At most this many sentences per list (component, gap); the rest are counted. */
export const MAX_SENTENCES = 40;

export interface SentenceRef {
  /** Index in DocumentAnalysis.sentences. */
  index: number;
  text: string;
  where: string;
}

export interface FramingModel {
  id: number;
  title: string;
  /** «white paper · written by regjeringen» */
  subtitle: string;
  /** Analysing / out of date, or empty. */
  status: string;
  strings: Record<string, string>;
  score: { value: number; text: string; label: string; /** 0 (top-down) … 1 (enabling) */ position: number };
  axes: { id: 'directive' | 'enabling'; label: string; value: number; text: string; description: string }[];
  components: {
    id: string;
    label: string;
    description: string;
    measured: string;
    contribution: number;
    contributionText: string;
    sentences: SentenceRef[];
    more: number;
  }[];
  counts: { term: string; exact: number; inflected: number }[];
  district: {
    summary: string;
    rows: { label: string; value: number }[];
    gapCount: number;
    gap: SentenceRef[];
    gapMore: number;
  };
  sections: {
    index: number;
    title: string;
    level: number;
    words: number;
    directiveDensity: number;
    /** 0 (no directives) … 5 (densest): the strip's colour step. */
    step: number;
    tooltip: string;
  }[];
  /** Indexes into `sections` of the most directive ones (most directive first). */
  topSections: number[];
  /** The checklist drawn from the study's conclusions: each item ticked or not, with the sentences that decide it. */
  checklist: { id: ChecklistId; ok: boolean; label: string; hint: string; sentences: SentenceRef[]; more: number }[];
  /** Sizes of the analysis, for checking the webview's messages. */
  limits: { sentences: number; sections: number };
}

/** Directive sentences per 1,000 words → the strip's colour step. */
export function densityStep(d: number): number {
  if (d <= 0) return 0;
  if (d < 5) return 1;
  if (d < 10) return 2;
  if (d < 20) return 3;
  if (d < 35) return 4;
  return 5;
}

function snippet(s: string, max = 160): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, max - 1) + '…';
}

let locale = 'en';
const formats = new Map<string, Intl.NumberFormat>();
function fmt(n: number, digits = 1): string {
  const key = `${locale}|${digits}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    } catch {
      f = new Intl.NumberFormat('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    }
    formats.set(key, f);
  }
  return f.format(n);
}

function stanceText(a: DocumentAnalysis): string {
  const kinds: Record<string, string> = {
    steering: l10n.t('steering document'),
    consultation: l10n.t('consultation response'),
    'white-paper': l10n.t('white paper'),
    plan: l10n.t('plan or strategy'),
    report: l10n.t('report'),
  };
  const kind = kinds[a.stance.kind] ?? a.stance.kind;
  const writer = a.stance.evidence.find((e) => e.startsWith('writer: '))?.slice('writer: '.length);
  return writer ? l10n.t('{0} · written by {1}', kind, writer) : kind;
}

export interface ModelInput {
  id: number;
  title: string;
  analysis: DocumentAnalysis;
  sections: SectionProfile[];
  state: 'idle' | 'analysing' | 'ready' | 'error';
  stale: boolean;
  /** «line 12» for an offset of the analysed text. */
  where(offset: number): string;
  /** For numbers (vscode.env.language). */
  locale: string;
  /** The engine's checklist of the analysis. */
  checklist: ChecklistItem[];
}

/** An item's name, and what its sentences show (ticked or not). */
function checklistText(item: ChecklistItem): { label: string; hint: string } {
  const none = item.innovationSentences === 0;
  switch (item.id) {
    case 'district-role':
      return {
        label: l10n.t('Districts given a role in innovation'),
        hint: item.ok
          ? l10n.t('Innovation or co-creation sentences that give the city districts a role.')
          : none
            ? l10n.t('The document has no innovation or co-creation sentences.')
            : l10n.t('No innovation or co-creation sentence gives the districts a role; these are the sentences without one (study: C1).'),
      };
    case 'resources':
      return {
        label: l10n.t('Resources tied to innovation demands'),
        hint: item.ok
          ? l10n.t('Innovation sentences that come with funds, earmarked means, or time and room.')
          : none
            ? l10n.t('The document has no innovation or co-creation sentences.')
            : l10n.t('Innovation demands without resources (study: C5).'),
      };
    case 'trust':
      return {
        label: l10n.t('Trust and room for professional judgement'),
        hint: item.ok
          ? l10n.t('Sentences that give trust, room to act, discretion or less detail-steering.')
          : l10n.t('Not found in this document: trust, room to act, discretion, reduced detail-steering (study: C7).'),
      };
    case 'bottom-up':
      return {
        label: l10n.t('Bottom-up channels for ideas'),
        hint: item.ok
          ? l10n.t('Channels for ideas and initiatives from the districts, employees or residents.')
          : l10n.t('Not found in this document: a channel for ideas and initiatives from below (study: C4).'),
      };
    case 'no-empty-terms':
      return {
        label: l10n.t('No “empty” innovation terms'),
        hint: item.ok
          ? l10n.t('Every innovation or co-creation term comes with an actor, an action, a resource or a measure.')
          : l10n.t('Innovation or co-creation terms with no actor, action, resource or measure (study: C9).'),
      };
  }
}

export function buildModel(input: ModelInput): FramingModel {
  const a = input.analysis;
  locale = input.locale;
  const ref = (i: number): SentenceRef => {
    const s = a.sentences[i];
    return { index: i, text: snippet(s?.text ?? ''), where: s ? input.where(s.start) : '' };
  };
  const list = (indexes: readonly number[]) => ({
    refs: indexes.slice(0, MAX_SENTENCES).filter((i) => i >= 0 && i < a.sentences.length).map(ref),
    more: Math.max(0, indexes.length - MAX_SENTENCES),
  });

  const status =
    input.state === 'analysing'
      ? l10n.t('Analysing…')
      : input.stale
        ? l10n.t('The text changed since the analysis; it will be updated.')
        : '';

  const components = a.score.components.map((c) => {
    const { refs, more } = list(c.sentences);
    const measured = `${fmt(c.value)} ${unitLabel(c.unit)}`;
    return {
      id: c.id,
      label: componentLabel(c.id, c.label),
      description: componentDescription(c.id, c.label),
      measured,
      contribution: c.contribution,
      contributionText: formatDelta(c.contribution),
      sentences: refs,
      more,
    };
  });

  const d = a.district;
  const gap = list(d.gap);
  const rows = [
    { label: l10n.t('District mentions'), value: d.mentions },
    { label: l10n.t('obligated (must act)'), value: d.roles.obligated },
    { label: l10n.t('enabled (given room to act)'), value: d.roles.enabled },
    { label: l10n.t('involved (consulted or taking part)'), value: d.roles.involved },
    { label: l10n.t('mentioned only'), value: d.roles.mentioned },
  ];

  const sections = input.sections.map((p) => ({
    index: p.index,
    title: p.title,
    level: p.level,
    words: p.words,
    directiveDensity: p.directiveDensity,
    step: densityStep(p.directiveDensity),
    tooltip: l10n.t('{0} — {1} directive sentences per 1,000 words ({2} words, {3})', p.title, fmt(p.directiveDensity), p.words, input.where(p.start)),
  }));
  const topSections = sections
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.directiveDensity > 0)
    .sort((x, y) => y.s.directiveDensity - x.s.directiveDensity || x.i - y.i)
    .slice(0, 5)
    .map(({ i }) => i);

  const checklist = input.checklist.map((item) => {
    const { refs, more } = list(item.sentences);
    return { id: item.id, ok: item.ok, ...checklistText(item), sentences: refs, more };
  });

  return {
    id: input.id,
    title: input.title,
    subtitle: stanceText(a),
    status,
    strings: {
      score: l10n.t('Score'),
      gaugeLeft: l10n.t('top-down'),
      gaugeRight: l10n.t('enabling'),
      gaugeAria: l10n.t('Score {0} of −100 (top-down) to +100 (enabling): {1}', formatScore(a.score.value), scoreLabel(a.score.label)),
      axes: l10n.t('Two axes'),
      components: l10n.t('What makes up the score'),
      componentsHint: l10n.t('Each component with its share of the score; open one to see the sentences behind it.'),
      noSentences: l10n.t('No sentences.'),
      more: l10n.t('… and {0} more'),
      counts: l10n.t('The study’s word counts'),
      term: l10n.t('Term'),
      exact: l10n.t('exact'),
      inflected: l10n.t('inflected'),
      district: l10n.t('City districts'),
      gap: l10n.t('District-role gap'),
      gapHint: l10n.t('Innovation or co-creation sentences that give the districts no role.'),
      noGap: l10n.t('No gap: every innovation or co-creation sentence gives a district a role.'),
      sectionsTitle: l10n.t('Section by section'),
      sectionsHint: l10n.t('Each heading’s directive density (directive sentences per 1,000 words); darker is more directive.'),
      topSections: l10n.t('Most directive sections'),
      noSections: l10n.t('No headings found.'),
      goTo: l10n.t('Go to'),
      checklist: l10n.t('Checklist from the study'),
      checklistHint: l10n.t('Conclusions of the study of innovation in Oslo’s districts, checked in this document; open an item to see the sentences that decide it.'),
      ticked: l10n.t('yes'),
      notTicked: l10n.t('no'),
    },
    score: {
      value: a.score.value,
      text: formatScore(a.score.value),
      label: scoreLabel(a.score.label),
      position: Math.min(1, Math.max(0, (a.score.value + 100) / 200)),
    },
    axes: [
      {
        id: 'directive',
        label: l10n.t('Directive and control pressure'),
        value: a.score.axes.directive,
        text: fmt(a.score.axes.directive, 0),
        description: l10n.t('0–100: obligations, prohibitions and control instruments.'),
      },
      {
        id: 'enabling',
        label: l10n.t('Enabling and participation'),
        value: a.score.axes.enabling,
        text: fmt(a.score.axes.enabling, 0),
        description: l10n.t('0–100: discretion, trust, resources, participation.'),
      },
    ],
    components,
    counts: STUDY_TERMS.map((t) => ({ term: t, exact: a.counts.exact[t] ?? 0, inflected: a.counts.inflected[t] ?? 0 })),
    district: {
      summary: l10n.t('{0} of {1} innovation or co-creation sentences give a district a role.', d.innovationWithDistrictRole, d.innovationSentences),
      rows,
      gapCount: d.gap.length,
      gap: gap.refs,
      gapMore: gap.more,
    },
    sections,
    topSections,
    checklist,
    limits: { sentences: a.sentences.length, sections: input.sections.length },
  };
}
