import { grammar } from '../lexicon';
import type { Word } from './words';
import { firstNonPunct } from './clause';

/**
 * Topic rules that need two words together, over a sentence's words (word sets in lexicon/grammar.json,
 * `topicWords`): a sentence speaks of innovation when it names something new and what is new («nye
 * løsninger», «ny organisering»), develops or takes up digital solutions («utvikle digitale tjenester») or develops
 * or proposes a model or an organisation («foreslå ulike modeller for bydelsutvalg»); of
 * co-creation when it names people outside the administration and their taking part within a few words («dialog med innbyggerne»,
 * «engasjere befolkningen»). One pass over the words.
 */

const T = grammar.topicWords;
/** Imperatives that open a sentence address the reader, someone outside the administration («Kom og gi innspill»). */
export const IMPERATIVES: ReadonlySet<string> = new Set(T.imperatives);
const NAMES = ['novelty', 'renewalObject', 'developVerb', 'digital', 'designVerb', 'newModel', 'outsideActor', 'participation'] as const;
type SetName = (typeof NAMES)[number];

/** One index over all sets: exact words and prefixes (bucketed by their first two letters) to a bit mask of sets; phrases by their first word. */
const INDEX = (() => {
  const exact = new Map<string, number>();
  const prefixes = new Map<string, { p: string; mask: number }[]>();
  const phrases = new Map<string, { rest: string[]; mask: number }[]>();
  const suffixes: { s: string; mask: number }[] = [];
  NAMES.forEach((name, bit) => {
    for (const pat of T[name]) {
      const mask = 1 << bit;
      if (pat.includes(' ')) {
        const [first, ...rest] = pat.split(' ');
        const list = phrases.get(first) ?? [];
        list.push({ rest, mask });
        phrases.set(first, list);
      } else if (pat.startsWith('*')) {
        suffixes.push({ s: pat.slice(1), mask });
      } else if (pat.endsWith('*')) {
        const p = pat.slice(0, -1);
        const key = p.slice(0, 2);
        const list = prefixes.get(key) ?? [];
        list.push({ p, mask });
        prefixes.set(key, list);
      } else exact.set(pat, (exact.get(pat) ?? 0) | mask);
    }
  });
  return { exact, prefixes, phrases, suffixes };
})();

/** Set in a form's memoised mask when phrases start with the form (INDEX.phrases has it). */
const STARTS_PHRASE = 1 << 30;

/** The sets a word form belongs to, on its own, and STARTS_PHRASE (memoised, bounded). */
const memo = new Map<string, number>();
function maskOf(w: string): number {
  let m = memo.get(w);
  if (m !== undefined) return m;
  m = INDEX.exact.get(w) ?? 0;
  const prefixes = INDEX.prefixes.get(w.slice(0, 2));
  if (prefixes) for (const { p, mask } of prefixes) if (w.startsWith(p)) m |= mask;
  // the head of a compound («forvaltningsmodellen», «tjenesteplattform»); the word itself is matched exactly above
  for (const { s, mask } of INDEX.suffixes) if (w.length > s.length + 2 && w.endsWith(s)) m |= mask;
  if (INDEX.phrases.has(w)) m |= STARTS_PHRASE;
  if (memo.size > 50_000) memo.clear();
  memo.set(w, m);
  return m;
}

export interface TopicEvidence {
  innovation?: string[];
  cocreation?: string[];
}

/** How many words apart a verb of proposing or developing and the model it concerns may stand. */
const MODEL_WINDOW = 5;
/** How many words (punctuation included) before what is new the word of novelty may stand. */
const NOVELTY_WINDOW = 3;
const NOVELTY = 1 << NAMES.indexOf('novelty');
const RENEWAL = 1 << NAMES.indexOf('renewalObject');
const DESIGN = 1 << NAMES.indexOf('designVerb');
const MODEL = 1 << NAMES.indexOf('newModel');
const OUTSIDE = 1 << NAMES.indexOf('outsideActor');
const PARTICIPATION = 1 << NAMES.indexOf('participation');
/**
 * How many words apart the people outside the administration and their taking part may stand: «dialog med
 * innbyggerne», «Befolkningen og foreninger … blir invitert», not a sentence that names users in one clause and
 * bodies «medvirke» in another («krav til helseforetakene som skal medvirke til å ta vare på … de ideelle aktørene»).
 */
const COCREATION_WINDOW = 8;
/** How far before a «… med» phrase people may stand and be its partners («Brukerne, i samarbeid med …»). */
const WITH_BACK = 3;
/** Words that end the list of partners after «… med» («samarbeide med Utdanningsetaten om oppfølging av elever»). */
const PARTNERS_END = new Set(['om', 'for', 'til', 'på', 'ved', 'i', 'gjennom', 'når', 'som', 'slik', 'å', 'at']);

/** Participation phrases that name the partners right after them end in one of these words: «sammen med», «samarbeid mellom». */
const WITH_WORDS = new Set(['med', 'mellom']);
/**
 * «representanter fra / for» names them only after it: people before it are who the meeting is about
 * («innspillsmøter rettet mot pasienter med representanter fra kommuner …»).
 */
