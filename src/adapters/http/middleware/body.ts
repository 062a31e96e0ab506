import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';

export interface BodyPolicy {
  /** Largest body in bytes for this request path and method. */
  readonly limitFor: (method: string, path: string) => number;
}

// JSON must be UTF-8 (RFC 8259); uploaded list files may be Windows-1252, and their parsers handle that.
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const NUL_ESCAPE = /\\u0000/i;
const LONE_HIGH = /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})/;
const LONE_LOW = /(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;

/**
 * JSON may spell characters PostgreSQL text and jsonb refuse (NUL, unpaired UTF-16 surrogates); such a
 * body is bad input, and must not surface later as a database error.
 */
export function unstorableEscape(json: string): string | null {
  if (NUL_ESCAPE.test(json)) return 'a NUL character (\\u0000)';
  if (LONE_HIGH.test(json) || LONE_LOW.test(json)) return 'an unpaired UTF-16 surrogate escape';
  return null;
}

function tooLarge(limit: number): Error {
  return problem('payload_too_large', `request body is larger than ${limit} bytes`, { field: 'body', accepted: `at most ${limit} bytes` });
}

/**
 * Reads the body once, under a size limit (declared length checked before reading, actual length while
 * reading), and refuses JSON bodies that are not valid UTF-8 instead of silently replacing bytes.
 */
export function readBody(policy: BodyPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (raw.body === null) return next();
    const limit = policy.limitFor(c.req.method, c.req.path);
    const declared = raw.headers.get('content-length');
    if (declared !== null && !raw.headers.has('transfer-encoding')) {
      const length = Number(declared);
      if (!Number.isSafeInteger(length) || length < 0) throw problem('invalid_input', 'Content-Length is not a valid length', { field: 'content-length' });
      if (length > limit) throw tooLarge(limit);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = raw.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    const mediaType = (raw.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (JSON_TYPE.test(mediaType)) {
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        throw problem('invalid_input', 'request body is not valid UTF-8', { field: 'body', accepted: 'UTF-8 text' });
      }
      const unstorable = unstorableEscape(text);
      if (unstorable !== null) throw problem('invalid_input', `request body contains ${unstorable}, which cannot be stored`, { field: 'body', accepted: 'text without NUL characters or unpaired surrogates' });
    }
    // Built from parts: the Node adapter's request object is not a WHATWG Request that `new Request(raw)` accepts.
    c.req.raw = new Request(raw.url, { method: raw.method, headers: raw.headers, body: bytes, signal: raw.signal });
    await next();
  };
}
