/**
 * The codings of the workspace, as the engine stores them: the codebook in `<folder>/.policylens/codebook.json`
 * (the default codebook until it is changed), each document's codings in `<folder>/.policylens/codings/…json`
 * (written atomically by the engine). The codings of open text documents are re-anchored against the editor's
 * text after every change (the engine's TextQuoteSelector re-anchoring) and saved with the document; one that can
 * no longer be placed is kept and flagged as orphaned, never dropped.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  addCode,
  CanonicalText,
  Code,
  Codebook,
  Coding,
  CodingFile,
  CodingUser,
  codingFilePath,
  createCoding,
  defaultCodebook,
  findCode,
  loadCodebook,
  mergeCodebooks,
  mergeCodings,
  nameGuid,
  NewCode,
  POLICYLENS_DIR,
  readCodingFile,
  reanchorCodings,
  relativeSource,
  saveCodebook,
  writeCodingFile,
} from '../../core/workspace';

export interface DocumentCodings {
  uri: vscode.Uri;
  root: string;
  file: string;
  data: CodingFile;
  /** The text the selectors were last anchored against (the editor's, canonical). */
  canon?: CanonicalText;
  /** In-memory changes (re-anchoring after edits) not yet written. */
  dirty: boolean;
}

/** The folder that holds `.policylens` for a document: its workspace folder, else its own folder. */
export function codingRoot(uri: vscode.Uri): string {
  return vscode.workspace.getWorkspaceFolder(uri)?.uri.fsPath ?? path.dirname(uri.fsPath);
}

export function codebookPath(root: string): string {
  return path.join(root, POLICYLENS_DIR, 'codebook.json');
}

/** The coder: `policyLens.coding.coder`, else the operating system's user name. */
export function currentCoder(): CodingUser {
  const name = vscode.workspace.getConfiguration('policyLens.coding').get<string>('coder', '')?.trim() || safeUserName();
  return { id: nameGuid(`user:${name}`), name };
}

function safeUserName(): string {
  try {
    return os.userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}

/** A document codings refer to: a text document, or a PDF through its extracted text. */
export interface CodingTarget {
  readonly uri: vscode.Uri;
  getText(): string;
}

export class CodingStore implements vscode.Disposable {
  private readonly docs = new Map<string, DocumentCodings>();
  private readonly codebooks = new Map<string, Codebook>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires with a document whose codings changed (undefined: the codebook or many documents). */
  readonly onDidChange = this.emitter.event;
  /** Problems reading files (a broken codings file is never overwritten). */
  readonly problems = new Map<string, string>();

  // ── codebook ──────────────────────────────────────────────────────────────────────────────────

  async codebook(root: string): Promise<Codebook> {
    const hit = this.codebooks.get(root);
    if (hit) return hit;
    const file = codebookPath(root);
    let cb = defaultCodebook();
    if (fs.existsSync(file)) {
      try {
        cb = mergeCodebooks(cb, await loadCodebook(file));
        this.problems.delete(file);
      } catch (e) {
        this.problems.set(file, (e as Error).message);
      }
    }
    this.codebooks.set(root, cb);
    return cb;
  }

  async saveCodebook(root: string, cb: Codebook): Promise<void> {
    if (this.problems.has(codebookPath(root))) throw new Error(this.problems.get(codebookPath(root)));
    await saveCodebook(codebookPath(root), cb);
    this.codebooks.set(root, cb);
    this.emitter.fire(undefined);
  }

  async addCode(root: string, spec: NewCode): Promise<Code> {
    const r = addCode(await this.codebook(root), spec);
    await this.saveCodebook(root, r.codebook);
    return r.code;
  }

  async importCodebook(root: string, incoming: Codebook): Promise<Codebook> {
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
      const file = codingFilePath(root, uri.fsPath);
      const source = relativeSource(root, uri.fsPath);
      let data: CodingFile;
      try {
        data = await readCodingFile(file, source);
        this.problems.delete(file);
      } catch (e) {
        this.problems.set(file, (e as Error).message);
        throw e;
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

  /** Writes a document's codings (atomically, by the engine). */
  async save(d: DocumentCodings): Promise<void> {
    if (this.problems.has(d.file)) return; // never overwrite a file that could not be read
    await writeCodingFile(d.file, d.data, d.canon?.text);
    d.dirty = false;
  }

  /** Codes the passage [start, end) (offsets into its text) of a document. */
  async apply(doc: CodingTarget, start: number, end: number, code: string, creator = currentCoder()): Promise<Coding> {
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
      const dir = path.join(folder.uri.fsPath, POLICYLENS_DIR, 'codings');
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
      } catch {
        continue;
      }
      for (const n of names) {
        const file = path.join(dir, n);
        const open = [...this.docs.values()].find((d) => d.file === file);
        if (open) {
          out.set(file, open);
          continue;
        }
        try {
          const data = await readCodingFile(file);
          const uri = vscode.Uri.file(path.join(folder.uri.fsPath, ...data.source.split('/')));
          out.set(file, { uri, root: folder.uri.fsPath, file, data, dirty: false });
          this.problems.delete(file);
        } catch (e) {
          this.problems.set(file, (e as Error).message);
        }
      }
    }
    for (const d of this.docs.values()) if (!out.has(d.file) && d.data.codings.length) out.set(d.file, d);
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
