/**
 * The codings of the workspace, in the engine's formats: the codebook in `<folder>/.policylens/codebook.json` (the
 * default codebook until it is changed), each document's codings in `<folder>/.policylens/codings/…json`. Files
 * are read and written with `vscode.workspace.fs` (so coding works in the browser too), writes atomically (a
 * temporary file, then a rename). The codings of open text documents are re-anchored against the editor's text
 * after every change (the engine's TextQuoteSelector re-anchoring) and saved with the document; one that can no
 * longer be placed is kept and flagged as orphaned, never dropped.
 */
import * as vscode from 'vscode';
import {
  addCode,
  CanonicalText,
  Code,
  Codebook,
  codebookText,
  Coding,
  CodingFile,
  codingFileRelativePath,
  codingFileText,
  CodingUser,
  createCoding,
  defaultCodebook,
  emptyCodingFile,
  findCode,
  mergeCodebooks,
  mergeCodings,
  nameGuid,
  NewCode,
  parseCodebook,
  parseCodingFile,
  POLICYLENS_DIR,
  reanchorCodings,
  relativeSourcePath,
} from '../../core';

export interface DocumentCodings {
  uri: vscode.Uri;
  /** The folder that holds `.policylens`. */
  root: vscode.Uri;
  /** The codings file. */
  file: vscode.Uri;
  data: CodingFile;
  /** The text the selectors were last anchored against (the editor's, canonical). */
  canon?: CanonicalText;
  /** In-memory changes (re-anchoring after edits) not yet written. */
  dirty: boolean;
}

/** The folder that holds `.policylens` for a document: its workspace folder, else its own folder. */
export function codingRoot(uri: vscode.Uri): vscode.Uri {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.Uri.joinPath(uri, '..');
}

export function codebookUri(root: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(root, POLICYLENS_DIR, 'codebook.json');
}

