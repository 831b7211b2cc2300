/**
 * Coding in the PDF viewer: the two halves meet here, whichever registers first. The PDF viewer
 * (../pdf/pdfEditor.ts) offers its active document's extracted text, analysis and text-layer selection and draws
 * codings; the coding module (./index.ts) stores codings against that text and says which ones to draw.
 */
import type * as vscode from 'vscode';
import type { DocumentAnalysis } from '../../core';
import type { CodingMark } from '../pdf/protocol';

/** A PDF open in the viewer, as far as coding is concerned. */
export interface PdfCodable {
  readonly uri: vscode.Uri;
  /** The extracted text of the whole document (undefined while it is being read). */
  text(): string | undefined;
  analysis(): DocumentAnalysis | undefined;
  /** The viewer's text-layer selection as [start, end) of `text()` (undefined: nothing selected, or not ready). */
  selection(): Promise<{ start: number; end: number } | undefined>;
}

export interface PdfCodingViewer {
  /** The PDF whose viewer is the active editor. */
  active(): PdfCodable | undefined;
  /** Sends the codings of `uri` (every PDF when undefined) to its viewers again. */
  refresh(uri?: vscode.Uri): void;
}

export interface PdfCodingProvider {
  /** What to draw for a PDF whose extracted text is `text`. */
  codingsFor(uri: vscode.Uri, text: string): Promise<CodingMark[]>;
  /** The PDF's last viewer closed (its codings are saved as they are made). */
  closed(uri: vscode.Uri): void;
}

let viewer: PdfCodingViewer | undefined;
let provider: PdfCodingProvider | undefined;

export function setPdfCodingViewer(v: PdfCodingViewer | undefined): void {
  viewer = v;
  v?.refresh();
}

export function setPdfCodingProvider(p: PdfCodingProvider | undefined): void {
  provider = p;
  viewer?.refresh();
}

export const pdfCodingViewer = (): PdfCodingViewer | undefined => viewer;
export const pdfCodingProvider = (): PdfCodingProvider | undefined => provider;
