/** Opt-in (`policyLens.publishDiagnostics`): findings as Information diagnostics in the Problems panel. */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { Category } from '../core';
import type { Entry } from './analysisService';
import { categoryLabel, deonticLabel } from './labels';

export class FindingDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('policyLens');

  update(doc: vscode.TextDocument, entry: Entry | undefined, enabled: Record<Category, boolean>, on: boolean): void {
    if (!on || !entry?.analysis) {
      this.collection.delete(doc.uri);
      return;
    }
    const a = entry.analysis;
    const list: vscode.Diagnostic[] = [];
    for (const s of entry.spans) {
      const f = s.finding;
      if (!enabled[f.category]) continue;
      const sentence = a.sentences[f.sentence];
      const range = new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
      const msg = sentence
        ? l10n.t('{0}: «{1}» ({2}, {3})', categoryLabel(f.category), f.text, deonticLabel(sentence.deontic), sentence.framing)
        : l10n.t('{0}: «{1}»', categoryLabel(f.category), f.text);
      const d = new vscode.Diagnostic(range, msg, vscode.DiagnosticSeverity.Information);
      d.source = 'Policy Lens';
      d.code = f.subtype ? `${f.category}/${f.subtype}` : f.category;
      list.push(d);
    }
    this.collection.set(doc.uri, list);
  }

  delete(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}
