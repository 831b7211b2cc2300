/**
 * The drafting commands of `policy-lens` (issue 11), a thin adapter over the engine:
 *
 *   policy-lens suggest [--addressee NAME] [--max N] [--lexicon FILE]…   (sentences on stdin, JSON lines on stdout)
 *   policy-lens compare OLD NEW [--format table|json|md] [--lexicon FILE]…
 *
 * Their arguments are parsed in ./draftArgs.ts.
 */
import { stdinSentences } from './lines';
import { analyzeExtracted, compareVersions, extractFile, sentenceTooLong, suggestRewrites } from '../core/node';
import type { AnalyzeOptions, ComparedSentence, DocumentAnalysis, ExtractedDocument, SentencePair, VersionComparison } from '../core/node';
import { ellipsize, fmt, renderTable } from './format';
import type { DraftCommand } from './draftArgs';

export interface DraftIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  stdin: NodeJS.ReadableStream;
}

/** `suggest`: one JSON object per input line (the issue's fields, in this order; "note" only for a legal duty). */
export async function suggestCommand(cmd: Extract<DraftCommand, { kind: 'suggest' }>, io: DraftIO, opts: AnalyzeOptions, prog: string): Promise<number> {
  let failed = false;
  for await (const { n, text, tooLong } of stdinSentences(io.stdin)) {
    try {
      if (tooLong !== undefined) throw new RangeError(sentenceTooLong(tooLong));
      const r = suggestRewrites(text, { lexicon: opts.lexicon, addressee: cmd.addressee, max: cmd.max });
      const rec: Record<string, unknown> = {
        text: r.text,
        framing: r.framing,
        suggestions: r.suggestions.map((s) => ({ text: s.text, framing: s.framing, deontic: s.deontic, scoreDelta: s.scoreDelta, reason: s.reason })),
      };
      if (r.note) rec.note = r.note;
      io.stdout.write(JSON.stringify(rec) + '\n');
    } catch (err) {
      io.stderr.write(`${prog}: stdin:${n}: cannot suggest: ${String((err as Error).message ?? err).replace(/\s*\n\s*/g, ' ')}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

interface Version {
  file: string;
  doc: ExtractedDocument;
  analysis: DocumentAnalysis;
}

/** «line 12» (text formats) or «p. 3» (PDF, DOCX pages). */
function whereIn(v: Version, s: ComparedSentence): string {
  if (v.doc.format === 'pdf') return `p. ${v.analysis.sentences[s.index]?.page ?? 1}`;
  let line = 1;
  const text = v.doc.text;
  for (let i = 0; i < s.start && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return `line ${line}`;
}

const signed = (n: number, digits = 1) => (n > 0 ? '+' : '') + fmt(n, digits);
const one = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The comparison as JSON: the engine's record, with the files and where each sentence is. */
export function comparisonJson(oldV: Version, newV: Version, c: VersionComparison): Record<string, unknown> {
  const at = (v: Version) => (s: ComparedSentence) => ({ ...s, where: whereIn(v, s) });
  const pair = (p: SentencePair) => ({ ...p, old: at(oldV)(p.old), new: at(newV)(p.new) });
  return {
    old: oldV.file,
    new: newV.file,
    score: c.score,
    axes: c.axes,
    components: c.components,
    sentences: {
      moreTopDown: c.sentences.moreTopDown.map(pair),
      moreEnabling: c.sentences.moreEnabling.map(pair),
      edited: c.sentences.edited.map(pair),
      moved: c.sentences.moved.map(pair),
      unchanged: c.sentences.unchanged,
      added: c.sentences.added.map(at(newV)),
      removed: c.sentences.removed.map(at(oldV)),
    },
    districts: c.districts,
    terms: c.terms,
  };
}

/** The comparison as a Markdown report. */
export function comparisonMarkdown(oldV: Version, newV: Version, c: VersionComparison): string {
  const out: string[] = [];
  const cell = (s: string) => one(s).replace(/\|/g, '\\|');
  out.push(`# Framing: ${oldV.file} → ${newV.file}`, '');
  out.push('| | old | new | change |', '|---|---:|---:|---:|');
  out.push(`| score | ${fmt(c.score.old)} (${c.score.oldLabel}) | ${fmt(c.score.new)} (${c.score.newLabel}) | ${signed(c.score.delta)} |`);
  for (const a of c.axes) out.push(`| ${a.id} axis | ${a.old} | ${a.new} | ${signed(a.delta, 0)} |`);
  for (const k of c.components) out.push(`| ${cell(k.label)} | ${fmt(k.old)} | ${fmt(k.new)} | ${signed(k.delta)} |`);
  const pairs = (title: string, ps: readonly SentencePair[]) => {
    out.push('', `## ${title} (${ps.length})`, '');
    if (!ps.length) return void out.push('None.');
    out.push('| old | new | score |', '|---|---|---:|');
    for (const p of ps) out.push(`| ${cell(p.old.text)} (${whereIn(oldV, p.old)}, ${p.old.framing}) | ${cell(p.new.text)} (${whereIn(newV, p.new)}, ${p.new.framing}) | ${signed(p.delta)} |`);
  };
  pairs('More top-down', c.sentences.moreTopDown);
  pairs('More enabling', c.sentences.moreEnabling);
  pairs('Edited, same steering', c.sentences.edited);
  const list = (title: string, v: Version, ss: readonly ComparedSentence[]) => {
    out.push('', `## ${title} (${ss.length})`, '');
    if (!ss.length) return void out.push('None.');
    for (const s of ss) out.push(`- ${one(s.text)} (${whereIn(v, s)}, ${s.framing})`);
  };
  list('Added', newV, c.sentences.added);
  list('Removed', oldV, c.sentences.removed);
  out.push('', `Moved: ${c.sentences.moved.length}; unchanged: ${c.sentences.unchanged}.`);
  out.push('', "## Districts' roles", '', '| role | old | new | change |', '|---|---:|---:|---:|');
  for (const r of c.districts.roles) out.push(`| ${r.role} | ${r.old} | ${r.new} | ${signed(r.delta, 0)} |`);
  for (const g of c.districts.gained) out.push(`- gained (${g.from} → ${g.role}): ${one(g.new.text)} (${whereIn(newV, g.new)})`);
  for (const l of c.districts.lost) out.push(`- lost (${l.role} → ${l.to}): ${one(l.old.text)} (${whereIn(oldV, l.old)})`);
  out.push('', '## Study terms', '', '| term | old | new | old (inflected) | new (inflected) |', '|---|---:|---:|---:|---:|');
  for (const t of c.terms.counts) out.push(`| «${t.term}» | ${t.oldExact} | ${t.newExact} | ${t.oldInflected} | ${t.newInflected} |`);
  if (c.terms.added.length) out.push('', `Added: ${c.terms.added.map((t) => `«${t.term}» (${t.category}, ${t.count})`).join(', ')}.`);
  if (c.terms.removed.length) out.push('', `Removed: ${c.terms.removed.map((t) => `«${t.term}» (${t.category}, ${t.count})`).join(', ')}.`);
  return out.join('\n') + '\n';
}

/**
 * Two versions of a sentence cut to `width` characters around what changed: the words they share before and after
 * the change are shortened first («… vurdere om det er mulig og …»).
 */
export function diffWindow(a: string, b: string, width: number): [string, string] {
  const x = one(a);
  const y = one(b);
  if (x.length <= width && y.length <= width) return [x, y];
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const cut = (s: string) => {
    if (s.length <= width) return s;
    const changeEnd = s.length - suf;
    const from = Math.max(0, Math.min(pre - Math.floor(width / 3), s.length - width));
    const to = Math.min(s.length, Math.max(from + width, changeEnd));
    let t = s.slice(from, Math.min(to, from + width));
    if (from > 0) t = '…' + t.slice(1);
    if (from + width < s.length) t = t.slice(0, -1) + '…';
    return t;
  };
  return [cut(x), cut(y)];
}

/** The comparison as text for a terminal. */
export function comparisonTable(oldV: Version, newV: Version, c: VersionComparison, width = Infinity): string {
  const out: string[] = [];
  const w = Number.isFinite(width) ? width : 120;
  out.push(`== Framing: ${oldV.file} → ${newV.file}`);
  out.push(`  Score   ${fmt(c.score.old)} (${c.score.oldLabel}) → ${fmt(c.score.new)} (${c.score.newLabel})   ${signed(c.score.delta)}`);
  out.push(`  Axes    ${c.axes.map((a) => `${a.id} ${a.old} → ${a.new} (${signed(a.delta, 0)})`).join('   ')}`);
  out.push('');
  out.push(
    ...renderTable(
      [{ header: 'Component', flexible: true, min: 20 }, { header: 'old', right: true }, { header: 'new', right: true }, { header: 'change', right: true }],
      c.components.map((k) => [k.label, fmt(k.old), fmt(k.new), signed(k.delta)]),
      width,
      '  ',
    ),
  );
  const text = (s: string, indent: number) => ellipsize(one(s), Math.max(20, w - indent));
  const pairs = (title: string, ps: readonly SentencePair[]) => {
    out.push('', `${title} (${ps.length})`);
    for (const p of ps) {
      const wo = whereIn(oldV, p.old);
      const wn = whereIn(newV, p.new);
      const [a, b] = diffWindow(p.old.text, p.new.text, Math.max(20, w - 6 - Math.max(wo.length, wn.length)));
      out.push(`  - ${wo}: ${a}`);
      out.push(`  + ${wn}: ${b}`);
      out.push(`      ${p.old.framing} → ${p.new.framing}, sentence score ${fmt(p.old.score)} → ${fmt(p.new.score)} (${signed(p.delta)})${p.moved ? ', moved' : ''}`);
    }
  };
  pairs('More top-down', c.sentences.moreTopDown);
  pairs('More enabling', c.sentences.moreEnabling);
  pairs('Edited, same steering', c.sentences.edited);
  const list = (title: string, v: Version, sign: string, ss: readonly ComparedSentence[]) => {
    out.push('', `${title} (${ss.length})`);
    for (const s of ss) out.push(`  ${sign} ${whereIn(v, s)}: ${text(s.text, 14 + whereIn(v, s).length)} [${s.framing}]`);
  };
  list('Added', newV, '+', c.sentences.added);
  list('Removed', oldV, '-', c.sentences.removed);
  out.push('', `Moved ${c.sentences.moved.length}, unchanged ${c.sentences.unchanged}`);
  out.push('', "Districts' roles   " + c.districts.roles.map((r) => `${r.role} ${r.old} → ${r.new}`).join('   '));
  for (const g of c.districts.gained) out.push(`  gained ${g.role} (was ${g.from}): ${text(g.new.text, 30)}`);
  for (const l of c.districts.lost) out.push(`  lost ${l.role} (now ${l.to}): ${text(l.old.text, 30)}`);
  out.push('', 'Study terms        ' + c.terms.counts.map((t) => `${t.term} ${t.oldExact} → ${t.newExact}`).join('   '));
  if (c.terms.added.length) out.push(`  added: ${c.terms.added.map((t) => `${t.term} (${t.category})`).join(', ')}`);
  if (c.terms.removed.length) out.push(`  removed: ${c.terms.removed.map((t) => `${t.term} (${t.category})`).join(', ')}`);
  return out.join('\n') + '\n';
}

/** `compare OLD NEW`: both versions extracted and analysed, compared by the engine. */
export async function compareCommand(
  cmd: Extract<DraftCommand, { kind: 'compare' }>,
  io: DraftIO,
  opts: AnalyzeOptions,
  failureMessage: (file: string, err: unknown) => string,
  width = Infinity,
): Promise<number> {
  const load = async (file: string): Promise<Version | undefined> => {
    try {
      const doc = await extractFile(file, opts);
      return { file, doc, analysis: analyzeExtracted(doc, { ...opts, file }) };
    } catch (err) {
      io.stderr.write(failureMessage(file, err) + '\n');
      return undefined;
    }
  };
  const oldV = await load(cmd.old);
  const newV = await load(cmd.new);
  if (!oldV || !newV) return 1;
  const c = compareVersions(oldV.analysis, newV.analysis);
  if (cmd.format === 'json') io.stdout.write(JSON.stringify(comparisonJson(oldV, newV, c), null, 2) + '\n');
  else if (cmd.format === 'md') io.stdout.write(comparisonMarkdown(oldV, newV, c));
  else io.stdout.write(comparisonTable(oldV, newV, c, width));
  return 0;
}
