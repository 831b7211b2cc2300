/**
 * A reader of CoNLL-U treebanks (Universal Dependencies), for training and testing the word-class layer.
 * Only the columns the tagger and the lemmatiser learn from are kept: FORM, LEMMA, UPOS.
 */

export interface UdToken {
  form: string;
  lemma: string;
  upos: string;
}

export interface UdSentence {
  id: string;
  tokens: UdToken[];
}

export function parseConllu(text: string): UdSentence[] {
  const out: UdSentence[] = [];
  let cur: UdSentence | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('# sent_id')) {
      cur = { id: line.split('=')[1]?.trim() ?? '', tokens: [] };
      continue;
    }
    if (line.trim() === '') {
      if (cur && cur.tokens.length) out.push(cur);
      cur = undefined;
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 4 || !/^\d+$/.test(cols[0])) continue; // multiword ranges and empty nodes
    cur ??= { id: String(out.length), tokens: [] };
    cur.tokens.push({ form: cols[1], lemma: cols[2], upos: cols[3] });
  }
  if (cur && cur.tokens.length) out.push(cur);
  return out;
}
