/**
 * User-facing labels for the engine's enums, and the rows that explain a sentence with them, localized with
 * @vscode/l10n (bundle: l10n/bundle.l10n.<lang>.json, configured in activate() from vscode.l10n.bundle). No vscode
 * import: usable from tests and other processes.
 */
import * as l10n from '@vscode/l10n';
import type { ActorLevel, Category, Deontic, DistrictRole, Framing, SentenceAnalysis } from '../core';

export function categoryLabel(c: Category): string {
  switch (c) {
    case 'directive':
      return l10n.t('Directive');
    case 'enabling':
      return l10n.t('Enabling');
    case 'innovation':
      return l10n.t('Innovation');
    case 'cocreation':
      return l10n.t('Co-creation');
    case 'collaboration':
      return l10n.t('Collaboration');
    case 'control':
      return l10n.t('Control');
    case 'district':
      return l10n.t('City district');
  }
}

export function categoryDescription(c: Category): string {
  switch (c) {
    case 'directive':
      return l10n.t('Directive language: an obligation, prohibition or instruction («skal», «må», «ber om»).');
    case 'enabling':
      return l10n.t('Enabling language: room for local judgement, trust, support («kan», «legge til rette for»).');
    case 'innovation':
      return l10n.t('Innovation vocabulary («innovasjon», «nye løsninger», «utprøving»).');
    case 'cocreation':
      return l10n.t('Co-creation vocabulary («samskaping», «medvirkning», «sammen med innbyggerne»).');
    case 'collaboration':
      return l10n.t('Collaboration vocabulary («samarbeid», «samhandling», «i dialog med»).');
    case 'control':
      return l10n.t('Control and reporting («rapportere», «frist», «tilsyn», «dokumentere»).');
    case 'district':
      return l10n.t('A city district («bydel», «bydelene», a named district).');
  }
}

export function deonticLabel(d: Deontic): string {
  switch (d) {
    case 'obligation':
      return l10n.t('obligation');
    case 'prohibition':
      return l10n.t('prohibition');
    case 'recommendation':
      return l10n.t('recommendation');
    case 'permission':
      return l10n.t('permission');
    case 'intention':
      return l10n.t('intention');
    case 'none':
      return l10n.t('none (descriptive)');
  }
}

export function districtRoleLabel(r: DistrictRole): string {
  switch (r) {
    case 'obligated':
      return l10n.t('obligated (must act)');
    case 'enabled':
      return l10n.t('enabled (given room to act)');
    case 'involved':
      return l10n.t('involved (consulted or taking part)');
    case 'mentioned':
      return l10n.t('mentioned only');
    case 'none':
      return l10n.t('no district in this sentence');
  }
}

export function framingLabel(f: Framing): string {
  switch (f) {
    case 'top-down':
      return l10n.t('top-down');
    case 'enabling':
      return l10n.t('enabling');
    case 'neutral':
      return l10n.t('neutral');
  }
}

export function actorLevelLabel(a: ActorLevel): string {
  switch (a) {
    case 'superior':
      return l10n.t('above the writer');
    case 'subordinate':
      return l10n.t('below the writer');
    case 'self':
      return l10n.t('the writer itself');
    case 'peer':
      return l10n.t('a peer of the writer');
    case 'unknown':
      return l10n.t('level unknown');
  }
}

/** The engine's score label (labelFor in src/core/score/score.ts), localized. */
export function scoreLabel(label: string): string {
  switch (label) {
    case 'strongly top-down':
      return l10n.t('strongly top-down');
    case 'top-down':
      return l10n.t('top-down');
    case 'balanced':
      return l10n.t('balanced');
    case 'enabling':
      return l10n.t('enabling');
    case 'strongly enabling':
      return l10n.t('strongly enabling');
    default:
      return label;
  }
}

/** The score components' names (ids of src/core/score/score.ts), localized; the engine's label otherwise. */
export function componentLabel(id: string, fallback: string): string {
  switch (id) {
    case 'directive':
      return l10n.t('Directive density');
    case 'control':
      return l10n.t('Control density');
    case 'enabling':
      return l10n.t('Enabling density');
    case 'balance':
      return l10n.t('Permissions and recommendations');
    case 'district':
      return l10n.t("Districts' roles");
    default:
      return fallback;
  }
}

/** What a component measures, localized (the engine's label otherwise). */
export function componentDescription(id: string, fallback: string): string {
  switch (id) {
    case 'directive':
      return l10n.t('Obligations and prohibitions per 1,000 words, weighted by who is obliged.');
    case 'control':
      return l10n.t('Reporting, deadlines, indicators and follow-up per 1,000 words, weighted.');
    case 'enabling':
      return l10n.t('Sentences giving discretion, trust, resources, participation or advice per 1,000 words.');
    case 'balance':
      return l10n.t('Share of permissions and recommendations among the deontic sentences.');
    case 'district':
      return l10n.t('Districts enabled or involved versus obligated.');
    default:
      return fallback;
  }
}

/** A component's unit (the engine's), localized. */
export function unitLabel(unit: string): string {
  switch (unit) {
    case 'per 1,000 words':
      return l10n.t('per 1,000 words');
    case '%':
      return '%';
    case '% (net)':
      return l10n.t('% (net)');
    default:
      return unit;
  }
}

/** «+23», «−41», «0»: the score with an explicit sign (U+2212 minus). */
export function formatScore(value: number): string {
  const v = Math.round(value);
  if (v > 0) return `+${v}`;
  if (v < 0) return `\u2212${-v}`;
  return '0';
}

/** «+1.2», «−0.4», «0»: a score change with one decimal. */
export function formatDelta(value: number): string {
  if (value === 0) return '0';
  // one decimal; a change smaller than that keeps its sign with two («−0.04»)
  const digits = Math.abs(value) < 0.05 ? 2 : 1;
  const abs = Math.abs(value).toFixed(digits);
  return value > 0 ? `+${abs}` : `\u2212${abs}`;
}

/**
 * How the engine read a finding's sentence, as rows of a label and a value: the deontic force (with its cue and the
 * reason), the actor, the districts' role and the framing (with the reason). The text editors' hover (hover.ts)
 * writes them into Markdown: `text` escapes a piece of text, `strong` also makes the force and the framing bold; the
 * document viewers' explanation (viewer/explain.ts) takes them as plain strings.
 */
export function sentenceRows(sentence: SentenceAnalysis, text: (s: string) => string = (s) => s, strong: (s: string) => string = text): [string, string][] {
  let force = strong(deonticLabel(sentence.deontic));
  if (sentence.cue) force += ` (${text(l10n.t('cue'))} «${text(sentence.cue.text)}»)`;
  if (sentence.reason) force += ` — ${l10n.t('because')} ${text(sentence.reason.deontic)}`;
  return [
    [l10n.t('Deontic force'), force],
    [l10n.t('Actor'), sentence.actor ? `${text(sentence.actor)} — ${text(actorLevelLabel(sentence.actorLevel))}` : text(l10n.t('not named'))],
    [l10n.t('District role'), text(districtRoleLabel(sentence.district))],
    [l10n.t('Framing'), strong(framingLabel(sentence.framing)) + (sentence.reason ? ` — ${l10n.t('because')} ${text(sentence.reason.framing)}` : '')],
  ];
}
