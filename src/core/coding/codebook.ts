/**
 * The codebook: codes with a GUID, name, colour, description and parent (a tree, as REFI-QDA's nested
 * <Code>s). The default codebook holds the engine's categories (what autocoding applies) and the study's
 * inhibitor and promoter themes (organisation and leadership; culture, attitudes and competence; economy).
 * Functions return new codebooks and never change their arguments, so a UI can keep the old one for undo.
 */
import type { Category } from '../types';
import { isGuid, nameGuid, newGuid, normalizeGuid } from './guid';

export interface Code {
  /** GUID, upper case. */
  id: string;
  name: string;
  /** `#RRGGBB` (or `#RGB`). */
  color?: string;
  description?: string;
  /** The parent code's id; absent for top-level codes. */
  parent?: string;
  /** False for grouping codes that are not applied to text themselves (REFI-QDA `isCodable`). Default true. */
  codable?: boolean;
  /** Stable key of the codes Policy Lens defines (`category:directive`, `study:economy:inhibitor` …). */
  key?: string;
}

/** A named set of codes (REFI-QDA `<Set>`), kept when a .qdc is imported. */
export interface CodeSet {
  id: string;
  name: string;
  description?: string;
  codes: string[];
}

export interface Codebook {
  format: 'policy-lens-codebook';
  version: 1;
  name?: string;
  codes: Code[];
  sets?: CodeSet[];
}

const RGB_RE = /^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$/;

export function isColor(s: unknown): s is string {
  return typeof s === 'string' && RGB_RE.test(s);
}

/** Colours of the engine's categories: the extension's light-theme ruler colours (package.json), opaque. */
export const CATEGORY_COLORS: Record<Category, string> = {
  directive: '#D7263D',
  enabling: '#1A7F37',
  innovation: '#8250DF',
  cocreation: '#0E8A8A',
  collaboration: '#0969DA',
  control: '#E8700A',
  district: '#9A6700',
};

const CATEGORY_CODES: Record<Category, { name: string; description: string }> = {
  directive: {
    name: 'Directive',
    description: 'Directive language that obliges an actor: «skal», «må», «pålegges», «ber om», «forventer at».',
  },
  enabling: {
    name: 'Enabling',
    description: 'Enabling language: permission, recommendation, «handlingsrom», «tillit», resources, reduced detail steering.',
  },
  innovation: { name: 'Innovation', description: 'Innovation terms: «innovasjon», «utprøving», «nye løsninger», «utvikling».' },
  cocreation: { name: 'Co-creation', description: 'Co-creation and participation: «samskaping», «medvirkning», «involvering».' },
  collaboration: { name: 'Collaboration', description: 'Collaboration instruments: «samarbeid», «samhandling», «samordning».' },
  control: { name: 'Control', description: 'Control instruments: reporting, indicators, follow-up, detail steering.' },
  district: { name: 'District', description: 'The city districts («bydelene») and their role.' },
};

const STUDY_THEMES: { key: string; name: string; description: string; color: string }[] = [
  {
    key: 'organisation',
    name: 'Organisering og ledelse',
    description:
      'Organisation and leadership: structure (fragmentation, silos), recognition of the districts, leadership and ' +
      'decisions, political steering, statutory regulation; promoters: anchoring in top management, innovation ' +
      'leadership, room to try and fail, working across silos.',
    color: '#57606A',
  },
  {
    key: 'culture',
    name: 'Kultur, holdninger og kompetanse',
    description:
      'Culture, attitudes and competence: unused district competence, jargon, impatience, resistance, focus on ' +
      'operations; promoters: bringing employees along, sharing knowledge between districts, complementary ' +
      'competence, service design, change management.',
    color: '#BF3989',
  },
  {
    key: 'economy',
    name: 'Økonomi',
    description:
      'Economy: financial frames and capacity, internal purchasing, allocation criteria; promoters: stable frames, ' +
      'a funding scheme with earmarked innovation funds, dedicated resources.',
    color: '#116329',
  },
];

/** The key → code of a Policy Lens-defined code. Its GUID is the same in every codebook. */
export function keyGuid(key: string): string {
  return nameGuid(`code:${key}`);
}

/**
 * The default codebook: «Policy Lens» with the engine's seven categories, and «Hemmere og fremmere» with the
 * study's three themes (domain reference §1.10), each with an inhibitor and a promoter code.
 */
