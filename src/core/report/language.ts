/**
 * Bokmål or Nynorsk? Counts frequent function words that differ between the two written standards.
 */
const NN = new Set(['ikkje', 'eg', 'dei', 'frå', 'kva', 'korleis', 'vere', 'verksemd', 'verksemda', 'verksemdene', 'tenester', 'tenestene', 'kommunane', 'innspel', 'høyring', 'medan', 'berre', 'fleire', 'saman', 'mykje', 'difor', 'sjølv', 'noko', 'nokre', 'kvar', 'korleis', 'vore', 'blitt', 'vert', 'vart', 'heile', 'eit', 'ein', 'ei', 'òg', 'bydelane', 'utfordringane', 'løysingar', 'helsetenesta', 'me']);
const NB = new Set(['ikke', 'jeg', 'de', 'fra', 'hva', 'hvordan', 'være', 'virksomhet', 'virksomheten', 'virksomhetene', 'tjenester', 'tjenestene', 'kommunene', 'innspill', 'høring', 'mens', 'bare', 'flere', 'sammen', 'mye', 'derfor', 'selv', 'noe', 'noen', 'hver', 'vært', 'blir', 'ble', 'hele', 'et', 'en', 'også', 'bydelene', 'utfordringene', 'løsninger', 'helsetjenesten', 'vi']);

export type WrittenLanguage = 'nb' | 'nn';

/** The marker words as whole runs of letters, found by the regular expression engine in one pass. */
const MARKERS = new RegExp(
  `(?<!\\p{L})(?:${[...NN, ...NB].sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`,
  'giu',
);

/**
 * The marker words among the runs of letters (\p{L}+) of text[start, end): a run counts when its lower case is a
 * marker word. The candidates are found case-insensitively by one regular expression; each is then checked with
 * toLowerCase, so the count is that of the runs' lower case. A run cut by `start` or `end` is read as it stands
 * inside the range (the callers cut at white space: blocks, or a sample).
 */
export function countMarkers(text: string, start = 0, end = text.length): { nb: number; nn: number } {
  let nb = 0;
  let nn = 0;
  let s = start === 0 && end === text.length ? text : text.slice(start, end);
  // a surrogate pair cut by the range's end is not a letter
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) s = s.slice(0, -1);
  MARKERS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKERS.exec(s)) !== null) {
    const w = m[0].toLowerCase();
    if (NN.has(w)) nn++;
    else if (NB.has(w)) nb++;
  }
  return { nb, nn };
}

/** The written standard of the first `sample` characters: more Nynorsk marker words than Bokmål ones is Nynorsk. */
export function detectLanguage(text: string, sample = 200_000): { language: WrittenLanguage; nb: number; nn: number } {
  const { nb, nn } = countMarkers(text, 0, Math.min(text.length, sample));
  return { language: languageOfCounts(nb, nn), nb, nn };
}

export function languageOfCounts(nb: number, nn: number): WrittenLanguage {
  return nn > nb ? 'nn' : 'nb';
}