const REPRESENTATIVES = /^representant/;

/** The index of the last word of the partners named after the phrase that ends at `end`. */
function partnersEnd(words: readonly Word[], end: number): number {
  for (let k = end + 1; k < words.length; k++) if (PARTNERS_END.has(words[k].lower) || SEPARATORS.has(words[k].text)) return k - 1;
  return words.length;
}
/** Words before «sammen» that make it no joint work: particle verbs («henge sammen», «slå sammen») and «til sammen». */
export const TOGETHER_NOT = /^(henge|henger|hang|hengt|henga|slå|slår|slås|slått|sette|setter|settes|satt|legge|legger|legges|lagt|samle|samles|samlet|koble|kobles|koblet|knytte|knyttes|knyttet|til|blande|blandes|smelte|vokse|vokst)$/;
/** Punctuation across which they do not pair. */
const SEPARATORS = new Set(['(', ')', ';', ':', '.', '–', '—']);

/** A preposition or a subordinator between two words: they belong to different phrases («nye krav til tjenesten»). */
const PHRASE_BREAKS = new Set(['til', 'for', 'av', 'i', 'på', 'om', 'med', 'fra', 'frå', 'ved', 'mot', 'som', 'at', 'enn']);
function betweenBreaks(words: readonly Word[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (PHRASE_BREAKS.has(words[k].lower)) return true;
  return false;
}

/** The two-word topic rules that fire in the sentence, with the words that made them fire. */
export function topicRules(words: readonly Word[]): TopicEvidence {
  const first: Partial<Record<SetName, string>> = {};
  let seen = 0;
  // a model is new when it is proposed or developed close by («foreslå ulike modeller», «modellen som er foreslått»),
  // not anywhere in the sentence («Modellen bidrar … utvikling»)
  let lastNovelty = -99;
  let renewed: string[] | undefined;
  let lastDesign = -99;
  let lastModel = -99;
  let designed: string[] | undefined;
  let lastOutside = -COCREATION_WINDOW - 1;
  let lastPart = -COCREATION_WINDOW - 1;
  let joined: string[] | undefined;
  let partReach = words.length;
  // the reader addressed by an opening imperative is an outside actor at the sentence's start
  const opening = firstNonPunct(words);
  if (opening < words.length && IMPERATIVES.has(words[opening].lower)) lastOutside = opening;
  for (let i = 0; i < words.length; i++) {
    if (words[i].punct) {
      if (SEPARATORS.has(words[i].text)) {
        lastDesign = lastModel = lastNovelty = -99;
        lastOutside = lastPart = -COCREATION_WINDOW - 1;
      }
      continue;
    }
    const w = words[i].lower;
    let m = maskOf(w);
    // a participation phrase that ends in «med» («sammen med», «i samarbeid med») names the partners right after it;
    // `back`: how far before it people may stand and be partners too (-1: none)
    let withPhrase = false;
    let back = WITH_BACK;
    let phraseEnd = i;
    if (m & STARTS_PHRASE) {
      m &= ~STARTS_PHRASE;
      for (const { rest, mask } of INDEX.phrases.get(w)!) {
        let ok = true;
        for (let k = 0; k < rest.length && ok; k++) ok = words[i + 1 + k]?.lower === rest[k];
        if (ok) {
          m |= mask;
          const last = rest[rest.length - 1];
          const representatives = REPRESENTATIVES.test(w);
          if (mask & PARTICIPATION && (WITH_WORDS.has(last) || representatives)) {
            withPhrase = true;
            phraseEnd = i + rest.length;
            if (representatives) back = -1;
          }
        }
      }
    }
    // something new close before what is new («nye digitale løsninger», «ny måte å organisere …»), not anywhere in the
    // sentence («Demografiske endringer stiller nye krav til tjenesten»)
    if (m & NOVELTY) lastNovelty = i;
    if (m & RENEWAL && !renewed && i - lastNovelty <= NOVELTY_WINDOW && i !== lastNovelty && !betweenBreaks(words, lastNovelty, i))
      renewed = [words[lastNovelty].text, words[i].text];
    if (m & DESIGN) {
      if (!designed && i - lastModel <= MODEL_WINDOW) designed = [words[i].text, words[lastModel].text];
      lastDesign = i;
    }
    if (m & MODEL) {
      if (!designed && i - lastDesign <= MODEL_WINDOW) designed = [words[lastDesign].text, words[i].text];
      lastModel = i;
    }
    // people the work is for («samspiller godt for de få innbyggerne som …») are its beneficiaries, not its partners
    if (m & OUTSIDE && beneficiary(words, i)) m &= ~OUTSIDE;
    if (m & OUTSIDE) {
      if (!joined && i - lastPart <= COCREATION_WINDOW && i <= partReach && lastPart !== i) joined = [words[i].text, words[lastPart].text];
      lastOutside = i;
    }
    // «medvirke til» is to contribute to, not to take part (the lexicon's «medvirkning» entry has the same exception);
    // «sammen» after a particle verb or «til» is no joint work («henger sammen», «slått sammen», «til sammen»)
    if (m & PARTICIPATION && /^medvirke/.test(w) && words[i + 1]?.lower === 'til') m &= ~PARTICIPATION;
    if (m & PARTICIPATION && (w === 'sammen' || w === 'saman') && TOGETHER_NOT.test(words[i - 1]?.lower ?? '')) m &= ~PARTICIPATION;
    if (m & PARTICIPATION) {
      // «sammen med X» pairs with X a few words on (and with people just before it), not with the target group of
      // the work («… jobber sammen med politiet for å forebygge kriminalitet blant barn og unge»); a bare «sammen»
      // pairs with those before it, who work together («innbyggerne og bydelen jobber sammen»)
      const bareTogether = (w === 'sammen' || w === 'saman') && !withPhrase;
      if (!joined && i - lastOutside <= (withPhrase ? back : COCREATION_WINDOW) && lastOutside !== i) joined = [words[lastOutside].text, words[i].text];
      if (!bareTogether) {
        lastPart = i;
        partReach = withPhrase ? partnersEnd(words, phraseEnd) : words.length;
      }
    }
    const fresh = m & ~seen;
    if (!fresh) continue;
    seen |= m;
    for (let bit = 0; bit < NAMES.length; bit++) if (fresh & (1 << bit)) first[NAMES[bit]] = words[i].text;
  }
  // both keys always present (undefined when the rule does not fire): one object shape for every sentence
  const out: TopicEvidence = { innovation: undefined, cocreation: undefined };
  if (renewed) out.innovation = renewed;
  else if (first.developVerb && first.digital && first.developVerb !== first.digital) out.innovation = [first.developVerb, first.digital];
  else if (designed) out.innovation = designed;
  else {
    const tried = triedOut(words) ?? scaled(words);
    if (tried) out.innovation = tried;
  }
  if (joined) out.cocreation = joined;
  return out;
}

/** Words between «for» and the people it names («for de få innbyggerne», «for alle brukerne»). */
const BENEFICIARY_FILL = new Set(['de', 'dei', 'alle', 'få', 'mange', 'flere', 'fleire', 'våre', 'sine', 'eldre', 'unge', 'sårbare', 'enkelte']);

/** Does «for» stand right before the people at i, past determiners and a few adjectives: the people the work is for? */
function beneficiary(words: readonly Word[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && i - k <= 3 && BENEFICIARY_FILL.has(words[k].lower)) k--;
  return k >= 0 && words[k].lower === 'for';
}

/** Verbs of spreading something to more places («spre», «skalere»). */
const SCALE = new Set(['spre', 'spres', 'spreie', 'spreiast', 'spredt', 'skalere', 'skaleres', 'skalerast', 'skalert']);
/** What is spread when it is an innovation: solutions and models («løsninger», «modellen»). */
const SCALED = /^(løsning|løysing|modell)\p{L}*$/u;
/** How many words apart the verb and what it spreads may stand («Gode løsninger som er utviklet i én bydel, bør spres»). */
const SCALE_WINDOW = 10;

/**
 * Solutions or models spread to more places («Gode løsninger … bør spres til de andre bydelene», «skalere modellen»):
 * scaling, which the guide counts as innovation; spreading anything else («spredning av spesialutdanninger») is not.
 */
function scaled(words: readonly Word[]): string[] | undefined {
  for (let i = 0; i < words.length; i++) {
    if (!SCALE.has(words[i].lower)) continue;
    for (let k = Math.max(0, i - SCALE_WINDOW); k <= Math.min(words.length - 1, i + SCALE_WINDOW); k++) {
      if (k !== i && SCALED.test(words[k].lower) && !separated(words, k, i)) return [words[k].text, words[i].text];
    }
  }
  return undefined;
}

/** A separator («;», «:», «(» …) between two words. */
function separated(words: readonly Word[], a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) if (SEPARATORS.has(words[k].text)) return true;
  return false;
}

/** The forms of «prøve» whose particle «ut» may stand apart from it. */
const TRY = new Set(['prøver', 'prøvde', 'prøvar', 'prøvast', 'prøves', 'prøve', 'prøva', 'prøvd']);
/** Words that end the reach of «prøve» (to try to do, to find out, to get out: «prøver å finne ut»). */
const TRY_NOT = new Set(['å', 'finne', 'få', 'komme', 'kome', 'gå', 'ta', 'sette', 'setje']);

/**
 * Trying out with the particle moved by word order or an adverbial («I 2024 prøvde Sogndal kommune ut …», «prøver i
 * 2025 ut deltakende budsjettering»): the lexicon's «prøve ut» needs the two words together.
 */
function triedOut(words: readonly Word[]): string[] | undefined {
  for (let i = 0; i < words.length; i++) {
    if (!TRY.has(words[i].lower)) continue;
    for (let k = i + 2; k <= i + 4 && k < words.length; k++) {
      const w = words[k - 1];
      if (w.punct || TRY_NOT.has(w.lower)) break;
      if (words[k].lower === 'ut') return [words[i].text, words[k].text];
    }
  }
  return undefined;
}
