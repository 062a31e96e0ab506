import { createApp } from '../../../src/adapters/http/app.ts';
import { screeningCache } from '../../../src/adapters/http/screening-cache.ts';
import { DEFAULT_HTTP_CONFIG, type AppDeps, type HttpConfig, type JobSubmitter } from '../../../src/adapters/http/deps.ts';
import { replayDetermination } from '../../../src/adapters/jobs/replay.ts';
import { openStore } from '../../../src/adapters/storage/open-store.ts';
import type { ListStore } from '../../../src/ports/list-store.ts';
import type { Role, Store } from '../../../src/ports/store.ts';

export interface Harness {
  readonly app: ReturnType<typeof createApp>;
  readonly store: Store;
  readonly lists: ListStore;
  /** One key per role, plus a second officer for four-eyes. */
  readonly keys: Readonly<Record<Role | 'officer2', string>>;
  readonly logs: string[];
  call(method: string, path: string, options?: { key?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  close(): Promise<void>;
}

export async function makeHarness(config: Partial<HttpConfig> = {}, extra: { jobs?: JobSubmitter } = {}): Promise<Harness> {
  const store = await openStore({ dataDir: 'memory://' });
  const lists = store.lists;
  const keys = {
    viewer: (await store.keys.create({ owner: 'vera.viewer', role: 'viewer' })).key,
    analyst: (await store.keys.create({ owner: 'anna.analyst', role: 'analyst' })).key,
    officer: (await store.keys.create({ owner: 'otto.officer', role: 'officer' })).key,
    officer2: (await store.keys.create({ owner: 'olga.officer', role: 'officer' })).key,
    admin: (await store.keys.create({ owner: 'adam.admin', role: 'admin' })).key,
  };
  const screening = screeningCache(lists);
  const logs: string[] = [];
  const deps: AppDeps = {
    store,
    lists,
    screening: screening.current,
    listsChanged: screening.invalidate,
    now: () => new Date('2026-11-27T10:00:00Z'),
    config: { ...DEFAULT_HTTP_CONFIG, ...config },
    log: (line) => logs.push(line),
    ...(extra.jobs === undefined ? {} : { jobs: extra.jobs }),
    replay: (id) => replayDetermination(store, id),
  };
  const app = createApp(deps);
  return {
    app,
    store,
    lists,
    keys,
    logs,
    call: (method, path, options = {}) => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const key = options.key === undefined ? keys.admin : options.key;
      if (key !== null) headers['authorization'] = `Bearer ${key}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      return Promise.resolve(app.request(path, { method, headers, ...(body === undefined ? {} : { body }) }));
    },
    close: () => store.close(),
  };
}

export interface ErrorShape {
  error: { code: string; message: string; field?: string };
}

export function isErrorShape(value: unknown): value is ErrorShape {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string';
}

export async function errorOf(response: Response): Promise<ErrorShape['error']> {
  const body: unknown = await response.json();
  if (!isErrorShape(body)) throw new Error(`not an error body: ${JSON.stringify(body)}`);
  return body.error;
}
