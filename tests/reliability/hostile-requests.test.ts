/**
 * 1,000 malformed or hostile requests against a real `clearance serve` process on 127.0.0.1 (free port,
 * throwaway embedded database): every one must get a 4xx with the JSON error body and no stack trace, and
 * the server must still answer /health and real work afterwards. Loopback only; bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/core/errors.ts';

const CLI = resolve(import.meta.dirname, '../../bin/clearance.js');
const HOST = '127.0.0.1';
const TOTAL = 1_000;
const CONCURRENCY = 12;
const START_TIMEOUT_MS = 150_000;

interface Reply {
  readonly status: number;
  readonly body: string;
}

interface Hostile {
  readonly label: string;
  readonly send: () => Promise<Reply>;
  /** Raw-socket requests are answered by Node's HTTP parser, whose body is not always ours. */
  readonly raw?: boolean;
}

let server: ChildProcess;
let dataDir: string;
let port = 0;
let adminKey = '';
let stderr = '';
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function startServer(dir: string): Promise<{ port: number; key: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'PORT' && k !== 'CLEARANCE_DATA_DIR'));
  // A high per-key rate so requests reach validation; rate limiting itself is covered in tests/http.
  server = spawn(process.execPath, [CLI, 'serve', '--host', HOST, '--port', '0', '--rate-limit', '100000'], {
    env: { ...env, CLEARANCE_DATA_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  return new Promise((done, fail) => {
    let out = '';
    let found = 0;
    const timer = setTimeout(() => fail(new Error(`server did not start within ${START_TIMEOUT_MS} ms: ${out} ${stderr}`)), START_TIMEOUT_MS);
    server.on('exit', (code) => fail(new Error(`server exited (${code}) before it was ready: ${out} ${stderr}`)));
    server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      const key = /^\s+(clr_[\w-]+)\s*$/m.exec(out);
      if (url !== null) found = Number(url[1]);
      if (found > 0 && key?.[1] !== undefined) {
        clearTimeout(timer);
        done({ port: found, key: key[1] });
      }
    });
  });
}

function send(method: string, path: string, options: { headers?: Record<string, string | number>; body?: string | Uint8Array; chunks?: readonly Uint8Array[] } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: HOST, port, method, path, headers: options.headers ?? {}, agent }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', fail);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout on ${method} ${path}`)));
    // A connection dropped before any answer counts as a failure (status 0), never as a hang.
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' || error.code === 'ECONNRESET' ? done({ status: 0, body: `connection ${error.code} before an answer` }) : fail(error),
    );
    if (options.chunks !== undefined) {
      for (const c of options.chunks) req.write(c);
      req.end();
    } else req.end(options.body);
  });
}

/** Writes bytes straight to a socket: requests no well-behaved client library would send. */
function sendRaw(bytes: string | Uint8Array): Promise<Reply> {
  return new Promise((done, fail) => {
    const socket = connect({ host: HOST, port });
    const parts: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error('raw request timed out')));
    socket.on('data', (c: Buffer) => parts.push(c));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : fail(error)));
    socket.on('close', () => {
      const text = Buffer.concat(parts).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      const split = text.indexOf('\r\n\r\n');
      done({ status: status === null ? 0 : Number(status[1]), body: split < 0 ? '' : text.slice(split + 4) });
    });
    socket.on('connect', () => {
      socket.write(bytes);
      // Half-close so the server sees the end of what we sent, then answers and closes.
      setTimeout(() => socket.end(), 50);
    });
  });
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const json = (key: string | null, extra: Record<string, string> = {}) => ({ ...(key === null ? {} : bearer(key)), 'content-type': 'application/json', ...extra });

const SQLISH = [
  "' OR '1'='1",
  "'; DROP TABLE audit_events; --",
  '1; DELETE FROM api_keys',
  "admin'--",
  "\" OR \"\"=\"",
  "') UNION SELECT key_hash FROM api_keys --",
  '$1; TRUNCATE alerts',
  "x'||pg_sleep(5)||'",
];

