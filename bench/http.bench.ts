/**
 * The HTTP API under load, on loopback only: requests/s and p50/p99 latency for single-party screening
 * and single determinations, each measured three ways in the same run:
 *   1. engine      — the pure call (screener.screen / decideLine), no validation, no database: the baseline;
 *   2. in-process  — the same request through the whole app with `app.request()` (auth, zod, alerts and
 *                    determinations written to the embedded database) but no socket;
 *   3. HTTP        — the same request over a real socket to 127.0.0.1 (keep-alive), at concurrency 1 and 8.
 * Bounded request counts. Lists: the 2026-07-31 Consolidated Screening List from the shared data when
 * present, else a synthetic list of the same shape (the figures then say so).
 */
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { createApp } from '../src/adapters/http/app.ts';
import { DEFAULT_HTTP_CONFIG } from '../src/adapters/http/deps.ts';
import { screeningCache } from '../src/adapters/http/screening-cache.ts';
import { listen } from '../src/adapters/http/server.ts';
import { isoDate } from '../src/core/calendar/iso-date.ts';
import { findChip } from '../src/core/catalog/catalog.ts';
import { classify } from '../src/core/classification/classify.ts';
import { ClassificationCache } from '../src/core/determination/classification-context.ts';
import { parseOrderLine } from '../src/core/determination/parse-order-line.ts';
import { decideLine, partyScreenings, screenLineParties } from '../src/adapters/jobs/order-line.ts';
import { parseListFiles } from '../src/adapters/lists/detect.ts';
import { openStore } from '../src/adapters/storage/open-store.ts';
import type { ListEntry } from '../src/core/screening/types.ts';
import { missingShared, sharedPath } from '../tests/support/shared-data.ts';

const SCREEN_REQUESTS = 400;
const DETERMINE_REQUESTS = 300;
const CLASSIFY_REQUESTS = 300;
const WARMUP = 30;
const CONCURRENCY = [1, 8] as const;
const CSL = 'data/lists/csl_2026-07-31/consolidated.csv';

