import type { Prediction } from './learned';

/**
 * Turns the learned layer's strongest features into a short phrase for `reason`
 * («learned: «skal» with a municipality as subject; verb «bidra»»).
 */

const MODALS: Record<string, string> = { skulle: 'skal', måtte: 'må', burde: 'bør', kunne: 'kan', ville: 'vil' };
const KINDS: Record<string, string> = {
  self: 'the writer', generic: 'generic «man»', expletive: 'expletive «det»', people: 'people', org: 'a body', goal: 'a goal', thing: 'a thing',
  none: 'no subject',
};

function part(p: string): string | undefined {
  const [k, ...rest] = p.split(':');
  const v = rest.join(':');
  switch (k) {
    case 'cue':
    case 'other':
    case 'any': {
      const [lemma, force] = v.split('>');
      const word = MODALS[lemma] ? `«${MODALS[lemma]}»` : `«${lemma}»`;
      return force ? `${word} read as ${force}` : word;
    }
    case 'subj':
      if (v === 'proper') return 'a named subject';
      return `subject ${KINDS[v.split('|')[0]] ?? v}`;
    case 'sg':
      return 'singular';
    case 'pl':
      return 'plural';
    case 'subjlemma':
      return `subject «${v}»`;
    case 'subjlevel':
      return ['', 'local', 'agency', 'state'][Number(v)] + ' level';
    case 'verb':
      return `verb «${v.split('|')[0]}»`;
    case 'v':
      return `verb «${v}»`;
    case 'clause':
      return `${v} clause`;
    case 'gov':
      return `after «${v} at»`;
    case 'chain':
      return `«${v}»`;
    case 'l':
      return `word «${v}»`;
    case 'lex':
      return `term «${v.replace(/:.*/, '')}»${v.endsWith(':reduced') ? ' reduced' : ''}`;
    case 'cat':
      return `${v.replace(/:/g, ' ')} terms`;
    case 'deontic':
      return v;
    case 'has':
      return `${v} content`;
    case 'rule':
      return `rule says ${v}`;
    case 'first':
      return v === 'verb' ? 'opens with a verb' : `opens with «${v}»`;
    case 'first-pos':
      return `opens with a ${v.toLowerCase()}`;
    case 'actor':
      return `actor ${KINDS[v] ?? v}`;
    case 'len':
      return `${v} sentence`;
    default:
      return { passive: 'passive', neg: 'negated', inverted: 'inverted order', hedged: 'hedged', expects: '«must expect»', year: 'a year', month: 'a month',
        deadline: 'a deadline', we: '«vi»', money: 'an amount', colon: 'a colon', quote: 'a quotation', 'question-mark': 'a question', 'no-cue': 'no modal or steering phrase',
        'no-verb': 'no verb', 'relative-subject': 'subject of «som»', noverb: 'no main verb', dir: 'directive', nondir: 'not directive', bias: '' }[p];
  }
}

export function describeFeature(f: string): string {
  return f
    .split('|')
    .map(part)
    .filter((x): x is string => !!x)
    .join(', ');
}

export function explainEvidence(p: Prediction): string {
  const top = p
    .evidence()
    .map((e) => describeFeature(e.feature))
    .filter((d) => d.length > 0)
    .slice(0, 3);
  return top.length ? `learned: ${top.join('; ')}` : `learned: ${p.label}`;
}
