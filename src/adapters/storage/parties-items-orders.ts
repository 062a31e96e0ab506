import { randomUUID } from 'node:crypto';
import type {
  ItemRecord, ItemRepository, OrderRecord, OrderRepository, PartyRecord, PartyRepository,
} from '../../ports/store.ts';
import { Conditions } from './conditions.ts';
import { cursorSeq, instant, jsonObject, jsonParam, num, optStr, pageLimit, str } from './rows.ts';
import type { SqlClient, SqlExecutor, SqlRow } from './sql-client.ts';

const PARTY_COLUMNS = 'id, seq, name, country, address, external_ref, attributes, created_at';

export function partyRepository(db: SqlClient): PartyRepository {
  return {
    async upsert(input) {
      const values = [input.name, input.country ?? null, input.address ?? null, jsonParam(input.attributes ?? {})];
      const { rows } = input.externalRef === undefined
        ? await db.query(
            `INSERT INTO parties (id, name, country, address, attributes) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING ${PARTY_COLUMNS}`,
            [randomUUID(), ...values],
          )
        : await db.query(
            `INSERT INTO parties (id, name, country, address, attributes, external_ref) VALUES ($1, $2, $3, $4, $5::jsonb, $6)
             ON CONFLICT (external_ref) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country,
               address = EXCLUDED.address, attributes = EXCLUDED.attributes
             RETURNING ${PARTY_COLUMNS}`,
            [randomUUID(), ...values, input.externalRef],
          );
      return toParty(first(rows));
    },
    async get(id) {
      if (!isUuid(id)) return null;
      const { rows } = await db.query(`SELECT ${PARTY_COLUMNS} FROM parties WHERE id = $1`, [id]);
      return rows[0] === undefined ? null : toParty(rows[0]);
    },
    async list(page = {}) {
      const c = new Conditions().add('seq > ?', cursorSeq(page.after));
      const limit = pageLimit(page.limit);
      const { rows } = await db.query(`SELECT ${PARTY_COLUMNS} FROM parties ${c.where} ORDER BY seq LIMIT ${c.bind(limit + 1)}`, c.params);
      const kept = rows.slice(0, limit);
      const last = kept[kept.length - 1];
      return { items: kept.map(toParty), next: rows.length > limit && last !== undefined ? str(last, 'seq') : null };
    },
  };
}

function toParty(row: SqlRow): PartyRecord {
  const country = optStr(row, 'country');
  const address = optStr(row, 'address');
  const externalRef = optStr(row, 'external_ref');
  return {
    id: str(row, 'id'),
    name: str(row, 'name'),
    ...(country === null ? {} : { country }),
    ...(address === null ? {} : { address }),
    ...(externalRef === null ? {} : { externalRef }),
    attributes: jsonObject(row, 'attributes'),
    createdAt: instant(row, 'created_at'),
  };
}

const ITEM_COLUMNS = 'id, sku, description, attributes, created_at';

export function itemRepository(db: SqlClient): ItemRepository {
  return {
    async upsert(input) {
      const { rows } = await db.query(
        `INSERT INTO items (id, sku, description, attributes) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (sku) DO UPDATE SET description = EXCLUDED.description, attributes = EXCLUDED.attributes
         RETURNING ${ITEM_COLUMNS}`,
        [randomUUID(), input.sku, input.description ?? null, jsonParam(input.attributes)],
      );
      return toItem(first(rows));
    },
    async getBySku(sku) {
      const { rows } = await db.query(`SELECT ${ITEM_COLUMNS} FROM items WHERE sku = $1`, [sku]);
      return rows[0] === undefined ? null : toItem(rows[0]);
    },
  };
}

function toItem(row: SqlRow): ItemRecord {
  const description = optStr(row, 'description');
  return {
    id: str(row, 'id'),
    sku: str(row, 'sku'),
    ...(description === null ? {} : { description }),
    attributes: jsonObject(row, 'attributes'),
    createdAt: instant(row, 'created_at'),
  };
}

export function orderRepository(db: SqlClient): OrderRepository {
  return {
    create: (input) =>
      db.transaction(async (tx) => {
        const id = randomUUID();
        const inserted = await tx.query(
          `INSERT INTO orders (id, reference, customer_party_id, destination_country) VALUES ($1, $2, $3, $4)
           ON CONFLICT (reference) DO NOTHING RETURNING id`,
          [id, input.reference, input.customerPartyId ?? null, input.destinationCountry ?? null],
        );
        if (inserted.rows.length === 1) {
          for (const line of input.lines) {
            await tx.query(
              'INSERT INTO order_lines (id, order_id, line_no, item, quantity, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
              [randomUUID(), id, line.lineNo, line.item, line.quantity, jsonParam(line.data)],
            );
          }
        }
        const order = await loadOrder(tx, 'reference', input.reference);
        if (order === null) throw new Error(`order ${input.reference} vanished inside its own transaction`);
        return order;
      }),
    get: async (id) => (isUuid(id) ? loadOrder(db, 'id', id) : null),
    getByReference: (reference) => loadOrder(db, 'reference', reference),
  };
}

async function loadOrder(db: SqlExecutor, by: 'id' | 'reference', value: string): Promise<OrderRecord | null> {
  const sql = by === 'id'
    ? 'SELECT id, reference, customer_party_id, destination_country, created_at FROM orders WHERE id = $1'
    : 'SELECT id, reference, customer_party_id, destination_country, created_at FROM orders WHERE reference = $1';
  const { rows } = await db.query(sql, [value]);
  const row = rows[0];
  if (row === undefined) return null;
  const id = str(row, 'id');
  const lines = await db.query('SELECT id, order_id, line_no, item, quantity, data FROM order_lines WHERE order_id = $1 ORDER BY line_no', [id]);
  return {
    id,
    reference: str(row, 'reference'),
    customerPartyId: optStr(row, 'customer_party_id'),
    destinationCountry: optStr(row, 'destination_country'),
    createdAt: instant(row, 'created_at'),
    lines: lines.rows.map((l) => ({
      id: str(l, 'id'),
      orderId: str(l, 'order_id'),
      lineNo: num(l, 'line_no'),
      item: str(l, 'item'),
      quantity: num(l, 'quantity'),
      data: jsonObject(l, 'data'),
    })),
  };
}

export function first(rows: readonly SqlRow[]): SqlRow {
  const row = rows[0];
  if (row === undefined) throw new Error('expected a row from INSERT ... RETURNING');
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUID columns: anything else cannot exist, and must not reach the database as a cast error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
