import type { Token } from '../types';
import { loadLemmatizer, Lemmatizer } from './lemma';
import { HashedWeights, TaggerModelFile } from './model';
import { parseClosedLexicon, Tagger } from './tagger';

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
  /** Each standard's lemmatiser, built on first use (a document is one standard: the other's tables are not read). */
  lemmatizers: Partial<Record<Standard, Lemmatizer>>;
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
    const tagger = new Tagger(first, tagdict, second, model.tags, model.closed === undefined ? undefined : parseClosedLexicon(model.closed));
    if (model.sure !== undefined) tagger.sure = model.sure;
    loaded = {
      model,
      tagger,
      lemmatizers: {},
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
  const tagger = l.tagger;
  const types = tagger.types(words);
  const tags = tagger.tagTypes(types, words);
  const lem = (l.lemmatizers[standard] ??= loadLemmatizer(l.model.lemma[standard]));
  const names = tagger.tags;
  const slot0 = standard === 'nb' ? 0 : names.length;
  const out: TaggedToken[] = [];
  for (let i = 0; i < words.length; i++) {
    // the lemma of a form with a tag is remembered on the form's type (the tagger's cache of word forms): most forms
    // get one tag in one standard, kept in two fields; a second is kept in a map
    const ty = types[i];
    const upos = names[tags[i]];
    const slot = slot0 + tags[i];
    let lemma: string | undefined;
    if (ty.lemmaSlot === slot) lemma = ty.lemma;
    else if (ty.lemmaSlot < 0) {
      lemma = ty.lemma = lem.lemma(words[i], upos);
      ty.lemmaSlot = slot;
    } else {
      lemma = ty.moreLemmas?.get(slot);
      if (lemma === undefined) (ty.moreLemmas ??= new Map()).set(slot, (lemma = lem.lemma(words[i], upos)));
    }
    out.push({ upos, lemma });
  }
  return out;
}

/** Tags a sentence's tokens (src/core/tokenize). */
export function tagTokens(tokens: readonly Token[], standard: Standard = 'nb'): TaggedToken[] {
  const words: string[] = [];
  for (const t of tokens) words.push(t.text);
  return tagWords(words, standard);
}
