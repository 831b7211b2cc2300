/**
 * The lines of a stream (stdin for `classify` and `suggest`), as `readline` gives them — «\n», «\r\n» and a lone
 * «\r» end a line, the last line needs no end — with a bound on what is kept of one line. readline keeps a whole line
 * however long it is: one endless line grew until V8 refused the string («Cannot create a string longer than …»).
 * Here a line longer than `max` characters is read to its end and counted, but only its first `max` characters are
 * kept: memory stays bounded by `max` and the size of one chunk.
 */
import { StringDecoder } from 'string_decoder';

/** What is kept of one line of stdin: a sentence is at most 1,000 characters (MAX_SENTENCE_CHARS), white space aside. */
export const MAX_LINE_KEPT = 1 << 20;

export interface Line {
  /** The line, or its first `max` characters when it is longer (`complete` false). */
  text: string;
  /** Its length in characters (UTF-16 code units), also when it was not kept whole. */
  length: number;
  complete: boolean;
}

export async function* boundedLines(input: AsyncIterable<string | Uint8Array>, max: number): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let kept = '';
  let length = 0;
  // a «\r» ended the last chunk: a «\n» at the start of the next one belongs to it
  let afterCR = false;
  const take = (s: string, from: number, to: number) => {
    if (kept.length < max) kept += s.slice(from, Math.min(to, from + max - kept.length));
    length += to - from;
  };
  const line = (): Line => {
    const l = { text: kept, length, complete: length <= max };
    kept = '';
    length = 0;
    return l;
  };
  for await (const chunk of input) {
    const s = typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    let from = 0;
    if (afterCR && s.length > 0) {
      if (s.charCodeAt(0) === 10) from = 1;
      afterCR = false;
    }
    // line ends found by the regular expression engine (native code), not a loop over every character
    const ends = /[\r\n]/g;
    ends.lastIndex = from;
    for (let m = ends.exec(s); m !== null; m = ends.exec(s)) {
      let k = m.index;
      const c = s.charCodeAt(k);
      take(s, from, k);
      yield line();
      if (c === 13) {
        if (k + 1 < s.length) {
          if (s.charCodeAt(k + 1) === 10) k++;
        } else afterCR = true;
      }
      from = k + 1;
      ends.lastIndex = from;
    }
    take(s, from, s.length);
  }
  const rest = decoder.end();
  if (rest) take(rest, 0, rest.length);
  if (length > 0) yield line();
}

/**
 * stdin read as one sentence a line (`classify`, `suggest`): each line's number from 1 and its text, trimmed (blank
 * lines are skipped), or for a line too long to keep (over MAX_LINE_KEPT characters) its length in `tooLong`.
 */
export async function* stdinSentences(input: NodeJS.ReadableStream): AsyncGenerator<{ n: number; text: string; tooLong?: number }> {
  let n = 0;
  for await (const line of boundedLines(input as AsyncIterable<string | Uint8Array>, MAX_LINE_KEPT)) {
    n++;
    const text = line.complete ? line.text.trim() : '';
    if (!line.complete) yield { n, text, tooLong: line.length };
    else if (text !== '') yield { n, text };
  }
}