/** The hostile request number `i`: a family chosen by `i`, varied by the index. */
function hostile(i: number): Hostile {
  const sql = SQLISH[i % SQLISH.length] ?? "' OR 1=1";
  const k = adminKey;
  const family = i % 25;
  switch (family) {
    case 0:
      return { label: 'no key', send: () => send('POST', '/v1/screen', { headers: json(null), body: JSON.stringify({ name: sql }) }) };
    case 1:
      return { label: 'wrong key', send: () => send('GET', '/v1/alerts', { headers: bearer(`clr_${sql.replace(/\W/g, 'x')}${i}`) }) };
    case 2:
      return { label: 'malformed authorization', send: () => send('GET', '/v1/audit/events', { headers: { authorization: i % 2 === 0 ? `Basic ${k}` : `Bearer ${k} extra` } }) };
    case 3:
      return { label: 'huge key', send: () => send('GET', '/v1/jobs', { headers: { 'x-api-key': `clr_${'A'.repeat(4000 + i)}` } }) };
    case 4:
      return { label: 'wrong types (screen)', send: () => send('POST', '/v1/screen', { headers: json(k), body: JSON.stringify([{ name: 1 }, { name: null }, { name: ['a'] }, { name: 'x', country: 7 }, { name: 'x', threshold: 'high' }][i % 5]) }) };
    case 5:
      return { label: 'wrong types (determination)', send: () => send('POST', '/v1/determinations', { headers: json(k), body: JSON.stringify([{ line: [] }, { line: 'SO-1' }, { line: { order_id: 1, quantity: { n: 1 } } }, { line: {}, regime: 'lenient' }][i % 4]) }) };
    case 6:
      return { label: 'SQL-ish id in path', send: () => send('GET', `/v1/alerts/${encodeURIComponent(sql)}`, { headers: bearer(k) }) };
    case 7:
      return { label: 'SQL-ish enum in query', send: () => send('GET', `/v1/alerts?status=${encodeURIComponent(sql)}`, { headers: bearer(k) }) };
    case 8:
      return { label: 'SQL-ish role', send: () => send('POST', '/v1/keys', { headers: json(k), body: JSON.stringify({ owner: sql, role: sql }) }) };
    case 9:
      return { label: 'SQL-ish country and date', send: () => send('POST', '/v1/classify', { headers: json(k), body: JSON.stringify({ item: sql, asOf: sql }) }) };
    case 10:
      return { label: 'malformed JSON', send: () => send('POST', '/v1/screen', { headers: json(k), body: ['{"name": "x",', '{name: x}', '{"name": "x"}}', '', 'null', '"just a string"', '{"name":"x"'.repeat(50)][i % 7] ?? '' }) };
    case 11:
      return { label: 'invalid UTF-8', send: () => send('POST', '/v1/screen', { headers: json(k), body: Uint8Array.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, ...[[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]][i % 5]!, 0x22, 0x7d]) }) };
    case 12:
      return { label: 'NUL and lone surrogates', send: () => send('POST', '/v1/screen', { headers: json(k), body: ['{"name":"a\\u0000b"}', '{"name":"\\ud800"}', '{"name":"x\\udfff"}'][i % 3] ?? '' }) };
    case 13:
      return { label: 'huge body (declared length)', send: () => send('POST', '/v1/screen', { headers: json(k), body: JSON.stringify({ name: 'x'.repeat(300_000 + i) }) }) };
    case 14:
      return {
        label: 'huge body (chunked, no length)',
        send: () => send('POST', '/v1/determinations', { headers: json(k, { 'transfer-encoding': 'chunked' }), chunks: Array.from({ length: 8 }, () => new Uint8Array(64 * 1024).fill(0x20)) }),
      };
    case 15:
      return { label: 'deeply nested JSON', send: () => send('POST', '/v1/screen', { headers: json(k), body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` }) };
    case 16:
      return { label: 'wrong content type', send: () => send('POST', '/v1/screen', { headers: { ...bearer(k), 'content-type': ['text/plain', 'application/xml', 'multipart/form-data; boundary=x'][i % 3]! }, body: 'name=x' }) };
    case 17:
      return { label: 'unknown route or method', send: () => send(['PUT', 'DELETE', 'PATCH', 'GET'][i % 4]!, ['/v1/screen', '/v2/screen', '/v1/../../etc/passwd', '/admin', '/v1/keys/%2e%2e'][i % 5]!, { headers: bearer(k) }) };
    case 18:
      return { label: 'NUL or bad escapes in the URL', send: () => send('GET', ['/v1/alerts?subjectKey=%00', '/v1/audit/events?actor=%ED%A0%80', '/v1/alerts?list=%E0%A4%A', '/v1/lists/diff?from=%00'][i % 4]!, { headers: bearer(k) }) };
    case 19:
      return { label: 'extra fields and bad ranges', send: () => send('POST', '/v1/screen', { headers: json(k), body: JSON.stringify([{ name: 'x', admin: true }, { name: 'x', threshold: 7 }, { name: 'x', limit: -1 }, { name: 'x'.repeat(501) }][i % 4]) }) };
    case 20:
      return { label: 'bad batch', send: () => send('POST', '/v1/screen/batch', { headers: json(k), body: JSON.stringify([{ parties: [] }, { parties: 'all' }, { parties: [{ name: sql, country: sql }] }][i % 3]) }) };
    case 21:
      return { label: 'bad review', send: () => send('POST', `/v1/alerts/6f1c2b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f/reviews`, { headers: json(k), body: JSON.stringify([{ action: 'delete', reasonCode: sql, note: sql }, { action: 'clear', reasonCode: 'true-match', note: 'x' }][i % 2]) }) };
    case 22:
      return { label: 'bad order book', send: () => send('POST', '/v1/orders/check', { headers: { ...bearer(k), 'content-type': 'text/csv' }, body: ['', 'order_id\n1', `"unterminated,${sql}\n`, 'a,b,c\n1,2'][i % 4] ?? '' }) };
    case 23:
      return { label: 'bad list import', send: () => send('POST', `/v1/lists/import?name=${encodeURIComponent(['../../etc/passwd', 'x.csv', 'a/b.csv'][i % 3]!)}`, { headers: { ...bearer(k), 'content-type': 'text/csv' }, body: i % 3 === 1 ? `foo,bar\n${sql},1\n` : 'id,name\n1,x\n' }) };
    default:
      return {
        label: 'malformed HTTP on the socket',
        raw: true,
        send: () =>
          sendRaw(
            [
              'GARBAGE\r\n\r\n',
              'GET /health HTTP/9.9\r\n\r\n',
              `GET /v1/alerts HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
              'POST /v1/screen HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n',
              'POST /v1/screen HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}',
              Buffer.concat([Buffer.from('GET /v1/alerts/'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n')]),
            ][i % 6]!,
          ),
      };
  }
}

/** Signs of an internal leak in a body: stack frames, source paths, driver or database errors. */
const LEAK = /\n\s+at\s|\bat\s.+:\d+:\d+\)|node_modules|\/src\/|\.ts:\d+|PGlite|pg-boss|syntax error at or near|TypeError|ReferenceError/;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'clearance-hostile-'));
  const started = await startServer(dataDir);
  port = started.port;
  adminKey = started.key;
  // Load a small synthetic watch list so screening routes do real work, not just "no list loaded".
  const list = 'id,name,aliases,type,countries,address,reason\nH-1,Cobalt Lantern Microsystems Ltd,,entity,HK,,synthetic test entry\n';
  const imported = await send('POST', '/v1/lists/import?name=watch.csv', { headers: { ...bearer(adminKey), 'content-type': 'text/csv' }, body: list });
  expect(imported.status).toBe(200);
}, START_TIMEOUT_MS + 30_000);

afterAll(async () => {
  agent.destroy();
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('hostile requests against a running server', () => {
  it(`answers ${TOTAL} malformed or hostile requests with 4xx and no internals, and stays healthy`, async () => {
    const failures: string[] = [];
    const byFamily = new Map<string, Map<number, number>>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < TOTAL) {
        const i = next;
        next += 1;
        const h = hostile(i);
        const reply = await h.send();
        const counts = byFamily.get(h.label) ?? new Map<number, number>();
        counts.set(reply.status, (counts.get(reply.status) ?? 0) + 1);
        byFamily.set(h.label, counts);
        if (reply.status < 400 || reply.status > 499) failures.push(`#${i} ${h.label}: status ${reply.status} ${reply.body.slice(0, 200)}`);
        if (LEAK.test(reply.body)) failures.push(`#${i} ${h.label}: internals in body: ${reply.body.slice(0, 300)}`);
        if (h.raw !== true) {
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(reply.body);
          } catch {
            failures.push(`#${i} ${h.label}: body is not JSON: ${reply.body.slice(0, 120)}`);
          }
          const error = typeof parsed === 'object' && parsed !== null && 'error' in parsed ? parsed.error : null;
          const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null;
          if (!(ERROR_CODES as readonly unknown[]).includes(code)) failures.push(`#${i} ${h.label}: no error code in ${reply.body.slice(0, 120)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const summary = [...byFamily].map(([label, counts]) => `${label}: ${[...counts].map(([s, n]) => `${s}×${n}`).join(' ')}`);
    process.stdout.write(`hostile requests by family (status×count):\n  ${summary.join('\n  ')}\n`);
    expect(failures, failures.slice(0, 10).join('\n')).toEqual([]);
    expect([...byFamily.values()].reduce((n, m) => n + [...m.values()].reduce((a, b) => a + b, 0), 0)).toBe(TOTAL);

    // Still healthy and still doing real work.
    const health = await send('GET', '/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    const screen = await send('POST', '/v1/screen', { headers: json(adminKey), body: JSON.stringify({ name: 'Cobalt Lantern Microsystems Limited', country: 'HK' }) });
    expect(screen.status).toBe(200);
    expect(JSON.parse(screen.body)).toMatchObject({ matches: [{ sourceId: 'H-1' }] });
    // SQL-ish text where free text is allowed is data, not code: screened, stored, and the tables intact.
    for (const name of SQLISH) {
      const ok = await send('POST', '/v1/screen', { headers: json(adminKey), body: JSON.stringify({ name }) });
      expect(ok.status, name).toBe(200);
    }
    const verify = await send('GET', '/v1/audit/verify', { headers: bearer(adminKey) });
    expect(JSON.parse(verify.body)).toMatchObject({ ok: true });
    expect(server.exitCode).toBeNull();
    expect(stderr).not.toMatch(/uncaught|unhandled/i);
  }, 240_000);
});
