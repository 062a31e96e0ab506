import type { Context } from 'hono';
import type { AuditEvent, JsonObject } from '../../ports/store.ts';
import type { AppDeps } from './deps.ts';
import type { AppEnv } from './env.ts';

/** Records a decision made through the API, attributed to the key holder. */
export function recordDecision(deps: AppDeps, c: Context<AppEnv>, action: string, subject: string, details: JsonObject): Promise<AuditEvent> {
  const principal = c.get('principal');
  return deps.store.audit.append({
    actor: principal.owner,
    action,
    subject,
    details: { ...details, keyId: principal.keyId, role: principal.role, requestId: c.get('requestId') },
  });
}
