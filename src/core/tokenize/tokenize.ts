import { Token } from '../types';
import { WORD_RE } from './words';

/**
 * Tokenizer with exact offsets. Words are runs of letters/digits; a hyphenated compound («IKT-løsninger»)
 * is one token whose `parts` are the pieces. «RHF 'ene» style genitives stay separate. Everything else that
 * is not white space is a punctuation token.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(WORD_RE.source, 'gu');
  re.lastIndex = start;
  let pos = start;
  let m: RegExpExecArray | null;
  const pushPunct = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ch = text[i];
      if (/\s/.test(ch)) continue;
      tokens.push({ text: ch, lower: ch, kind: 'punct', start: i, end: i + 1 });
    }
  };
  while ((m = re.exec(text)) !== null && m.index < end) {
    const wStart = m.index;
    let w = m[0];
    if (wStart + w.length > end) w = w.slice(0, end - wStart);
    pushPunct(pos, wStart);
    const tok: Token = {
      text: w,
      lower: w.toLowerCase(),
      kind: /^\d[\d.,]*$/.test(w) ? 'number' : 'word',
      start: wStart,
      end: wStart + w.length,
    };
    if (/[-‐‑]/.test(w)) {
      const parts: Token[] = [];
      const pr = /[^-‐‑]+/g;
      let pm: RegExpExecArray | null;
      while ((pm = pr.exec(w)) !== null) {
        parts.push({
          text: pm[0],
          lower: pm[0].toLowerCase(),
          kind: /^\d+$/.test(pm[0]) ? 'number' : 'word',
          start: wStart + pm.index,
          end: wStart + pm.index + pm[0].length,
        });
      }
      tok.parts = parts;
    }
    tokens.push(tok);
    pos = wStart + w.length;
  }
  pushPunct(pos, end);
  return tokens;
}
