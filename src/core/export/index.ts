/** Exports: the comparison (CSV, JSON, Markdown) and REFI-QDA (.qdpx project, .qdc codebook). */
export { analyzeCsv, comparisonCsv, comparisonJson, comparisonMarkdown, csvField, csvLine } from './comparison';
export type { ReportOptions } from './comparison';
export { buildProject, exportQdpx, codebookQdc, importQdc, PROJECT_NS, CODEBOOK_NS } from './qdpx';
export type { QdpxBuild, QdpxProject, QdpxSource, QdpxStats } from './qdpx';
export { XmlWriter, parseXml, escapeAttr, escapeText, XmlError } from './xml';
export type { XmlElement } from './xml';
