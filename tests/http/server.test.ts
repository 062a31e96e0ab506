import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../src/adapters/http/server.ts';
import { makeHarness, type Harness } from './support/harness.ts';

/** The same app behind a real socket on 127.0.0.1: what differs from `app.request()` is the Node adapter. */
let h: Harness;
let server: RunningServer;
beforeAll(async () => {
  h = await makeHarness({ bodyLimitBytes: 4096 });
  server = await listen(h.app, { host: '127.0.0.1', port: 0, log: (line) => h.logs.push(line) });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

describe('the app behind the Node server', () => {
  it('listens on loopback and answers /health', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
  });

  it('reads JSON and upload bodies through the body limit', async () => {
    const key = await fetch(`${server.url}/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ owner: 'socket.user', role: 'viewer' }),
    });
    expect(key.status).toBe(201);
    const list = await fetch(`${server.url}/v1/lists/import?name=watch.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.officer}`, 'content-type': 'text/csv' },
      body: 'id,name\nS-1,Quartz Heron Logistics\n',
    });
    expect(list.status).toBe(200);
  });

  it('answers an oversized body with 413 and the error body', async () => {
    const res = await fetch(`${server.url}/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ owner: 'x'.repeat(10_000), role: 'viewer' }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('logs nothing for bad input: stacks are only for real failures', () => {
    expect(h.logs).toEqual([]);
  });
});
