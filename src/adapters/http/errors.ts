import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { ClearanceError, type ErrorCode, type FieldIssue } from '../../core/errors.ts';

/** The one error body every route answers with: `{error: {code, message, field?, issues?}}`. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    readonly field?: string;
    readonly accepted?: string;
    readonly issues?: readonly FieldIssue[];
  };
}

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unknown_item: 422,
  unknown_country: 422,
  insufficient_data: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  payload_too_large: 413,
  rate_limited: 429,
  list_integrity: 422,
  network_unavailable: 503,
  internal: 500,
};

export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code];
}

export function errorBody(code: ErrorCode, message: string, extra: { field?: string | undefined; accepted?: string | undefined; issues?: readonly FieldIssue[] } = {}): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(extra.field === undefined ? {} : { field: extra.field }),
      ...(extra.accepted === undefined ? {} : { accepted: extra.accepted }),
      ...(extra.issues !== undefined && extra.issues.length > 1 ? { issues: extra.issues } : {}),
    },
  };
}

export function bodyForClearanceError(error: ClearanceError): ErrorBody {
  const first = error.issues[0];
  return errorBody(error.code, error.message, { field: error.field ?? first?.field, accepted: first?.accepted, issues: error.issues });
}

/** `["parties", 0, "name"]` → `parties[0].name`, the way a client writes the path. */
export function fieldPath(path: readonly PropertyKey[]): string | undefined {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? undefined : out;
}

export function issuesFromZod(error: ZodError, target: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const field = fieldPath(issue.path) ?? (target === 'json' ? 'body' : target);
    return { code: 'invalid_input', field, message: issue.message };
  });
}

/** A ClearanceError with the field and the accepted values recorded in its single issue. */
export function problem(code: ErrorCode, message: string, detail: { field?: string; accepted?: string } = {}): ClearanceError {
  const issue: FieldIssue = {
    code,
    message,
    ...(detail.field === undefined ? {} : { field: detail.field }),
    ...(detail.accepted === undefined ? {} : { accepted: detail.accepted }),
  };
  return new ClearanceError(code, message, { issues: [issue], ...(detail.field === undefined ? {} : { field: detail.field }) });
}
