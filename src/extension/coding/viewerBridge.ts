/**
 * Coding in the document viewers (PDF, DOCX): the two halves meet here, whichever registers first. A viewer
 * (../viewer/provider.ts) offers its active document's extracted text, analysis and selection and draws codings;
 * the coding module (./index.ts) stores codings against that text and says which ones to draw.
 */
import type * as vscode from 'vscode';
import type { DocumentAnalysis } from '../../core';
import type { CodingMark } from '../viewer/protocol';

/** A document open in a viewer, as far as coding is concerned. */
export interface ViewerCodable {
  readonly uri: vscode.Uri;
  readonly format: 'pdf' | 'docx';
  /** The extracted text of the whole document (undefined while it is being read). */
  text(): string | undefined;
  analysis(): DocumentAnalysis | undefined;
  /** The viewer's selection as [start, end) of `text()` (undefined: nothing selected, or not ready). */
  selection(): Promise<{ start: number; end: number } | undefined>;
}

export interface CodingViewer {
  /** The document whose viewer is the active editor. */
  active(): ViewerCodable | undefined;
  /** Sends the codings of `uri` (every document when undefined) to its viewers again. */
  refresh(uri?: vscode.Uri): void;
}

export interface CodingProvider {
  /** What to draw for a document whose extracted text is `text`. */
  codingsFor(uri: vscode.Uri, text: string): Promise<CodingMark[]>;
  /** The document's last viewer closed (its codings are saved as they are made). */
  closed(uri: vscode.Uri): void;
}

const viewers = new Set<CodingViewer>();
let provider: CodingProvider | undefined;

/** Registers a viewer (until the returned function is called). */
export function addCodingViewer(v: CodingViewer): () => void {
  viewers.add(v);
  v.refresh();
  return () => viewers.delete(v);
}

export function setCodingProvider(p: CodingProvider | undefined): void {
  provider = p;
  for (const v of viewers) v.refresh();
}

/** The document of the viewer that is the active editor, if any. */
export function activeCodable(): ViewerCodable | undefined {
  for (const v of viewers) {
    const a = v.active();
    if (a) return a;
  }
  return undefined;
}

export function refreshCodingViewers(uri?: vscode.Uri): void {
  for (const v of viewers) v.refresh(uri);
}

export const codingProvider = (): CodingProvider | undefined => provider;
