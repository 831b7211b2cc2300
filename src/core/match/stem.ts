// natural's Norwegian Porter stemmer, imported by its own path (the package root pulls in database drivers). A
// CommonJS module: its default import is the module itself (tsc's esModuleInterop, esbuild), in Node and the browser.
import stemmer from 'natural/lib/natural/stemmers/porter_stemmer_no';

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
