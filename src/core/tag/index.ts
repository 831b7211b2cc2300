import type { Token } from '../types';
import { loadLemmatizer, Lemmatizer } from './lemma';
import { HashedWeights, TaggerModelFile } from './model';
import { Tagger } from './tagger';

/**
 * The word-class layer: part of speech (UD UPOS) and lemma for every token, Bokmål and Nynorsk, from the model
 * in model.json (trained by scripts/train-tagger.ts on the UD Norwegian treebanks, CC BY-SA 4.0; see README.md).
 * The model is read on first use, not at start-up.
 */

export interface TaggedToken {
  upos: string;
  lemma: string;
}

export type Standard = 'nb' | 'nn';

interface Loaded {
  model: TaggerModelFile;
  tagger: Tagger;
  lemmatizers: Record<Standard, Lemmatizer>;
}

/**
 * The model is required on first use, not imported: a bundler wraps the required module so that its data is
 * evaluated then, not at start-up. Declared here so that the engine type-checks without Node's types (web build).
 */
declare const require: (id: string) => unknown;

let loaded: Loaded | undefined;

function load(): Loaded {
  if (!loaded) {
    const model = (require('./modelData') as { default: TaggerModelFile }).default;
    const tagdict = new Map<string, string>();
    for (const line of model.tagdict.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) tagdict.set(line.slice(0, tab), line.slice(tab + 1));
    }
    const [first, second] = model.passes.map((p) => new HashedWeights(p));
    loaded = {
      model,
      tagger: new Tagger(first, tagdict, second, model.tags),
      lemmatizers: { nb: loadLemmatizer(model.lemma.nb), nn: loadLemmatizer(model.lemma.nn) },
    };
  }
  return loaded;
}

/** Facts about the model: version, licence, attribution, held-out accuracy. */
export function taggerInfo(): Pick<TaggerModelFile, 'version' | 'license' | 'attribution' | 'heldOut' | 'trainedOn'> {
  const { version, license, attribution, heldOut, trainedOn } = load().model;
  return { version, license, attribution, heldOut, trainedOn };
}

/** Tags the words of a sentence (strings in order, punctuation included). */
export function tagWords(words: readonly string[], standard: Standard = 'nb'): TaggedToken[] {
  const l = load();
  const tags = l.tagger.tag(words);
  const lem = l.lemmatizers[standard];
  return tags.map((upos, i) => ({ upos, lemma: lem.lemma(words[i], upos) }));
}

/** Tags a sentence's tokens (src/core/tokenize). */
export function tagTokens(tokens: readonly Token[], standard: Standard = 'nb'): TaggedToken[] {
  return tagWords(
    tokens.map((t) => t.text),
    standard,
  );
}
