/**
 * Reports shown as read-only Markdown documents (scheme `policylens-report`): the agreement of two coders, the
 * strategy ↔ letter thread. Kept in memory; opened with the Markdown preview.
 */
import * as vscode from 'vscode';

/** Read-only Markdown reports (`policylens-report:` documents): shown in the preview, never «unsaved». */
export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'policylens-report';
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  put(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: ReportDocuments.scheme, path: `/${name}` });
    this.texts.set(uri.path, text);
    this.emitter.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export const reports = new ReportDocuments();
