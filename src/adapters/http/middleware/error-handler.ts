import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ClearanceError, type ErrorCode } from '../../../core/errors.ts';
import type { AppEnv } from '../env.ts';
import { bodyForClearanceError, errorBody, statusFor } from '../errors.ts';

export type ServerLog = (message: string) => void;

/** Hono's own exceptions carry safe, fixed messages; map their status onto our codes. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'internal' : 'invalid_input';
  }
}

function messageForHttpException(error: HTTPException): string {
  if (error.status === 413) return 'request body is too large';
  if (error.status === 415) return 'unsupported Content-Type: send application/json (or the media type the route documents)';
  if (error.status >= 500) return 'internal error';
  return error.message === '' ? 'bad request' : error.message;
}

/**
 * A request refused before its body was read leaves unread bytes on the connection; closing it (rather
 * than keeping it alive) stops a client from reusing a socket the server is about to drain and drop.
 */
function closeIfBodyPending(c: Context<AppEnv>): void {
  const headers = c.req.raw.headers;
  const length = Number(headers.get('content-length') ?? '0');
  if (headers.has('transfer-encoding') || (Number.isFinite(length) && length > 0)) c.header('Connection', 'close');
}

/** Every failure leaves as `{error: {code, message, field?}}`; stacks stay in the server log only. */
export function onError(log: ServerLog): ErrorHandler<AppEnv> {
  return (error: Error, c: Context<AppEnv>) => {
    closeIfBodyPending(c);
    if (error instanceof ClearanceError) {
      return c.json(bodyForClearanceError(error), statusFor(error.code));
    }
    if (error instanceof HTTPException) {
      const code = codeForStatus(error.status);
      const status = error.status === 415 ? 415 : statusFor(code);
      if (status >= 500) log(`[${c.get('requestId') ?? '-'}] ${error.stack ?? error.message}`);
      return c.json(errorBody(code, messageForHttpException(error)), status);
    }
    log(`[${c.get('requestId') ?? '-'}] ${c.req.method} ${c.req.path}: ${error.stack ?? String(error)}`);
    return c.json(errorBody('internal', `internal error (request ${c.get('requestId') ?? 'unknown'})`), 500);
  };
}

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  closeIfBodyPending(c);
  return c.json(errorBody('not_found', `no route for ${c.req.method} ${c.req.path}`), 404);
};
