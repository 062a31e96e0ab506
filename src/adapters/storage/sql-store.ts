import type { Store } from '../../ports/store.ts';
import { alertRepository } from './alerts.ts';
import { apiKeyRepository } from './api-keys.ts';
import { auditRepository } from './audit-log.ts';
import { determinationRepository } from './determinations.ts';
import { jobRepository } from './jobs.ts';
import { itemRepository, orderRepository, partyRepository } from './parties-items-orders.ts';
import type { SqlClient } from './sql-client.ts';
import { SqlListStore } from './sql-list-store.ts';

/** A store backed by SQL: everything happens in the one PostgreSQL dialect both drivers speak. */
export interface SqlStore extends Store {
  /** The SQL client underneath, for the list store, the job queue and tests. */
  readonly sql: SqlClient;
  readonly lists: SqlListStore;
}

export function sqlStore(sql: SqlClient): SqlStore {
  return {
    kind: sql.kind,
    location: sql.location,
    sql,
    parties: partyRepository(sql),
    items: itemRepository(sql),
    orders: orderRepository(sql),
    determinations: determinationRepository(sql),
    alerts: alertRepository(sql),
    keys: apiKeyRepository(sql),
    jobs: jobRepository(sql),
    audit: auditRepository(sql),
    lists: new SqlListStore(sql),
    async ping() {
      const { rows } = await sql.query('SELECT 1 AS ok');
      return rows.length === 1;
    },
    close: () => sql.close(),
  };
}