export function defaultCodebook(): Codebook {
  const codes: Code[] = [];
  const engine: Code = {
    id: keyGuid('group:engine'),
    key: 'group:engine',
    name: 'Policy Lens',
    description: 'The categories of the Policy Lens engine; autocoding applies these.',
    codable: false,
  };
  codes.push(engine);
  for (const c of Object.keys(CATEGORY_CODES) as Category[]) {
    const key = `category:${c}`;
    codes.push({ id: keyGuid(key), key, name: CATEGORY_CODES[c].name, description: CATEGORY_CODES[c].description, color: CATEGORY_COLORS[c], parent: engine.id });
  }
  const study: Code = {
    id: keyGuid('group:study'),
    key: 'group:study',
    name: 'Hemmere og fremmere',
    description:
      'Inhibitors and promoters of innovation in the districts, in the three categories of the study ' +
      '(Oslo districts MPA thesis, 2022, §4.2.5): organisation and leadership; culture, attitudes and competence; economy.',
    codable: false,
  };
  codes.push(study);
  for (const t of STUDY_THEMES) {
    const key = `study:${t.key}`;
    const theme: Code = { id: keyGuid(key), key, name: t.name, description: t.description, color: t.color, parent: study.id };
    codes.push(theme);
    codes.push({
      id: keyGuid(`${key}:inhibitor`),
      key: `${key}:inhibitor`,
      name: `Hemmer: ${t.name.toLowerCase()}`,
      description: `Inhibitor (hemmer) — ${t.name}.`,
      color: t.color,
      parent: theme.id,
    });
    codes.push({
      id: keyGuid(`${key}:promoter`),
      key: `${key}:promoter`,
      name: `Fremmer: ${t.name.toLowerCase()}`,
      description: `Promoter (fremmer) — ${t.name}.`,
      color: t.color,
      parent: theme.id,
    });
  }
  return { format: 'policy-lens-codebook', version: 1, name: 'Policy Lens', codes };
}

/** The code of an engine category (by key, so renamed codes still count). */
export function categoryCode(cb: Codebook, category: Category): Code | undefined {
  const key = `category:${category}`;
  return cb.codes.find((c) => c.key === key) ?? cb.codes.find((c) => c.id === keyGuid(key));
}

export function findCode(cb: Codebook, id: string): Code | undefined {
  const n = normalizeGuid(id);
  return cb.codes.find((c) => c.id === n);
}

export function childrenOf(cb: Codebook, id: string | undefined): Code[] {
  return cb.codes.filter((c) => c.parent === id);
}

/** «Parent / Child» names from the root. */
export function codePath(cb: Codebook, id: string): string {
  const names: string[] = [];
  const seen = new Set<string>();
  let c = findCode(cb, id);
  while (c && !seen.has(c.id)) {
    seen.add(c.id);
    names.unshift(c.name);
    c = c.parent ? findCode(cb, c.parent) : undefined;
  }
  return names.join(' / ');
}

export interface NewCode {
  name: string;
  color?: string;
  description?: string;
  parent?: string;
  codable?: boolean;
  id?: string;
}

/** Adds a code; throws for an empty name, a bad colour, an unknown parent or a name taken under the parent. */
export function addCode(cb: Codebook, spec: NewCode): { codebook: Codebook; code: Code } {
  const name = spec.name.trim();
  if (!name) throw new Error('A code needs a name.');
  if (spec.color !== undefined && !isColor(spec.color)) throw new Error(`«${spec.color}» is not a colour like #1F77B4.`);
  const parent = spec.parent ? findCode(cb, spec.parent) : undefined;
  if (spec.parent && !parent) throw new Error(`No parent code ${spec.parent}.`);
  if (cb.codes.some((c) => c.parent === parent?.id && c.name.toLowerCase() === name.toLowerCase())) {
    throw new Error(`There is already a code «${name}» ${parent ? `under «${parent.name}»` : 'at the top level'}.`);
  }
  const id = spec.id ? normalizeGuid(spec.id) : newGuid();
  if (!isGuid(id)) throw new Error(`«${spec.id}» is not a GUID.`);
  if (findCode(cb, id)) throw new Error(`The code id ${id} is taken.`);
  const code: Code = { id, name };
  if (spec.color) code.color = spec.color.toUpperCase();
  if (spec.description?.trim()) code.description = spec.description.trim();
  if (parent) code.parent = parent.id;
  if (spec.codable === false) code.codable = false;
  return { codebook: { ...cb, codes: [...cb.codes, code] }, code };
}

