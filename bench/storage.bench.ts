/**
 * The data layer on both adapters. Baseline, measured in the same run on the same store: one `SELECT 1`
 * round trip. Each write is reported in ms and as a multiple of that round trip, so the figures travel
 * between machines. PostgreSQL runs when CLEARANCE_TEST_PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * answers; it creates and drops its own database.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/adapters/storage/open-store.ts';
import type { SqlStore } from '../src/adapters/storage/sql-store.ts';
import type { ListEntry } from '../src/core/screening/types.ts';

const ADMIN_URL = process.env['CLEARANCE_TEST_PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function perOp(count: number, body: (i: number) => Promise<unknown>): Promise<number> {
  await body(-1);
  const start = performance.now();
  for (let i = 0; i < count; i += 1) await body(i);
  return (performance.now() - start) / count;
}

function* entries(count: number): Generator<ListEntry> {
  for (let i = 0; i < count; i += 1) {
    yield { list: 'internal', sourceId: `B-${i}`, name: `Bench Entity ${i} Holdings Limited`, aliases: [`BE ${i}`], type: 'entity', countries: ['HK'], addresses: [{ text: `${i} Example Road`, country: 'HK' }], programs: [] };
  }
}

async function measure(label: string, store: SqlStore): Promise<void> {
  const ping = await perOp(300, () => store.ping());
  const record = await perOp(200, (i) => store.determinations.record({
    subjectKind: 'bench', subjectId: randomUUID(), inputs: { i, line: { item: 'nvidia-h20', quantity: 8 } }, outputs: { outcome: 'license-required', reasons: ['x'] },
    ruleSetVersion: 'bench', listVersions: {}, asOf: '2026-11-27', actor: 'bench', idempotencyKey: `bench:${label}:${i}`,
  }));
  const batches = 10;
  const perBatch = 20;
  const tb = performance.now();
  for (let b = 0; b < batches; b += 1) {
    await store.determinations.recordMany(Array.from({ length: perBatch }, (_, i) => ({
      subjectKind: 'bench', subjectId: randomUUID(), inputs: { i, line: { item: 'nvidia-h20', quantity: 8 } }, outputs: { outcome: 'license-required', reasons: ['x'] },
      ruleSetVersion: 'bench', listVersions: {}, asOf: '2026-11-27', actor: 'bench', idempotencyKey: `bench-many:${label}:${b}:${i}`,
    })));
  }
  const recordBatched = (performance.now() - tb) / (batches * perBatch);
  const concurrentCount = 200;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrentCount }, (_, i) => store.audit.append({ actor: 'bench', action: 'bench.parallel', subject: `b:${i}`, details: { i } })));
  const appendParallel = (performance.now() - t0) / concurrentCount;
  const raise = await perOp(200, (i) => store.alerts.raise({
    subjectKey: `bench:${i % 50}`, subject: { name: 'x' }, list: 'internal', sourceId: `B-${i % 50}`, entryFingerprint: 'f', listVersionId: null, score: 0.9, match: {},
  }));
  const N = 20_000;
  const t1 = performance.now();
  await store.lists.importVersion({
    source: 'internal', format: 'internal-csv', publishedAt: null, publishedAtBasis: null, origin: 'bench.csv',
    files: [{ name: 'bench.csv', sha256: randomBytes(32).toString('hex'), bytes: 1, rows: N }], entries: entries(N), warnings: [],
  }, { now: new Date(), allowShrink: true });
  const importMs = performance.now() - t1;
  const t2 = performance.now();
  const active = await store.lists.active();
  const loadMs = performance.now() - t2;
  const t3 = performance.now();
  const verdict = await store.audit.verify();
  const verifyMs = performance.now() - t3;
  const row = (what: string, ms: number) => `| ${label} | ${what} | ${ms.toFixed(2)} ms | ${(ms / ping).toFixed(1)}× |`;
  process.stdout.write([
    row('SELECT 1 round trip (baseline)', ping),
    row('determination + audit event (one transaction)', record),
    row(`determination + audit event, ${perBatch} per transaction (per determination)`, recordBatched),
    row(`audit append, ${concurrentCount} concurrent writers (per event)`, appendParallel),
    row('alert raise (idempotent, mostly repeats)', raise),
    `| ${label} | list import, ${N} entries | ${(importMs / 1000).toFixed(2)} s (${Math.round(N / (importMs / 1000))} entries/s) | — |`,
    `| ${label} | load active list (${active.entries.length} entries) | ${Math.round(loadMs)} ms | — |`,
    `| ${label} | audit verify, ${verdict.events} events | ${Math.round(verifyMs)} ms (${Math.round(verdict.events / (verifyMs / 1000))} events/s) | — |`,
  ].join('\n') + '\n');
}

export async function run(): Promise<void> {
  process.stdout.write('| store | operation | time | × round trip |\n|---|---|---|---|\n');
  const dir = mkdtempSync(join(tmpdir(), 'clearance-bench-'));
  try {
    const t = performance.now();
    const store = await openStore({ dataDir: dir });
    process.stdout.write(`| PGlite | open + migrate (cold) | ${Math.round(performance.now() - t)} ms | — |\n`);
    try {
      await measure('PGlite', store);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const name = `clearance_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    process.stdout.write(`(PostgreSQL skipped: nothing answers at CLEARANCE_TEST_PG_ADMIN_URL)\n`);
    return;
  }
  try {
    // The name is generated from hex digits only; DDL cannot bind identifiers.
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const store = await openStore({ databaseUrl: url.toString() });
    try {
      await measure('PostgreSQL', store);
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}
