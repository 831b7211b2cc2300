/**
 * Coding for researchers (issue 5): the «Codes» tree, «Apply Code to Selection», highlights per code colour,
 * re-anchoring after edits, autocoding, agreement (Cohen's kappa), REFI-QDA export and codebook import, in text
 * editors and in the PDF and DOCX viewers. Thin adapters over the engine's coding and export modules; files are
 * read and written with `vscode.workspace.fs`, documents that are not open are loaded in the document worker
 * (../documents.ts), so all of it works in the browser too.
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import {
  AgreementResult,
  AUTOCODER,
  autocode,
  CanonicalText,
  codePath,
  Codebook,
  codebookQdc,
  Coding,
  CODING_LEVELS,
  codingAgreement,
  CodingLevel,
  codingRawSpan,
  exportQdpx,
  findCode,
  importQdc,
  isColor,
  mergeCodings,
  parseCodingFile,
  QdpxSource,
  reanchorCodings,
  analyzeExtracted,
  extractText,
  formatOf,
} from '../../core';
import type { DocumentLoader } from '../documents';
import { reports } from '../reports';
import { readSettings } from '../settings';
import { CODES_VIEW_ID, CodesNode, CodesTreeProvider } from './codesTree';
import { CodingHighlighter } from './highlights';
import { activeCodable, refreshCodingViewers, setCodingProvider, ViewerCodable } from './viewerBridge';
import { codingRoot, CodingStore, CodingTarget, DocumentCodings, fileLabel, readText, writeAtomic } from './store';

export interface CodingApi {
  readonly store: CodingStore;
  readonly tree: CodesTreeProvider;
  readonly highlighter: CodingHighlighter;
  /** Codes the editor's selection with a code (by id); the command asks with a QuickPick. */
  apply(editor: vscode.TextEditor, codeId: string): Promise<Coding>;
  autocode(doc: vscode.TextDocument, level: CodingLevel): Promise<number>;
  /** Kappa per code between coder A and coder B (a coder's id, or every coding in another folder's codings files). */
  agreement(coderA: string, coderB: string | { folder: string | vscode.Uri }): Promise<AgreementResult>;
  exportQdpx(target: vscode.Uri): Promise<{ sources: number; codings: number }>;
  importCodebook(file: vscode.Uri): Promise<Codebook>;
}

const TEXT_LANGS = new Set(['markdown', 'plaintext']);
const PALETTE = ['#D7263D', '#1A7F37', '#8250DF', '#0E8A8A', '#0969DA', '#E8700A', '#9A6700', '#BF3989', '#57606A'];

/** File systems whose documents can be coded (their codings are written next to them). */
const UNCODABLE = new Set(['untitled', 'output', 'git', 'vscode-userdata', 'policylens-report', 'vscode-notebook-cell']);

