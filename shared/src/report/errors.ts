// Why a text could not be read as an annual report at all (as opposed to a report that
// breaks its own rules, which the checker reports).

export type ReportReadFailure =
  /** Nothing but whitespace. */
  | 'empty'
  /** A PDF, Word or other binary file given as text. */
  | 'binary'
  /** Bytes that are neither UTF-8 nor GB18030 text. */
  | 'encoding'
  /** Text without the tables or the section headings of an annual report. */
  | 'not_a_report'
  /** A JSON report (for rendering) that does not have the report's shape. */
  | 'invalid_json';

export class ReportReadError extends Error {
  constructor(
    readonly reason: ReportReadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ReportReadError';
  }
}