interface Figures {
  readonly label: string;
  readonly count: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Runs `count` calls of `call(i)` with `concurrency` in flight; latency per call, throughput over the whole. */
async function measure(label: string, count: number, concurrency: number, call: (i: number) => Promise<void>): Promise<Figures> {
  for (let i = 0; i < WARMUP; i += 1) await call(i);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        const t0 = performance.now();
        await call(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, count, perSecond: count / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}

function print(title: string, rows: readonly Figures[]): void {
  const base = rows[0];
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${'path'.padEnd(34)} ${'requests'.padStart(8)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}  vs engine\n`);
  for (const r of rows) {
    const ratio = r === base || base === undefined ? 'baseline' : `${(base.perSecond / r.perSecond).toFixed(1)}× slower`;
    process.stdout.write(
      `${r.label.padEnd(34)} ${String(r.count).padStart(8)} ${Math.round(r.perSecond).toLocaleString('en-US').padStart(9)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)}  ${ratio}\n`,
    );
  }
}

/** A synthetic list shaped like the CSL's entity rows, for machines without the shared data. */
function syntheticList(n: number): string {
  const words = ['Aurora', 'Bastion', 'Cobalt', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Indigo', 'Juniper', 'Krypton', 'Lumen', 'Meridian', 'Nimbus', 'Orion', 'Pioneer'];
  const kinds = ['Technologies', 'Electronics', 'Trading', 'Microsystems', 'Logistics', 'Semiconductor', 'Industrial', 'Research Institute'];
  const rows = ['id,name,aliases,type,countries,address,reason'];
  for (let i = 0; i < n; i += 1) {
    const name = `${words[i % words.length]} ${words[Math.floor(i / words.length) % words.length]} ${kinds[i % kinds.length]} Co Ltd ${i}`;
    rows.push(`S-${i},${name},,entity,${['CN', 'RU', 'IR', 'HK', 'AE'][i % 5]},,synthetic`);
  }
  return rows.join('\n');
}

function queriesFrom(entries: readonly ListEntry[]): { name: string; country?: string }[] {
  const picked = entries.filter((e) => e.type === 'entity').filter((_, i) => i % 7 === 0).slice(0, 200);
  const queries: { name: string; country?: string }[] = [];
  picked.forEach((e, i) => {
    // Hits (as listed, or with a changed legal form) mixed with names that match nothing.
    const country = e.countries[0];
    if (i % 3 === 0) queries.push({ name: `${e.name.replace(/\b(co\.?|ltd\.?|limited|llc|inc\.?)\b/gi, '').trim()} Limited` });
    else queries.push({ name: e.name, ...(country === undefined ? {} : { country }) });
    queries.push({ name: `Harbourview Bakery Supplies ${i}`, country: 'CA' });
  });
  return queries;
}

const BOOK_LINES = [
  ['2026-03-02', 'nvidia-h100-sxm5-80gb', 'CN', 'CN', 'Example Compute Co'],
  ['2026-03-02', 'nvidia-h20', 'SG', 'SG', 'Orchard Cloud Pte Ltd'],
  ['2025-09-01', 'nvidia-rtx-4090', 'DE', 'DE', 'Rhein Render GmbH'],
  ['2024-11-05', 'amd-mi300x', 'AE', 'AE', 'Gulf AI Labs LLC'],
  ['2026-02-10', 'nvidia-l40s', 'MY', 'CN', 'Straits Integration Sdn Bhd'],
] as const;

function orderLine(i: number): Record<string, string> {
  const [date, item, to, country, user] = BOOK_LINES[i % BOOK_LINES.length]!;
  return { order_id: `BENCH-${i}`, order_date: date, item, quantity: '8', ship_to_country: to, end_user: user, end_user_country: country };
}

export async function run(): Promise<void> {
  const missing = missingShared(CSL);
  const file = missing === null ? { name: 'consolidated.csv', bytes: new Uint8Array(await readFile(sharedPath(CSL))) } : { name: 'synthetic.csv', bytes: new TextEncoder().encode(syntheticList(5_000)) };
  if (missing !== null) process.stdout.write(`${missing}; using a synthetic list of 5,000 entries\n`);

  const store = await openStore({ dataDir: 'memory://' });
  try {
    for (const input of parseListFiles([file], file.name).imports) await store.lists.importVersion(input, { now: new Date() });
    const cache = screeningCache(store.lists);
    const active = await cache.current();
    if (active === null) throw new Error('no list loaded');
    const versions = active.versions.map((v) => `${v.source} (${v.entryCount.toLocaleString('en-US')} entries)`);
    process.stdout.write(`lists: ${missing === null ? `${CSL} — ` : ''}${versions.join('; ')}; screener over ${active.screener.entryCount.toLocaleString('en-US')} entries\n`);

    const key = (await store.keys.create({ owner: 'bench', role: 'analyst' })).key;
    const app = createApp({
      store,
      lists: store.lists,
      screening: cache.current,
      listsChanged: cache.invalidate,
      now: () => new Date(),
      config: { ...DEFAULT_HTTP_CONFIG, rateLimit: null },
      log: (line) => process.stderr.write(`${line}\n`),
    });
    const server = await listen(app, { host: '127.0.0.1', port: 0, log: (line) => process.stderr.write(`${line}\n`) });
    // A fresh keep-alive pool per HTTP run: sockets idle through an in-process run would hit the server's keep-alive timeout.
    let agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const freshAgent = (): void => {
      agent.destroy();
      agent = new Agent({ keepAlive: true, maxSockets: 16 });
    };
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };

    const overHttp = (path: string, body: string): Promise<void> =>
      new Promise((done, fail) => {
        const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (res) => {
          res.resume();
          res.on('end', () => (res.statusCode !== undefined && res.statusCode < 300 ? done() : fail(new Error(`${path}: ${res.statusCode}`))));
        });
        req.on('error', fail);
        req.end(body);
      });
    const inProcess = async (path: string, body: string): Promise<void> => {
      const res = await app.request(path, { method: 'POST', headers, body });
      await res.arrayBuffer();
      if (res.status >= 300) throw new Error(`${path}: ${res.status}`);
    };

    try {
      const queries = queriesFrom((await store.lists.active()).entries);
      const q = (i: number) => queries[i % queries.length] ?? { name: 'x' };
      const screenBody = (i: number) => JSON.stringify(q(i));
      const screening: Figures[] = [
        await measure('engine: screener.screen()', SCREEN_REQUESTS, 1, async (i) => {
          active.screener.screen(q(i), { limit: 10 });
        }),
        await measure('in-process: app.request()', SCREEN_REQUESTS, 1, (i) => inProcess('/v1/screen', screenBody(i))),
      ];
      for (const c of CONCURRENCY) {
        freshAgent();
        screening.push(await measure(`HTTP 127.0.0.1, concurrency ${c}`, SCREEN_REQUESTS, c, (i) => overHttp('/v1/screen', screenBody(i))));
      }
      print(`POST /v1/screen — one party (${queries.length} distinct queries, about a third hits)`, screening);

      const classifications = new ClassificationCache();
      const determineBody = (i: number) => JSON.stringify({ line: orderLine(i) });
      const determination: Figures[] = [
        await measure('engine: parse + screen + decide', DETERMINE_REQUESTS, 1, async (i) => {
          const parsed = parseOrderLine(orderLine(i), 1);
          if (!parsed.ok) throw new Error('bad bench line');
          const parties = screenLineParties(parsed.value, active.screener);
          decideLine({ line: parsed.value, asOf: null, regime: 'enforced', screening: partyScreenings(parties, []) }, classifications);
        }),
        await measure('in-process: app.request()', DETERMINE_REQUESTS, 1, (i) => inProcess('/v1/determinations', determineBody(i))),
      ];
      for (const c of CONCURRENCY) {
        freshAgent();
        determination.push(await measure(`HTTP 127.0.0.1, concurrency ${c}`, DETERMINE_REQUESTS, c, (i) => overHttp('/v1/determinations', determineBody(i))));
      }
      print('POST /v1/determinations — one order line (classified, parties screened, recorded with its audit event)', determination);
      const classifyBody = (i: number) => JSON.stringify({ item: BOOK_LINES[i % BOOK_LINES.length]![1], asOf: '2026-03-02' });
      const classification: Figures[] = [
        await measure('engine: classify()', CLASSIFY_REQUESTS, 1, async (i) => {
          const spec = findChip(BOOK_LINES[i % BOOK_LINES.length]![1]);
          if (spec !== undefined) classify(spec, isoDate('2026-03-02'));
        }),
        await measure('in-process: app.request()', CLASSIFY_REQUESTS, 1, (i) => inProcess('/v1/classify', classifyBody(i))),
      ];
      for (const c of CONCURRENCY) {
        freshAgent();
        classification.push(await measure(`HTTP 127.0.0.1, concurrency ${c}`, CLASSIFY_REQUESTS, c, (i) => overHttp('/v1/classify', classifyBody(i))));
      }
      print('POST /v1/classify — for contrast: no database write, only the API-key lookup', classification);
      process.stdout.write(
        '\nThe engine rows are pure calls; the API rows also authenticate, validate, write alerts/parties or the determination and its audit event to the embedded database (PGlite, in memory here), and serialise JSON.\n',
      );
    } finally {
      agent.destroy();
      await server.close();
    }
  } finally {
    await store.close();
  }
}