export function registerCoding(context: vscode.ExtensionContext, deps: { loader: DocumentLoader; userName?: string }): CodingApi {
  const store = new CodingStore(deps.userName);
  const highlighter = new CodingHighlighter();
  const tree = new CodesTreeProvider(store, vscode.Uri.joinPath(context.globalStorageUri, 'code-icons'));
  const view = vscode.window.createTreeView(CODES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(store, highlighter, tree, view);

  const isText = (doc: vscode.TextDocument) => !UNCODABLE.has(doc.uri.scheme) && TEXT_LANGS.has(doc.languageId);
  const firstFolder = () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!root) throw new Error(l10n.t('Open a folder first.'));
    return root;
  };

  /** Loads, re-anchors and paints a text editor's codings. */
  const paint = async (editor: vscode.TextEditor) => {
    if (!isText(editor.document)) return;
    try {
      const d = await store.forDocument(editor.document.uri, editor.document.getText());
      const cb = await store.codebook(d.root);
      highlighter.render(editor, d, cb);
    } catch {
      // a broken codings file: the tree reports it; nothing is painted or written
    }
  };
  const paintDoc = (uri: vscode.Uri | undefined) => {
    for (const ed of vscode.window.visibleTextEditors) if (!uri || ed.document.uri.toString() === uri.toString()) void paint(ed);
  };

  let editTimer: ReturnType<typeof setTimeout> | undefined;
  const pendingEdits = new Set<vscode.TextDocument>();
  context.subscriptions.push(
    { dispose: () => editTimer && clearTimeout(editTimer) },
    store.onDidChange((uri) => {
      paintDoc(uri);
      refreshCodingViewers(uri);
      tree.refreshSoon();
    }),
    vscode.window.onDidChangeVisibleTextEditors((eds) => eds.forEach((e) => void paint(e))),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (!store.peek(e.document.uri) || e.contentChanges.length === 0) return;
      pendingEdits.add(e.document);
      if (editTimer) clearTimeout(editTimer);
      editTimer = setTimeout(() => {
        editTimer = undefined;
        for (const doc of pendingEdits) {
          const d = store.peek(doc.uri);
          if (d) store.reanchor(d, doc.getText());
          paintDoc(doc.uri);
        }
        pendingEdits.clear();
      }, 300);
    }),
    vscode.workspace.onDidSaveTextDocument(async (doc) => {
      const d = store.peek(doc.uri);
      if (d) {
        store.reanchor(d, doc.getText());
        if (d.dirty) await store.save(d);
      }
      if (/\/\.policylens\/codebook\.json$/.test(doc.uri.path)) store.reloadCodebooks();
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      const d = store.peek(doc.uri);
      // re-anchored selectors of an unsaved edit are not written: the file on disk still has the old text
      if (d && !doc.isDirty) store.forget(doc.uri);
    }),
  );
  for (const ed of vscode.window.visibleTextEditors) void paint(ed);
  void tree.refresh();

  // The document viewers (PDF, DOCX) draw a document's codings (stored against its extracted text) in their code's colour.
  setCodingProvider({
    codingsFor: async (uri, text) => {
      const d = await store.forDocument(uri, text);
      const cb = await store.codebook(d.root);
      const marks = [];
      for (const c of d.data.codings) {
        const span = d.canon ? codingRawSpan(d.canon, c) : undefined;
        if (!span) continue;
        const code = findCode(cb, c.code);
        const color = code?.color ?? '#8250DF';
        marks.push({
          start: span.start,
          end: span.end,
          color: color.length === 4 ? `#${[...color.slice(1)].map((x) => x + x).join('')}` : color,
          label: code ? codePath(cb, code.id) : c.code,
          review: c.origin === 'autocode',
        });
      }
      return marks;
    },
    closed: (uri) => {
      store.forget(uri);
      tree.refreshSoon();
    },
  });
  context.subscriptions.push({ dispose: () => setCodingProvider(undefined) });

  /** A document in a viewer (PDF, DOCX) as a coding target: its extracted text (undefined while it is being read). */
  const viewerTarget = (doc: ViewerCodable): CodingTarget => {
    const text = doc.text();
    if (text === undefined) throw new Error(l10n.t('The document is still being read; try again in a moment.'));
    return { uri: doc.uri, getText: () => text };
  };

  /** Codes the viewer's selection (mapped by the viewer to offsets in the extracted text). */
  const applyInViewer = async (doc: ViewerCodable, codeId: string, selected?: { start: number; end: number }) => {
    const target = viewerTarget(doc);
    const sel = selected ?? (await doc.selection());
    if (!sel) throw new Error(l10n.t('Select the passage to code first.'));
    const c = await store.apply(target, sel.start, sel.end, codeId);
    await tree.refresh();
    return c;
  };

  const autocodeInViewer = async (doc: ViewerCodable, level: CodingLevel) => {
    const target = viewerTarget(doc);
    const analysis = doc.analysis();
    if (!analysis) throw new Error(l10n.t('The document is still being read; try again in a moment.'));
    const d = await store.forDocument(doc.uri, target.getText());
    const cb = await store.codebook(d.root);
    const codings = autocode({ source: d.data.source, text: target.getText(), format: doc.format, analysis }, cb, { level });
    const added = await store.add(target, codings);
    await tree.refresh();
    return added;
  };

  // ── operations ────────────────────────────────────────────────────────────────────────────────

  const apply = async (editor: vscode.TextEditor, codeId: string) => {
    const doc = editor.document;
    const sel = editor.selection;
    if (sel.isEmpty) throw new Error(l10n.t('Select the passage to code first.'));
    const c = await store.apply(doc, doc.offsetAt(sel.start), doc.offsetAt(sel.end), codeId);
    await tree.refresh();
    return c;
  };

  const pickCode = async (root: vscode.Uri): Promise<string | undefined> => {
    const cb = await store.codebook(root);
    const items = cb.codes
      .filter((c) => c.codable !== false)
      .map((c) => ({ label: c.name, description: codePath(cb, c.id), detail: c.description, id: c.id }));
    const pick = await vscode.window.showQuickPick(items, { title: l10n.t('Apply a code to the selection'), matchOnDescription: true, matchOnDetail: true });
    return pick?.id;
  };

  const doAutocode = async (doc: vscode.TextDocument, level: CodingLevel) => {
    const d = await store.forDocument(doc.uri, doc.getText());
    const cb = await store.codebook(d.root);
    const s = readSettings();
    const format = doc.languageId === 'markdown' ? 'md' : 'txt';
    const loaded = extractText(doc.getText(), format);
    const analysis = analyzeExtracted(loaded, { file: doc.uri.path, ...(s.language !== 'auto' ? { language: s.language } : {}) });
    const codings = autocode({ source: d.data.source, text: loaded.text, format, analysis }, cb, { level });
    // the analysed text may differ from the editor's (a byte-order mark, line endings): re-anchor against the editor's
    const canon = new CanonicalText(doc.getText());
    const placed = new CanonicalText(loaded.text).text === canon.text ? codings : reanchorCodings(canon, codings).codings;
    const added = await store.add(doc, placed);
    await tree.refresh();
    return added;
  };

  /** The coders found in the workspace's codings (id → name). */
  const coders = async () => {
    const out = new Map<string, string>();
    for (const d of await store.all()) for (const c of d.data.codings) if (c.creator) out.set(c.creator.id, c.creator.name ?? c.creator.id);
    return out;
  };

  const agreement = async (a: string, b: string | { folder: string | vscode.Uri }): Promise<AgreementResult> => {
    const all = await store.all();
    const other = typeof b === 'string' ? undefined : await codingsIn(typeof b.folder === 'string' ? vscode.Uri.file(b.folder) : b.folder);
    const docs = [];
    const A: Coding[] = [];
    const B: Coding[] = [];
    for (const d of all) {
      const text = await documentText(d);
      if (text === undefined) continue;
      const canon = new CanonicalText(text);
      docs.push({ source: d.data.source, text: canon.text, format: formatOf(d.uri.path) ?? 'txt' });
      const placed = reanchorCodings(canon, d.data.codings).codings;
      for (const c of placed) {
        if (c.creator?.id === a) A.push(c);
        if (typeof b === 'string' && c.creator?.id === b) B.push(c);
      }
      const theirs = other?.get(d.data.source);
      if (theirs) B.push(...reanchorCodings(canon, theirs).codings);
    }
    return codingAgreement(docs, A, B, { unit: 'sentence' });
  };

  /** The text the codings of a document refer to: the open editor's, else the file's (PDF/DOCX: extracted). */
  const documentText = async (d: DocumentCodings): Promise<string | undefined> => {
    const open = vscode.workspace.textDocuments.find((t) => t.uri.toString() === d.uri.toString());
    if (open) return open.getText();
    try {
      return (await deps.loader.load(d.uri)).text;
    } catch {
      return undefined;
    }
  };

  const exportProject = async (target: vscode.Uri) => {
    const root = firstFolder();
    const cb = await store.codebook(root);
    const all = await store.all();
    const sources: QdpxSource[] = [];
    const users = new Map<string, { id: string; name?: string }>([[AUTOCODER.id, AUTOCODER]]);
    for (const d of all) {
      const open = vscode.workspace.textDocuments.find((t) => t.uri.toString() === d.uri.toString());
      let loaded: { format: QdpxSource['format']; text: string; bytes?: Uint8Array };
      if (open && isText(open)) loaded = extractText(open.getText(), open.languageId === 'markdown' ? 'md' : 'txt');
      else {
        try {
          loaded = await deps.loader.load(d.uri, { keepBytes: /\.(pdf|docx)$/i.test(d.uri.path) });
        } catch {
          continue; // the document is gone (or unreadable): its codings stay in their file
        }
      }
      const codings = reanchorCodings(new CanonicalText(loaded.text), d.data.codings).codings;
      for (const c of codings) if (c.creator) users.set(c.creator.id, c.creator);
      sources.push({
        name: d.data.source,
        file: fileLabel(d.uri),
        format: loaded.format,
        text: loaded.text,
        pdf: loaded.format === 'pdf' ? loaded.bytes : undefined,
        docx: loaded.format === 'docx' ? loaded.bytes : undefined,
        codings: mergeCodings([], codings),
      });
    }
    const res = exportQdpx({
      name: baseName(target).replace(/\.qdpx$/i, ''),
      origin: 'Policy Lens (VS Code)',
      users: [...users.values()],
      creator: store.coder(),
      codebook: cb,
      sources,
    });
    await writeAtomic(target, res.zip);
    return { sources: res.stats.sources, codings: res.stats.codings };
  };

  const importCodebook = async (file: vscode.Uri) => {
    const root = firstFolder();
    const { codebook, warnings } = importQdc((await readText(file)) ?? '');
    for (const w of warnings) void vscode.window.showWarningMessage(`${baseName(file)}: ${w}`);
    const merged = await store.importCodebook(root, codebook);
    await tree.refresh();
    return merged;
  };

  // ── commands ──────────────────────────────────────────────────────────────────────────────────

  const guard = <A extends unknown[]>(fn: (...a: A) => Promise<unknown>) =>
    async (...a: A) => {
      try {
        return await fn(...a);
      } catch (e) {
        void vscode.window.showErrorMessage((e as Error).message);
        return undefined;
      }
    };

  context.subscriptions.push(
    vscode.commands.registerCommand(
      'policyLens.applyCode',
      guard(async (codeArg?: unknown) => {
        const inViewer = activeCodable();
        const editor = vscode.window.activeTextEditor;
        if (!inViewer && (!editor || editor.selection.isEmpty)) throw new Error(l10n.t('Select the passage to code first.'));
        const root = codingRoot(inViewer ? inViewer.uri : editor!.document.uri);
        // The viewer's selection as it is now (before the QuickPick takes the focus).
        if (inViewer) viewerTarget(inViewer);
        const viewerSel = inViewer ? await inViewer.selection() : undefined;
        if (inViewer && !viewerSel) throw new Error(l10n.t('Select the passage to code first.'));
        const cb = await store.codebook(root);
        const id = typeof codeArg === 'string' && findCode(cb, codeArg) ? codeArg : await pickCode(root);
        if (!id) return undefined;
        return inViewer ? applyInViewer(inViewer, id, viewerSel) : apply(editor!, id);
      }),
    ),
    vscode.commands.registerCommand(
      'policyLens.addCode',
      guard(async (parentNode?: CodesNode) => {
        const root = firstFolder();
        const name = await vscode.window.showInputBox({ title: l10n.t('New code'), prompt: l10n.t('The code\'s name'), validateInput: (v) => (v.trim() ? undefined : l10n.t('A code needs a name.')) });
        if (!name) return undefined;
        const color = await vscode.window.showQuickPick(
          PALETTE.map((c) => ({ label: c })),
          { title: l10n.t('Colour of «{0}»', name) },
        );
        if (!color || !isColor(color.label)) return undefined;
        const description = await vscode.window.showInputBox({ title: l10n.t('Description of «{0}» (optional)', name) });
        const parent = parentNode?.kind === 'code' ? parentNode.code.id : undefined;
        const code = await store.addCode(root, { name: name.trim(), color: color.label, description: description?.trim() || undefined, parent });
        await tree.refresh();
        return code;
      }),
    ),
    vscode.commands.registerCommand('policyLens.revealCoding', guard(async (uri: vscode.Uri, id: string) => {
      if (!(uri instanceof vscode.Uri) || typeof id !== 'string') return;
      const doc = await vscode.workspace.openTextDocument(uri);
      const d = await store.forDocument(uri, doc.getText());
      const c = d.data.codings.find((x) => x.id === id);
      const span = c && d.canon ? codingRawSpan(d.canon, c) : undefined;
      const sel = span ? new vscode.Selection(doc.positionAt(span.start), doc.positionAt(span.end)) : undefined;
      const ed = await vscode.window.showTextDocument(doc, { preview: true, selection: sel });
      if (sel) ed.revealRange(sel, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    })),
    vscode.commands.registerCommand('policyLens.removeCoding', guard(async (node?: CodesNode) => {
      if (node?.kind !== 'coding') return;
      await store.remove(node.doc.uri, node.coding.id);
      await tree.refresh();
    })),
    vscode.commands.registerCommand(
      'policyLens.autocodeDocument',
      guard(async (levelArg?: unknown) => {
        const inViewer = activeCodable();
        const editor = vscode.window.activeTextEditor;
        if (!inViewer && (!editor || !isText(editor.document))) throw new Error(l10n.t('Open a Markdown or plain-text document, or a PDF or DOCX in the Policy Lens viewer, to autocode it.'));
        let level = typeof levelArg === 'string' && (CODING_LEVELS as readonly string[]).includes(levelArg) ? (levelArg as CodingLevel) : undefined;
        if (!level) {
          const labels: Record<CodingLevel, string> = { match: l10n.t('The matched words'), sentence: l10n.t('Their sentence'), paragraph: l10n.t('Their paragraph') };
          const pick = await vscode.window.showQuickPick(
            CODING_LEVELS.map((l) => ({ label: labels[l], value: l })),
            { title: l10n.t('Autocode the findings at which level?') },
          );
          if (!pick) return undefined;
          level = pick.value;
        }
        const n = inViewer ? await autocodeInViewer(inViewer, level) : await doAutocode(editor!.document, level);
        void vscode.window.showInformationMessage(l10n.t('{0} codings added by autocoding, for review (dashed underline).', n));
        return n;
      }),
    ),
    vscode.commands.registerCommand(
      'policyLens.computeAgreement',
      guard(async () => {
        const found = await coders();
        if (found.size < 2) throw new Error(l10n.t('Agreement needs codings by two coders (autocoding counts as one).'));
        const items = [...found].map(([id, name]) => ({ label: name, id }));
        const a = await vscode.window.showQuickPick(items, { title: l10n.t('Agreement: coder A') });
        if (!a) return undefined;
        const folderItem = { label: l10n.t('$(folder) Another coder\'s codings folder…'), id: '' };
        const b = await vscode.window.showQuickPick([...items.filter((i) => i.id !== a.id), folderItem], { title: l10n.t('Agreement: coder B') });
        if (!b) return undefined;
        let against: string | { folder: vscode.Uri } = b.id;
        let bLabel = b.label;
        if (b === folderItem) {
          const picked = await vscode.window.showOpenDialog({ title: l10n.t('The other coder\'s .policylens/codings folder'), canSelectFolders: true, canSelectFiles: false });
          if (!picked?.[0]) return undefined;
          against = { folder: picked[0] };
          bLabel = baseName(picked[0]);
        }
        const r = await agreement(a.id, against);
        const root = vscode.workspace.workspaceFolders?.[0]?.uri;
        const cb = root ? await store.codebook(root) : undefined;
        const uri = reports.put('agreement.md', agreementMarkdown(r, a.label, bLabel, cb));
        await vscode.commands.executeCommand('markdown.showPreview', uri);
        return r;
      }),
    ),
    vscode.commands.registerCommand(
      'policyLens.exportQdpx',
      guard(async (targetArg?: unknown) => {
        let target = targetArg instanceof vscode.Uri ? targetArg : undefined;
        if (!target) {
          const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
          target = await vscode.window.showSaveDialog({
            title: l10n.t('Export a REFI-QDA project'),
            defaultUri: folder ? vscode.Uri.joinPath(folder, 'policy-lens.qdpx') : undefined,
            filters: { 'REFI-QDA project': ['qdpx'] },
          });
          if (!target) return undefined;
        }
        const s = await exportProject(target);
        if (!(targetArg instanceof vscode.Uri)) {
          void vscode.window.showInformationMessage(l10n.t('Exported {0} documents with {1} codings to {2}.', s.sources, s.codings, baseName(target)));
        }
        return target;
      }),
    ),
    vscode.commands.registerCommand(
      'policyLens.importCodebook',
      guard(async (fileArg?: unknown) => {
        let file = fileArg instanceof vscode.Uri ? fileArg : undefined;
        if (!file) {
          const picked = await vscode.window.showOpenDialog({ title: l10n.t('Import a codebook'), filters: { 'REFI-QDA codebook': ['qdc'] }, canSelectMany: false });
          file = picked?.[0];
          if (!file) return undefined;
        }
        const cb = await importCodebook(file);
        if (!(fileArg instanceof vscode.Uri)) void vscode.window.showInformationMessage(l10n.t('The codebook has {0} codes.', cb.codes.length));
        return cb;
      }),
    ),
    vscode.commands.registerCommand(
      'policyLens.exportCodebook',
      guard(async (targetArg?: unknown) => {
        const root = firstFolder();
        let target = targetArg instanceof vscode.Uri ? targetArg : undefined;
        if (!target) {
          target = await vscode.window.showSaveDialog({ title: l10n.t('Export the codebook'), filters: { 'REFI-QDA codebook': ['qdc'] } });
          if (!target) return undefined;
        }
        await writeAtomic(target, codebookQdc(await store.codebook(root), { origin: 'Policy Lens (VS Code)' }));
        return target;
      }),
    ),
  );

  return {
    store,
    tree,
    highlighter,
    apply,
    autocode: doAutocode,
    agreement,
    exportQdpx: exportProject,
    importCodebook,
  };
}

