/**
 * One closed set of error codes for every boundary (CLI, HTTP, storage).
 * Tests assert on `code`, never on the message text.
 */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_item',
  'unknown_country',
  'insufficient_data',
  'not_found',
  'conflict',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'rate_limited',
  'list_integrity',
  'network_unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A problem with one input field: which field, why, and what would have been accepted. */
export interface FieldIssue {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly message: string;
  readonly accepted?: string;
}

export class ClearanceError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, message: string, options: { field?: string; issues?: readonly FieldIssue[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClearanceError';
    this.code = code;
    this.field = options.field;
    this.issues = options.issues ?? [{ code, message, ...(options.field === undefined ? {} : { field: options.field }) }];
  }

  static fromIssues(issues: readonly FieldIssue[]): ClearanceError {
    const first = issues[0];
    const message = issues.map(formatIssue).join('; ');
    return new ClearanceError(first?.code ?? 'invalid_input', message, {
      issues,
      ...(first?.field === undefined ? {} : { field: first.field }),
    });
  }
}

export function formatIssue(issue: FieldIssue): string {
  const where = issue.field === undefined ? '' : `${issue.field}: `;
  const accepted = issue.accepted === undefined ? '' : ` (accepted: ${issue.accepted})`;
  return `${where}${issue.message}${accepted}`;
}