/** Changes a code's name, colour, description, parent or codable flag. */
export function updateCode(cb: Codebook, id: string, patch: Partial<Omit<Code, 'id' | 'key'>>): Codebook {
  const code = findCode(cb, id);
  if (!code) throw new Error(`No code ${id}.`);
  if (patch.color !== undefined && !isColor(patch.color)) throw new Error(`«${patch.color}» is not a colour like #1F77B4.`);
  if (patch.name !== undefined && !patch.name.trim()) throw new Error('A code needs a name.');
  if (patch.parent !== undefined && patch.parent !== null) {
    // no cycles: the new parent must not be the code or one of its descendants
    let p = findCode(cb, patch.parent);
    if (!p) throw new Error(`No parent code ${patch.parent}.`);
    while (p) {
      if (p.id === code.id) throw new Error('A code cannot be moved under itself.');
      p = p.parent ? findCode(cb, p.parent) : undefined;
    }
  }
  const next: Code = { ...code, ...patch, id: code.id };
  if (patch.name !== undefined) next.name = patch.name.trim();
  if (!next.parent) delete next.parent;
  return { ...cb, codes: cb.codes.map((c) => (c.id === code.id ? next : c)) };
}

/** Removes a code; its children move up to its parent. Codings that use it are the caller's business. */
export function removeCode(cb: Codebook, id: string): Codebook {
  const code = findCode(cb, id);
  if (!code) return cb;
  return {
    ...cb,
    codes: cb.codes
      .filter((c) => c.id !== code.id)
      .map((c) => (c.parent === code.id ? (code.parent ? { ...c, parent: code.parent } : withoutParent(c)) : c)),
    sets: cb.sets?.map((s) => ({ ...s, codes: s.codes.filter((x) => x !== code.id) })),
  };
}

function withoutParent(c: Code): Code {
  const { parent: _p, ...rest } = c;
  return rest;
}

/** Codes of `incoming` update the codes with the same GUID and are added otherwise (import of a .qdc). */
export function mergeCodebooks(base: Codebook, incoming: Codebook): Codebook {
  const byId = new Map(base.codes.map((c) => [c.id, c]));
  const order = base.codes.map((c) => c.id);
  for (const c of incoming.codes) {
    if (!byId.has(c.id)) order.push(c.id);
    byId.set(c.id, { ...(byId.get(c.id) ?? {}), ...c });
  }
  const sets = new Map((base.sets ?? []).map((s) => [s.id, s]));
  for (const s of incoming.sets ?? []) sets.set(s.id, s);
  return { ...base, codes: order.map((id) => byId.get(id)!), ...(sets.size ? { sets: [...sets.values()] } : {}) };
}

/** Problems of a codebook (bad GUIDs, duplicates, missing parents, cycles, bad colours); empty when fine. */
export function validateCodebook(cb: Codebook): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const c of cb.codes) {
    if (!isGuid(c.id)) problems.push(`code «${c.name}»: «${c.id}» is not a GUID`);
    if (ids.has(c.id)) problems.push(`code «${c.name}»: duplicate id ${c.id}`);
    ids.add(c.id);
    if (!c.name?.trim()) problems.push(`code ${c.id}: no name`);
    if (c.color !== undefined && !isColor(c.color)) problems.push(`code «${c.name}»: «${c.color}» is not a colour`);
  }
  for (const c of cb.codes) {
    if (c.parent && !ids.has(c.parent)) problems.push(`code «${c.name}»: parent ${c.parent} is missing`);
    const seen = new Set<string>();
    let p: Code | undefined = c;
    while (p?.parent) {
      if (seen.has(p.id)) {
        problems.push(`code «${c.name}»: its parents form a cycle`);
        break;
      }
      seen.add(p.id);
      p = cb.codes.find((x) => x.id === p!.parent);
    }
  }
  return problems;
}

/** Parses a codebook file's text (`file` names it in messages; throws when it is broken). */
export function parseCodebook(text: string, file: string): Codebook {
  let data: Codebook;
  try {
    data = JSON.parse(text) as Codebook;
  } catch (e) {
    throw new Error(`${file}: cannot read the codebook (${(e as Error).message}).`);
  }
  if (!data || data.format !== 'policy-lens-codebook' || !Array.isArray(data.codes)) {
    throw new Error(`${file}: not a Policy Lens codebook.`);
  }
  const problems = validateCodebook(data);
  if (problems.length) throw new Error(`${file}: ${problems.join('; ')}.`);
  return data;
}

/** A codebook file's text (pretty JSON, LF). */
export function codebookText(cb: Codebook): string {
  return JSON.stringify(cb, null, 2) + '\n';
}
