import type { Command } from 'commander';
import { dataDir } from '../../adapters/config/data-dir.ts';
import { createApp } from '../../adapters/http/app.ts';
import { DEFAULT_HTTP_CONFIG, type HttpConfig } from '../../adapters/http/deps.ts';
import { watchDiskLists } from '../../adapters/http/lists-bridge.ts';
import { screeningCache } from '../../adapters/http/screening-cache.ts';
import { listen } from '../../adapters/http/server.ts';
import { startJobQueue, type JobQueue } from '../../adapters/jobs/job-queue.ts';
import { replayDetermination } from '../../adapters/jobs/replay.ts';
import { FsListStore, hasListStore } from '../../adapters/list-store-fs/fs-list-store.ts';
import { openStore, storeConfigFromEnv } from '../../adapters/storage/open-store.ts';
import { UsageError } from '../main.ts';

/** The port `clearance serve` uses when neither --port nor PORT is given. */
export const DEFAULT_PORT = 8417;
export const DEFAULT_HOST = '127.0.0.1';

interface ServeOptions {
  readonly host: string;
  readonly port?: string;
  readonly dataDir?: string;
  readonly corsOrigin?: readonly string[];
  readonly fourEyes: boolean;
  readonly rateLimit?: string;
  readonly inlineLimit?: string;
  readonly workers: boolean;
  readonly watchLists?: string;
}

export function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`${source} "${text}" is not a port (accepted: 0–65535; 0 picks a free port)`);
  }
  return port;
}

