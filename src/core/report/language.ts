/**
 * Bokmål or Nynorsk? Counts frequent function words that differ between the two written standards.
 */
const NN = new Set(['ikkje', 'eg', 'dei', 'frå', 'kva', 'korleis', 'vere', 'verksemd', 'verksemda', 'verksemdene', 'tenester', 'tenestene', 'kommunane', 'innspel', 'høyring', 'medan', 'berre', 'fleire', 'saman', 'mykje', 'difor', 'sjølv', 'noko', 'nokre', 'kvar', 'korleis', 'vore', 'blitt', 'vert', 'vart', 'heile', 'eit', 'ein', 'ei', 'òg', 'bydelane', 'utfordringane', 'løysingar', 'helsetenesta', 'me']);
const NB = new Set(['ikke', 'jeg', 'de', 'fra', 'hva', 'hvordan', 'være', 'virksomhet', 'virksomheten', 'virksomhetene', 'tjenester', 'tjenestene', 'kommunene', 'innspill', 'høring', 'mens', 'bare', 'flere', 'sammen', 'mye', 'derfor', 'selv', 'noe', 'noen', 'hver', 'vært', 'blir', 'ble', 'hele', 'et', 'en', 'også', 'bydelene', 'utfordringene', 'løsninger', 'helsetjenesten', 'vi']);

export type WrittenLanguage = 'nb' | 'nn';

export function detectLanguage(text: string, sample = 200_000): { language: WrittenLanguage; nb: number; nn: number } {
  let nb = 0;
  let nn = 0;
  const re = /\p{L}+/gu;
  const s = text.length > sample ? text.slice(0, sample) : text;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const w = m[0].toLowerCase();
    if (NN.has(w)) nn++;
    else if (NB.has(w)) nb++;
  }
  return { language: nn > nb ? 'nn' : 'nb', nb, nn };
}
