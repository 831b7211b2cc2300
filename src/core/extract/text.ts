import { ExtractedDocument } from '../types';

/**
 * Plain text and Markdown: the text is analysed as it is (offsets are offsets into the file's text), only a
 * leading byte-order mark is dropped. CRLF line ends are kept; the segmenter treats "\r\n" as one line end.
 */
export function extractPlain(text: string, format: 'txt' | 'md'): ExtractedDocument {
  const warnings: string[] = [];
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) warnings.push('The file contains NUL characters; it may not be a text file.');
  return {
    text,
    format,
    pages: 1,
    pageSpans: [{ page: 1, start: 0, end: text.length }],
    excluded: [],
    warnings,
  };
}
