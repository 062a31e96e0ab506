import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, makeHarness, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ bodyLimitBytes: 1024 });
});
afterAll(async () => h.close());

describe('authentication', () => {
  it('serves /health without a key', async () => {
    const res = await h.call('GET', '/health', { key: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { kind: 'pglite', reachable: true } });
  });

  it('refuses every other route without a key, with the error body', async () => {
    for (const path of ['/v1/alerts', '/openapi.json', '/v1/keys', '/v1/does-not-exist']) {
      const res = await h.call('GET', path, { key: null });
      expect(res.status, path).toBe(401);
      expect((await errorOf(res)).code).toBe('unauthorized');
    }
  });

  it('refuses an unknown key, a malformed header and two different keys', async () => {
    expect((await h.call('GET', '/v1/alerts', { key: 'clr_not-a-real-key' })).status).toBe(401);
    expect((await h.call('GET', '/v1/alerts', { key: null, headers: { authorization: 'Basic abc' } })).status).toBe(401);
    const both = await h.call('GET', '/v1/alerts', { key: h.keys.viewer, headers: { 'x-api-key': h.keys.admin } });
    expect(both.status).toBe(401);
    expect((await errorOf(both)).message).toMatch(/different keys/);
  });

  it('accepts the key in X-API-Key as well as Bearer', async () => {
    const res = await h.call('GET', '/v1/alerts', { key: null, headers: { 'x-api-key': h.keys.viewer } });
    expect(res.status).toBe(200);
  });

  it('refuses a revoked key', async () => {
    const created = await h.store.keys.create({ owner: 'temp', role: 'viewer' });
    expect((await h.call('GET', '/v1/alerts', { key: created.key })).status).toBe(200);
    await h.store.keys.revoke(created.record.id);
    expect((await h.call('GET', '/v1/alerts', { key: created.key })).status).toBe(401);
  });
});

describe('roles', () => {
  const cases: [string, string, 'viewer' | 'analyst' | 'officer' | 'admin'][] = [
    ['GET', '/v1/alerts', 'viewer'],
    ['GET', '/v1/jobs', 'viewer'],
    ['GET', '/v1/audit/events', 'officer'],
    ['GET', '/v1/audit/verify', 'officer'],
    ['GET', '/v1/keys', 'admin'],
  ];
  const order = ['viewer', 'analyst', 'officer', 'admin'] as const;
  for (const [method, path, least] of cases) {
    it(`${method} ${path} needs ${least}`, async () => {
      for (const role of order) {
        const res = await h.call(method, path, { key: h.keys[role] });
        const allowed = order.indexOf(role) >= order.indexOf(least);
        expect(res.status, `${role} on ${path}`).toBe(allowed ? 200 : 403);
        if (!allowed) expect((await errorOf(res)).code).toBe('forbidden');
      }
    });
  }

  it('analysts may not create keys', async () => {
    const res = await h.call('POST', '/v1/keys', { key: h.keys.analyst, body: { owner: 'x', role: 'admin' } });
    expect(res.status).toBe(403);
  });
});

describe('error bodies', () => {
  it('answers an unknown route with not_found', async () => {
    const res = await h.call('GET', '/v1/nothing-here', { key: h.keys.officer });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it('maps schema failures to invalid_input with the field path', async () => {
    const res = await h.call('POST', '/v1/keys', { body: { owner: 'x', role: 'superuser' } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('role');
  });

  it('reports malformed JSON as invalid_input without a stack', async () => {
    const res = await h.call('POST', '/v1/keys', { body: '{"owner": "x", ' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain('invalid_input');
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('refuses a body over the limit with payload_too_large', async () => {
    const res = await h.call('POST', '/v1/keys', { body: { owner: 'x'.repeat(2000), role: 'viewer' } });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });

  it('refuses a body that is not UTF-8', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x6f, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const res = await h.app.request('/v1/keys', { method: 'POST', headers: { authorization: `Bearer ${h.keys.admin}`, 'content-type': 'application/json' }, body: bytes });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/UTF-8/);
  });

  it('refuses JSON that spells characters the database cannot store', async () => {
    for (const body of ['{"owner":"a\\u0000b","role":"viewer"}', '{"owner":"a\\ud800b","role":"viewer"}', '{"owner":"\\udc00","role":"viewer"}']) {
      const res = await h.call('POST', '/v1/keys', { body });
      expect(res.status, body).toBe(400);
      expect((await errorOf(res)).field).toBe('body');
    }
    const paired = await h.call('POST', '/v1/keys', { body: '{"owner":"emoji \\ud83d\\ude00","role":"viewer"}' });
    expect(paired.status).toBe(201);
  });

  it('refuses a URL with NUL or broken percent-encoding', async () => {
    for (const path of ['/v1/alerts?subjectKey=a%00b', '/v1/alerts?subjectKey=%ED%A0%80', '/v1/alerts?subjectKey=%E0%A4%A']) {
      const res = await h.call('GET', path, { key: h.keys.viewer });
      expect(res.status, path).toBe(400);
      expect((await errorOf(res)).field).toBe('url');
    }
  });

  it('refuses a non-JSON content type', async () => {
    const res = await h.call('POST', '/v1/keys', { body: 'owner=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe('rate limiting', () => {
  let limited: Harness;
  beforeAll(async () => {
    limited = await makeHarness({ rateLimit: { capacity: 5, refillPerSecond: 0.001 } });
  });
  afterAll(async () => limited.close());

  it('answers 429 with Retry-After once a key has used its bucket, and only for that key', async () => {
    const created = await limited.store.keys.create({ owner: 'busy', role: 'viewer' });
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 7; i += 1) {
      last = await limited.call('GET', '/v1/jobs', { key: created.key });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(last?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await limited.call('GET', '/health', { key: null })).status).toBe(200);
    const other = await limited.store.keys.create({ owner: 'calm', role: 'viewer' });
    expect((await limited.call('GET', '/v1/jobs', { key: other.key })).status).toBe(200);
  });
});
