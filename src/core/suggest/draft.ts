import type { Word } from '../classify/words';

/**
 * A rewrite as a set of edits of the original sentence (character ranges), applied together: everything the
 * rewrite does not touch stays exactly as written (spacing, punctuation, the writer's own typos).
 */
export class Draft {
  private readonly edits: { start: number; end: number; text: string }[] = [];

  constructor(
    readonly text: string,
    private readonly words: readonly Word[],
  ) {}

  /** Replaces [start, end). Overlapping edits make the draft invalid (`apply` returns undefined). */
  replace(start: number, end: number, text: string): this {
    this.edits.push({ start, end, text });
    return this;
  }

  insert(at: number, text: string): this {
    return this.replace(at, at, text);
  }

  /** Replaces word i (its text only). */
  word(i: number, text: string): this {
    return this.replace(this.words[i].start, this.words[i].end, text);
  }

  /** Removes words [i, j] and the space before them (or after, at the start). */
  removeWords(i: number, j: number): this {
    const w = this.words;
    let start = w[i].start;
    let end = w[j].end;
    if (start > 0 && /\s/.test(this.text[start - 1])) {
      while (start > 0 && /\s/.test(this.text[start - 1])) start--;
    } else {
      while (end < this.text.length && /\s/.test(this.text[end])) end++;
    }
    return this.replace(start, end, '');
  }

  apply(): string | undefined {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let k = 1; k < sorted.length; k++) if (sorted[k].start < sorted[k - 1].end) return undefined;
    let out = '';
    let pos = 0;
    for (const e of sorted) {
      out += this.text.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    out += this.text.slice(pos);
    return out;
  }
}

/** Index of the first word that is not punctuation (a list item's «-» or «o» marker is kept before it). */
export function firstWord(words: readonly Word[]): number {
  let i = 0;
  while (i < words.length && (words[i].punct || (i === 0 && /^[o•·]$/.test(words[i].text) && words.length > 1))) i++;
  return i;
}

/** The replacement with the original word's initial case («Skal» → «Kan»). */
export function matchCase(replacement: string, original: string): string {
  return /^\p{Lu}/u.test(original) ? replacement[0].toLocaleUpperCase('nb') + replacement.slice(1) : replacement;
}

/** «Bydelene» at the start of a sentence, «bydelene» inside it; proper names and acronyms keep their case. */
export function casedFor(text: string, atStart: boolean, keep: boolean): string {
  if (!text) return text;
  if (atStart) return text[0].toLocaleUpperCase('nb') + text.slice(1);
  if (keep) return text;
  return text[0].toLocaleLowerCase('nb') + text.slice(1);
}

/** A word keeps its capital inside a sentence: a proper name, an acronym, or an agent written with a capital. */
export function keepsCase(w: Word): boolean {
  return w.upos === 'PROPN' || /^\p{Lu}{2,}/u.test(w.text);
}

/** The sentence ends with «:» (it introduces a list): nothing can be appended after it. */
export function endsWithColon(text: string): boolean {
  return /:\s*$/.test(text);
}

/** Where to append a phrase: before the sentence's closing punctuation and quotes. */
export function appendPoint(text: string): number {
  let i = text.length;
  while (i > 0 && /[\s.!?»”"')\]]/.test(text[i - 1])) i--;
  return i;
}