/** A file's name in messages: its path on disk, else its URI. */
export function fileLabel(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** The coder: `policyLens.coding.coder`, else the operating system's user name (desktop), else «coder». */
export function currentCoder(userName?: string): CodingUser {
  const name = vscode.workspace.getConfiguration('policyLens.coding').get<string>('coder', '')?.trim() || userName || 'coder';
  return { id: nameGuid(`user:${name}`), name };
}

/** A document codings refer to: a text document, or a PDF or DOCX through its extracted text. */
export interface CodingTarget {
  readonly uri: vscode.Uri;
  getText(): string;
}

const decoder = new TextDecoder('utf-8');

/** A file's text, or undefined when it does not exist. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    if ((e as { code?: string }).code === 'FileNotFound' || (e as { code?: string }).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** Writes a file atomically: a temporary file beside it, then a rename over it. */
export async function writeAtomic(uri: vscode.Uri, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const tmp = vscode.Uri.joinPath(uri, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(tmp, bytes);
  try {
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (e) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw e;
  }
}

export class CodingStore implements vscode.Disposable {
  private readonly docs = new Map<string, DocumentCodings>();
  private readonly codebooks = new Map<string, Codebook>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires with a document whose codings changed (undefined: the codebook or many documents). */
  readonly onDidChange = this.emitter.event;
  /** Problems reading files, by the file's URI (a broken codings file is never overwritten). */
  readonly problems = new Map<string, string>();

  constructor(private readonly userName?: string) {}

  coder(): CodingUser {
    return currentCoder(this.userName);
  }

  // ── codebook ──────────────────────────────────────────────────────────────────────────────────

  async codebook(root: vscode.Uri): Promise<Codebook> {
    const hit = this.codebooks.get(root.toString());
    if (hit) return hit;
    const file = codebookUri(root);
    let cb = defaultCodebook();
    try {
      const text = await readText(file);
      if (text !== undefined) cb = mergeCodebooks(cb, parseCodebook(text, fileLabel(file)));
      this.problems.delete(file.toString());
    } catch (e) {
      this.problems.set(file.toString(), (e as Error).message);
    }
    this.codebooks.set(root.toString(), cb);
    return cb;
  }

  async saveCodebook(root: vscode.Uri, cb: Codebook): Promise<void> {
    const file = codebookUri(root);
    if (this.problems.has(file.toString())) throw new Error(this.problems.get(file.toString()));
    await writeAtomic(file, codebookText(cb));
    this.codebooks.set(root.toString(), cb);
    this.emitter.fire(undefined);
  }

  async addCode(root: vscode.Uri, spec: NewCode): Promise<Code> {
    const r = addCode(await this.codebook(root), spec);
    await this.saveCodebook(root, r.codebook);
    return r.code;
  }

  async importCodebook(root: vscode.Uri, incoming: Codebook): Promise<Codebook> {
    const merged = mergeCodebooks(await this.codebook(root), incoming);
    await this.saveCodebook(root, merged);
    return merged;
  }

  /** Forgets the cached codebooks (the file changed on disk). */
  reloadCodebooks(): void {
    this.codebooks.clear();
    this.emitter.fire(undefined);
  }

  // ── codings of a document ─────────────────────────────────────────────────────────────────────

  /** The codings of a document (read from its file once), re-anchored against `text` when given. */
  async forDocument(uri: vscode.Uri, text?: string): Promise<DocumentCodings> {
    let d = this.docs.get(uri.toString());
    if (!d) {
      const root = codingRoot(uri);
      const source = relativeSourcePath(root.path, uri.path);
      const file = vscode.Uri.joinPath(root, codingFileRelativePath(source));
      let data: CodingFile;
      try {
        const t = await readText(file);
        data = t === undefined ? emptyCodingFile(source) : parseCodingFile(t, fileLabel(file));
        this.problems.delete(file.toString());
      } catch (e) {
        const message = e instanceof vscode.FileSystemError ? `${fileLabel(file)}: cannot read the codings (${e.message}).` : (e as Error).message;
        this.problems.set(file.toString(), message);
        throw new Error(message);
      }
      d = this.docs.get(uri.toString()) ?? { uri, root, file, data, dirty: false };
      this.docs.set(uri.toString(), d);
    }
    if (text !== undefined) this.reanchor(d, text);
    return d;
  }

  /** The document's codings, if they were read. */
  peek(uri: vscode.Uri): DocumentCodings | undefined {
    return this.docs.get(uri.toString());
  }

  /** Re-anchors a document's codings against its current text (in memory). Returns whether anything changed. */
  reanchor(d: DocumentCodings, text: string): boolean {
    const canon = new CanonicalText(text);
    if (d.canon && d.canon.text === canon.text) return false;
    d.canon = canon;
    if (d.data.codings.length === 0) return false;
    const before = JSON.stringify(d.data.codings.map((c) => [c.target.selector, c.anchor?.status]));
    const r = reanchorCodings(canon, d.data.codings);
    const after = JSON.stringify(r.codings.map((c) => [c.target.selector, c.anchor?.status]));
    d.data = { ...d.data, codings: r.codings };
    if (before === after) return false;
    d.dirty = true;
    this.emitter.fire(d.uri);
    return true;
  }

  /** Writes a document's codings (atomically). */
  async save(d: DocumentCodings): Promise<void> {
    if (this.problems.has(d.file.toString())) return; // never overwrite a file that could not be read
    await writeAtomic(d.file, codingFileText(d.data, d.canon?.text));
    d.dirty = false;
  }

  /** Codes the passage [start, end) (offsets into its text) of a document. */
  async apply(doc: CodingTarget, start: number, end: number, code: string, creator = this.coder()): Promise<Coding> {
    const d = await this.forDocument(doc.uri, doc.getText());
    const coding = createCoding(d.canon!, { start, end }, { code, source: d.data.source, creator, origin: 'manual' });
    coding.anchor = { status: 'exact', similarity: 1, checked: coding.created };
    d.data = { ...d.data, codings: [...d.data.codings, coding] };
    await this.save(d);
    this.emitter.fire(doc.uri);
    return coding;
  }

  /** Adds codings (autocoding) to a document's, without duplicates. */
  async add(doc: CodingTarget, codings: readonly Coding[]): Promise<number> {
    const d = await this.forDocument(doc.uri, doc.getText());
    const before = d.data.codings.length;
    d.data = { ...d.data, codings: mergeCodings(d.data.codings, codings) };
    await this.save(d);
    this.emitter.fire(doc.uri);
    return d.data.codings.length - before;
  }

  async remove(uri: vscode.Uri, id: string): Promise<boolean> {
    const d = await this.forDocument(uri);
    const n = d.data.codings.length;
    d.data = { ...d.data, codings: d.data.codings.filter((c) => c.id !== id) };
    if (d.data.codings.length === n) return false;
    await this.save(d);
    this.emitter.fire(uri);
    return true;
  }

  /** Every stored coding file of the workspace folders (open documents: their current codings). */
  async all(): Promise<DocumentCodings[]> {
    const out = new Map<string, DocumentCodings>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const dir = vscode.Uri.joinPath(folder.uri, POLICYLENS_DIR, 'codings');
      let names: string[] = [];
      try {
        names = (await vscode.workspace.fs.readDirectory(dir)).filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.json')).map(([n]) => n);
      } catch {
        continue;
      }
      for (const n of names) {
        const file = vscode.Uri.joinPath(dir, n);
        const key = file.toString();
        const open = [...this.docs.values()].find((d) => d.file.toString() === key);
        if (open) {
          out.set(key, open);
          continue;
        }
        try {
          const data = parseCodingFile((await readText(file)) ?? '', fileLabel(file));
          const uri = vscode.Uri.joinPath(folder.uri, ...data.source.split('/'));
          out.set(key, { uri, root: folder.uri, file, data, dirty: false });
          this.problems.delete(key);
        } catch (e) {
          this.problems.set(key, (e as Error).message);
        }
      }
    }
    for (const d of this.docs.values()) if (!out.has(d.file.toString()) && d.data.codings.length) out.set(d.file.toString(), d);
    return [...out.values()];
  }

  /** Forgets a closed document's in-memory state (saving re-anchored selectors first only when the file is saved). */
  forget(uri: vscode.Uri): void {
    this.docs.delete(uri.toString());
  }

  findCode(cb: Codebook, id: string): Code | undefined {
    return findCode(cb, id);
  }

  fire(uri?: vscode.Uri): void {
    this.emitter.fire(uri);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
