// natural's Norwegian Porter stemmer, imported by its own path (the package root pulls in database drivers).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stemmer: { stem(word: string): string } = require('natural/lib/natural/stemmers/porter_stemmer_no');

const cache = new Map<string, string>();

/** Norwegian stem of a lower-case word (cached). */
export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmer.stem(word);
    if (cache.size > 200_000) cache.clear();
    cache.set(word, s);
  }
  return s;
}
