/** The extension's settings (contributes.configuration in package.json), read in one place. */
import * as vscode from 'vscode';
import { CATEGORIES, Category, DEFAULT_LIMITS, LIMIT_NAMES, resolveLimits } from '../core';
import type { Limits } from '../core';

export type AnalyzeOn = 'onType' | 'onSave' | 'manual';
export type LanguagePreference = 'auto' | 'nb' | 'nn';

export interface Settings {
  categories: Record<Category, boolean>;
  analyzeOn: AnalyzeOn;
  debounceMs: number;
  documentSelector: string[];
  lexiconFiles: string[];
  language: LanguagePreference;
  publishDiagnostics: boolean;
  /** Resource limits (policyLens.limits.*), passed to every analysis: editor, PDF viewer, audit, concordance. */
  limits: Limits;
}

export const SECTION = 'policyLens';

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const categories = {} as Record<Category, boolean>;
  for (const cat of CATEGORIES) categories[cat] = c.get<boolean>(`categories.${cat}`, true) !== false;
  const analyzeOn = c.get<string>('analyzeOn', 'onType');
  const language = c.get<string>('language', 'auto');
  const debounce = Number(c.get<number>('debounceMs', 400));
  return {
    categories,
    analyzeOn: analyzeOn === 'onSave' || analyzeOn === 'manual' ? analyzeOn : 'onType',
    debounceMs: Number.isFinite(debounce) ? Math.min(Math.max(debounce, 0), 10_000) : 400,
    documentSelector: stringArray(c.get('documentSelector')),
    lexiconFiles: trustedLexiconFiles(c),
    language: language === 'nb' || language === 'nn' ? language : 'auto',
    publishDiagnostics: c.get<boolean>('publishDiagnostics', false) === true,
    limits: readLimits(c),
  };
}

/** policyLens.limits.*: each a positive number, else its default. */
function readLimits(c: vscode.WorkspaceConfiguration): Limits {
  const given: Partial<Limits> = {};
  for (const k of LIMIT_NAMES) given[k] = Number(c.get<number>(`limits.${k}`, DEFAULT_LIMITS[k]));
  return resolveLimits(given);
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : [];
}

/**
 * Lexicon files are code-like input (they change what the analysis says). In an untrusted workspace only the
 * user's own setting counts; the manifest also lists the setting under `restrictedConfigurations`, so VS Code
 * itself ignores workspace values there. Checked here as well, for hosts that do not.
 */
function trustedLexiconFiles(c: vscode.WorkspaceConfiguration): string[] {
  if (vscode.workspace.isTrusted) return stringArray(c.get('lexiconFiles'));
  return stringArray(c.inspect<string[]>('lexiconFiles')?.globalValue);
}

/** Markdown and plain text, plus the user's extra glob patterns. */
/**
 * The file systems whose Markdown and plain-text documents are analysed: local files and new ones, and in the browser
 * the remote workspace (code-server, Codespaces: vscode-remote) and virtual ones (github.dev: vscode-vfs;
 * @vscode/test-web: vscode-test-web). Not diff views' or other extensions' virtual documents.
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];

export function documentSelector(s: Settings): vscode.DocumentFilter[] {
  const filters: vscode.DocumentFilter[] = [];
  for (const language of ['markdown', 'plaintext']) for (const scheme of DOCUMENT_SCHEMES) filters.push({ language, scheme });
  for (const pattern of s.documentSelector) filters.push({ pattern });
  return filters;
}
