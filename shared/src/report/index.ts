// Public surface of the annual report: model, derivation from records, checker, renderers, reader.
// (decode.ts and cli.ts are Node-only and not exported: the mini-program imports this package.)
export * from './model';
export * from './labels';
export { printedRows, printedRowKeys, type PrintedRow } from './layout';
export * from './derive';
export * from './rules';
export { checkReport, allRulesHold, allFailures } from './check';
export { findNarrativeFigures, findFiguresInText, type NarrativeFigure, type NarrativeFigureKey } from './narrative';
export { renderText } from './render-text';
export { renderMarkdown } from './render-markdown';
export { renderHtml, escapeHtml } from './render-html';
export { readReport, type ReadResult } from './read';
export { ReportReadError, type ReportReadFailure } from './errors';
export { toReportJson, parseReportJson, type ReportJson } from './json';
