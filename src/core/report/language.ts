import { classOf, codePointAt, L } from '../tokenize/chars';

/**
 * Bokmål or Nynorsk? Counts frequent function words that differ between the two written standards.
 */
const NN = new Set(['ikkje', 'eg', 'dei', 'frå', 'kva', 'korleis', 'vere', 'verksemd', 'verksemda', 'verksemdene', 'tenester', 'tenestene', 'kommunane', 'innspel', 'høyring', 'medan', 'berre', 'fleire', 'saman', 'mykje', 'difor', 'sjølv', 'noko', 'nokre', 'kvar', 'korleis', 'vore', 'blitt', 'vert', 'vart', 'heile', 'eit', 'ein', 'ei', 'òg', 'bydelane', 'utfordringane', 'løysingar', 'helsetenesta', 'me']);
const NB = new Set(['ikke', 'jeg', 'de', 'fra', 'hva', 'hvordan', 'være', 'virksomhet', 'virksomheten', 'virksomhetene', 'tjenester', 'tjenestene', 'kommunene', 'innspill', 'høring', 'mens', 'bare', 'flere', 'sammen', 'mye', 'derfor', 'selv', 'noe', 'noen', 'hver', 'vært', 'blir', 'ble', 'hele', 'et', 'en', 'også', 'bydelene', 'utfordringene', 'løsninger', 'helsetjenesten', 'vi']);

const MAX_MARKER = Math.max(...[...NN, ...NB].map((w) => w.length));

export type WrittenLanguage = 'nb' | 'nn';

/** Counts the marker words among the runs of letters (\p{L}+) of the first `sample` characters. */
export function detectLanguage(text: string, sample = 200_000): { language: WrittenLanguage; nb: number; nn: number } {
  let nb = 0;
  let nn = 0;
  const end = Math.min(text.length, sample);
  const isLetter = (i: number) => {
    if (i >= end) return 0;
    const cp = codePointAt(text, i);
    if (cp > 0xffff && i + 1 >= end) return 0; // a pair cut by the sample's end is not a letter
    return classOf(cp) & L ? (cp > 0xffff ? 2 : 1) : 0;
  };
  let i = 0;
  while (i < end) {
    let n = isLetter(i);
    if (!n) {
      i++;
      continue;
    }
    let j = i;
    while (n) {
      j += n;
      n = isLetter(j);
    }
    if (j - i <= MAX_MARKER) {
      // (lower-casing never shortens a word: a longer run is no marker)
      const w = text.slice(i, j).toLowerCase();
      if (NN.has(w)) nn++;
      else if (NB.has(w)) nb++;
    }
    i = j;
  }
  return { language: nn > nb ? 'nn' : 'nb', nb, nn };
}
