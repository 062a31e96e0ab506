import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { problem } from '../errors.ts';

const MAX_URL_LENGTH = 8 * 1024;

/**
 * Refuses URLs whose path or query does not decode to clean UTF-8 text (bad percent-encoding, NUL),
 * so such values never reach a route or the database.
 */
export const urlGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const url = c.req.url;
  if (url.length > MAX_URL_LENGTH) throw problem('invalid_input', `the URL is longer than ${MAX_URL_LENGTH} characters`, { field: 'url' });
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const pathAndQuery = start < 0 ? '/' : url.slice(start);
  for (const part of pathAndQuery.split(/[?&=/]/)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      throw problem('invalid_input', 'the URL holds percent-encoding that is not valid UTF-8', { field: 'url' });
    }
    if (decoded.includes('\u0000')) throw problem('invalid_input', 'the URL holds a NUL character', { field: 'url' });
  }
  await next();
};