/** --port wins over PORT, which wins over the default. */
export function resolvePort(option: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  if (option !== undefined) return parsePort(option, '--port');
  const fromEnv = env['PORT']?.trim();
  return fromEnv !== undefined && fromEnv !== '' ? parsePort(fromEnv, 'PORT') : DEFAULT_PORT;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} "${text}" must be a positive number`);
  return n;
}

function nonNegative(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`${flag} "${text}" must be a number of seconds, 0 or more`);
  return n;
}

const DEFAULT_LIST_WATCH_SECONDS = 30;

function stamp(): string {
  return new Date().toISOString();
}

export function register(program: Command): void {
  program
    .command('serve')
    .description(`Start the HTTP API (and job workers) on the embedded database, or on PostgreSQL when DATABASE_URL is set. Default ${DEFAULT_HOST}:${DEFAULT_PORT}`)
    .option('--host <host>', 'interface to listen on; keep the loopback default unless a proxy fronts the service', DEFAULT_HOST)
    .option('--port <port>', `port (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one)`)
    .option('--data-dir <dir>', 'embedded database directory (default: $CLEARANCE_DATA_DIR or ./.clearance-data; ignored when DATABASE_URL is set)')
    .option('--cors-origin <origin...>', 'allow browser calls from these exact origins (CORS is off by default)')
    .option('--no-four-eyes', 'let the officer who requests a clearance also approve it (four-eyes is on by default)')
    .option('--rate-limit <perSecond>', `sustained requests per second per API key (default ${DEFAULT_HTTP_CONFIG.rateLimit?.refillPerSecond}; bursts of 3×)`)
    .option('--inline-limit <lines>', `order-book lines or batch parties answered inline; more run as a job (default ${DEFAULT_HTTP_CONFIG.inlineLimit})`)
    .option('--no-workers', 'do not run job workers in this process (PostgreSQL only: other processes run them)')
    .option('--watch-lists <seconds>', 'how often to look for lists imported by the CLI into the data directory (default 30; 0: only at start)')
    .action(async (options: ServeOptions) => {
      const port = resolvePort(options.port);
      const rate = options.rateLimit === undefined ? null : positive(options.rateLimit, '--rate-limit');
      const inlineLimit = options.inlineLimit === undefined ? DEFAULT_HTTP_CONFIG.inlineLimit : Math.floor(positive(options.inlineLimit, '--inline-limit'));
      const watchSeconds = options.watchLists === undefined ? DEFAULT_LIST_WATCH_SECONDS : nonNegative(options.watchLists, '--watch-lists');
      const storeConfig = options.dataDir === undefined ? storeConfigFromEnv() : { dataDir: options.dataDir };
      if (options.workers === false && storeConfig.databaseUrl === undefined) {
        throw new UsageError('--no-workers needs DATABASE_URL: the embedded database can only be opened by one process, so its jobs must run here');
      }
      const log = (line: string): void => {
        process.stderr.write(`${stamp()} ${line}\n`);
      };

      const store = await openStore(storeConfig);
      let queue: JobQueue | null = null;
      let stopWatch = (): void => undefined;
      try {
        const diskLists = options.dataDir ?? dataDir();
        const screening = screeningCache(store.lists);
        const watch = watchDiskLists({
          from: async () => ((await hasListStore(diskLists)) ? new FsListStore(diskLists) : null),
          to: store.lists,
          everyMs: watchSeconds * 1000,
          now: () => new Date(),
          log,
          onCopied: async (copied) => {
            for (const name of copied.imported) log(`lists: loaded ${name} from ${diskLists}`);
            screening.invalidate();
            // Not at start: the parties stored by an earlier run are re-screened like after an API import.
            if (queue !== null) await queue.submit({ kind: 'list-rescreening', params: { versions: [...copied.versions] }, createdBy: 'system' });
          },
        });
        stopWatch = watch.stop;
        await watch.check();
        queue = await startJobQueue(store, { work: options.workers, screening: screening.current, log });
        const config: HttpConfig = {
          ...DEFAULT_HTTP_CONFIG,
          cors: options.corsOrigin === undefined || options.corsOrigin.length === 0 ? null : { origins: options.corsOrigin },
          fourEyes: options.fourEyes,
          inlineLimit,
          ...(rate === null ? {} : { rateLimit: { capacity: Math.max(10, Math.ceil(rate * 3)), refillPerSecond: rate } }),
        };
        const app = createApp({
          store,
          lists: store.lists,
          screening: screening.current,
          listsChanged: screening.invalidate,
          jobs: queue,
          replay: (id) => replayDetermination(store, id),
          now: () => new Date(),
          config,
          log,
        });
        const admins = (await store.keys.list()).filter((k) => k.role === 'admin' && k.revokedAt === null);
        const firstKey = admins.length === 0 ? await store.keys.create({ owner: 'first-admin', role: 'admin', actor: 'system' }) : null;

        const server = await listen(app, { host: options.host, port, log });
        const active = await store.lists.activeVersions();
        const out: string[] = [
          `Clearance API listening on ${server.url}`,
          `  database  ${store.kind} at ${store.location}`,
          active.length === 0
            ? `  lists     none loaded: run \`clearance lists import <file or folder>\` (or \`clearance lists update\`)${watchSeconds > 0 ? `; picked up within ${watchSeconds} s` : ' and restart'}, or POST the files to /v1/lists/import`
            : `  lists     ${active.map((v) => `${v.source} (${v.entryCount} entries, ${v.publishedAt ?? `imported ${v.importedAt.slice(0, 10)}`})`).join('; ')}`,
          `  jobs      ${options.workers ? 'workers running in this process' : 'enqueue only (workers run elsewhere)'}`,
          `  API       ${server.url}/openapi.json (needs a key); ${server.url}/health (no key)`,
        ];
        if (!['127.0.0.1', '::1', 'localhost'].includes(options.host)) out.push(`  warning   listening on ${options.host}: reachable from other machines; put TLS in front of it`);
        if (firstKey !== null) {
          out.push('', 'No admin key existed, so one was created. It is shown only now; keep it safe:', `  ${firstKey.key}`, 'Create more with `clearance keys create --role viewer|analyst|officer|admin` or POST /v1/keys.');
        }
        process.stdout.write(`${out.join('\n')}\n`);
        if (active.length > 0) {
          const started = performance.now();
          // Built ahead so the first screening request does not pay for it.
          void screening.current().then(
            (s) => log(`screening index ready: ${s?.screener.entryCount ?? 0} entries in ${Math.round(performance.now() - started)} ms`),
            (error: unknown) => log(`screening index failed to build: ${error instanceof Error ? error.message : String(error)}`),
          );
        }

        await new Promise<void>((resolve) => {
          let stopping = false;
          const stop = (signal: NodeJS.Signals): void => {
            if (stopping) {
              log(`${signal} again: exiting at once`);
              process.exit(130);
            }
            stopping = true;
            log(`${signal}: finishing in-flight requests and stopping`);
            void server
              .close(5_000)
              .then(() => queue?.stop())
              .catch((error: unknown) => log(`while stopping: ${error instanceof Error ? error.message : String(error)}`))
              .finally(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        queue = null;
      } finally {
        stopWatch();
        await queue?.stop().catch(() => undefined);
        await store.close();
      }
      log('stopped');
    });
}