/** The codings of another coder: every codings file in `folder` (or its `.policylens/codings`), by source. */
async function codingsIn(folder: vscode.Uri): Promise<Map<string, Coding[]>> {
  const nested = vscode.Uri.joinPath(folder, '.policylens', 'codings');
  const list = async (dir: vscode.Uri) => (await vscode.workspace.fs.readDirectory(dir)).filter(([n, t]) => t === vscode.FileType.File && n.endsWith('.json')).map(([n]) => n);
  let dir = folder;
  let names: string[];
  try {
    names = await list(nested);
    dir = nested;
  } catch {
    names = await list(folder);
  }
  const out = new Map<string, Coding[]>();
  for (const n of names) {
    const file = vscode.Uri.joinPath(dir, n);
    const data = parseCodingFile((await readText(file)) ?? '', fileLabel(file));
    out.set(data.source, [...(out.get(data.source) ?? []), ...data.codings]);
  }
  return out;
}

/** The last part of a URI's path. */
function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

/** The agreement as Markdown: kappa per code, and the disagreements to review. */
export function agreementMarkdown(r: AgreementResult, a: string, b: string, cb: Codebook | undefined): string {
  const name = (id: string) => (cb && findCode(cb, id) ? codePath(cb, id) : id);
  const k = (x: number | null) => (x === null ? '–' : x.toFixed(3));
  const out = [`# ${l10n.t('Agreement: {0} and {1}', a, b)}`, ''];
  out.push(l10n.t('Cohen\'s kappa per code over {0} units; mean kappa {1}, pooled kappa {2}.', r.unit, k(r.meanKappa), k(r.pooled.kappa)), '');
  out.push(`| ${l10n.t('Code')} | κ | p₀ | pₑ | ${l10n.t('both')} | ${l10n.t('only {0}', a)} | ${l10n.t('only {0}', b)} | ${l10n.t('neither')} |`, '|:---|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of r.perCode) {
    out.push(`| ${cell(name(c.code))} | ${k(c.kappa)} | ${k(c.po)} | ${k(c.pe)} | ${c.table.both} | ${c.table.onlyA} | ${c.table.onlyB} | ${c.table.neither} |`);
  }
  for (const c of r.perCode) {
    if (!c.disagreements.length) continue;
    out.push('', `## ${cell(name(c.code))}`, '', `| ${l10n.t('Document')} | ${l10n.t('Coded by')} | ${l10n.t('Passage')} |`, '|:---|:---|:---|');
    for (const d of c.disagreements) out.push(`| ${cell(d.source)} | ${d.coder === 'A' ? cell(a) : cell(b)} | ${cell(d.text).slice(0, 200)} |`);
    if (c.truncated) out.push('', '…');
  }
  if (r.skipped.A || r.skipped.B) out.push('', l10n.t('Not counted (orphaned or of other documents): {0} of {1}, {2} of {3}.', r.skipped.A, a, r.skipped.B, b));
  return out.join('\n') + '\n';
}
