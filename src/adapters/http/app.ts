import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { ClearanceError } from '../../core/errors.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { bodyForClearanceError, issuesFromZod } from './errors.ts';
import { authenticate } from './middleware/auth.ts';
import { readBody } from './middleware/body.ts';
import { notFound, onError } from './middleware/error-handler.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { requestId } from './middleware/request-id.ts';
import { urlGuard } from './middleware/url-guard.ts';
import { registerRoutes } from './routes/index.ts';

export const API_VERSION = '0.1.0';

/** Paths whose bodies are uploads (order books, list files, batches) and get the larger limit. */
const UPLOAD_PATHS = new Set(['/v1/orders/check', '/v1/lists/import', '/v1/screen/batch']);
/** Paths served without an API key. */
const PUBLIC_PATHS = new Set(['/health']);

/**
 * Builds the whole API over injected dependencies, with no socket: tests call `app.request()`,
 * `clearance serve` hands `app.fetch` to the Node server.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const error = ClearanceError.fromIssues(issuesFromZod(result.error, result.target));
        return c.json(bodyForClearanceError(error), 400);
      }
      return undefined;
    },
  });

  app.onError(onError(deps.log));
  app.notFound(notFound);

  app.use('*', requestId);
  app.use('*', secureHeaders());
  app.use('*', urlGuard);
  if (deps.config.cors !== null) {
    const allowed = new Set(deps.config.cors.origins);
    app.use('*', cors({ origin: (origin) => (allowed.has(origin) ? origin : null), allowHeaders: ['Authorization', 'X-API-Key', 'Content-Type'], maxAge: 600 }));
  }
  const auth = authenticate(deps.store.keys);
  app.use('*', async (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : auth(c, next)));
  if (deps.config.rateLimit !== null) {
    const limiter = rateLimit(deps.config.rateLimit, () => deps.now().getTime());
    app.use('*', async (c, next) => (PUBLIC_PATHS.has(c.req.path) ? next() : limiter(c, next)));
  }
  app.use(
    '*',
    readBody({ limitFor: (_method, path) => (UPLOAD_PATHS.has(path) ? deps.config.uploadLimitBytes : deps.config.bodyLimitBytes) }),
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'API key as a bearer token' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'apiKey', in: 'header', name: 'X-API-Key' });

  registerRoutes(app, deps);

  app.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Clearance API',
      version: API_VERSION,
      description: 'Export-control compliance for AI accelerators: classification, licence determination, restricted-party screening, alerts, audit trail.',
    },
    security: [{ bearer: [] }, { apiKey: [] }],
  });
  return app;
}
