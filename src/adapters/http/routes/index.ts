import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { registerAlertRoutes } from './alerts.ts';
import { registerAuditRoutes } from './audit.ts';
import { registerClassifyRoutes } from './classify.ts';
import { registerDetermineRoutes } from './determine.ts';
import { registerHealthRoutes } from './health.ts';
import { registerJobRoutes } from './jobs.ts';
import { registerKeyRoutes } from './keys.ts';
import { registerListRoutes } from './lists.ts';
import { registerOrderRoutes } from './orders.ts';
import { registerScreenRoutes } from './screen.ts';

/** One module per route group; each registers its routes (and their OpenAPI entries) on the app. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerHealthRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerClassifyRoutes(app, deps);
  registerDetermineRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerKeyRoutes(app, deps);
  registerListRoutes(app, deps);
  registerOrderRoutes(app, deps);
  registerScreenRoutes(app, deps);
}
