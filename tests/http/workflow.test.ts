import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, makeHarness, type Harness } from './support/harness.ts';

/** A small synthetic internal watch list (made-up parties) in the internal-list CSV format. */
const WATCH_LIST = [
  'id,name,aliases,type,countries,address,reason',
  'W-1,Zephyr Quantum Devices Ltd,Zephyr QD;ZQD Holdings,entity,CN,"12 Harbour Road, Shenzhen",diversion concern',
  'W-2,Borealis Compute Trading FZE,,entity,AE,Jebel Ali Free Zone,transshipment',
  'W-3,Ivan Petrovich Sidorov,,individual,RU,,procurement agent',
].join('\n');

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(async () => h.close());

async function json(res: Response): Promise<Record<string, unknown>> {
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('expected an object');
  return Object.fromEntries(Object.entries(body));
}

describe('lists → screening → alerts → four-eyes review → audit', () => {
  it('screening before any list is loaded says how to load one', async () => {
    const res = await h.call('POST', '/v1/screen', { key: h.keys.analyst, body: { name: 'Zephyr Quantum Devices' } });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/lists import/);
  });

  it('analysts cannot import lists; officers can, and the import is audited', async () => {
    const headers = { 'content-type': 'text/csv' };
    const denied = await h.call('POST', '/v1/lists/import?name=watch.csv', { key: h.keys.analyst, body: WATCH_LIST, headers });
    expect(denied.status).toBe(403);
    const res = await h.call('POST', '/v1/lists/import?name=watch.csv', { key: h.keys.officer, body: WATCH_LIST, headers });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body['outcomes']).toMatchObject([{ kind: 'imported', version: { source: 'internal', entryCount: 3 } }]);
    const audit = await json(await h.call('GET', '/v1/audit/events?action=list.import-requested', { key: h.keys.officer }));
    expect(audit['items']).toMatchObject([{ action: 'list.import-requested', actor: 'otto.officer', details: { outcome: 'imported', format: 'internal-csv' } }]);
    const stored = await json(await h.call('GET', '/v1/audit/events?action=list.imported', { key: h.keys.officer }));
    expect(stored['items']).toHaveLength(1);
  });

  it('refuses a list file it cannot recognise, changing nothing', async () => {
    const res = await h.call('POST', '/v1/lists/import?name=notes.csv', { key: h.keys.officer, body: 'foo,bar\n1,2\n', headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    const lists = await json(await h.call('GET', '/v1/lists', { key: h.keys.viewer }));
    expect(lists['active']).toHaveLength(1);
  });

  let alertId = '';
  it('screens a party, explains the match and raises one alert', async () => {
    const res = await h.call('POST', '/v1/screen', { key: h.keys.analyst, body: { name: 'Zephyr Quantum Devices Limited', country: 'cn' } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body['query']).toEqual({ name: 'Zephyr Quantum Devices Limited', country: 'CN' });
    const matches = body['matches'];
    expect(Array.isArray(matches)).toBe(true);
    expect(matches).toMatchObject([{ list: 'internal', sourceId: 'W-1', alert: { status: 'open', new: true } }]);
    if (!Array.isArray(matches)) return;
    const first: unknown = matches[0];
    if (typeof first !== 'object' || first === null || !('alert' in first)) throw new Error('no alert');
    const alert: unknown = first.alert;
    if (typeof alert !== 'object' || alert === null || !('id' in alert) || typeof alert.id !== 'string') throw new Error('no alert id');
    alertId = alert.id;

    const again = await json(await h.call('POST', '/v1/screen', { key: h.keys.analyst, body: { name: 'Zephyr Quantum Devices Limited', country: 'CN' } }));
    expect(again['matches']).toMatchObject([{ alert: { id: alertId, new: false } }]);
  });

  it('validates screening input with field paths', async () => {
    const res = await h.call('POST', '/v1/screen', { key: h.keys.analyst, body: { name: '', country: 'China' } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_input');
    expect(['name', 'country']).toContain(error.field);
    const batch = await h.call('POST', '/v1/screen/batch', { key: h.keys.analyst, body: { parties: [{ name: 'ok' }, { name: 42 }] } });
    expect((await errorOf(batch)).field).toBe('parties[1].name');
  });

  it('screens a small batch inline', async () => {
    const res = await h.call('POST', '/v1/screen/batch', {
      key: h.keys.analyst,
      body: { parties: [{ name: 'Borealis Compute Trading', country: 'AE', ref: 'C-9' }, { name: 'Completely Unrelated Bakery' }] },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body['results']).toMatchObject([{ ref: 'C-9', matches: [{ sourceId: 'W-2' }] }, { ref: null, matches: [] }]);
  });

  let reviewId = '';
  it('refuses a reason code that does not fit the action', async () => {
    const res = await h.call('POST', `/v1/alerts/${alertId}/reviews`, { key: h.keys.officer, body: { action: 'clear', reasonCode: 'true-match', note: 'same company' } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).field).toBe('reasonCode');
  });

  it('a clearance waits for a second officer; its requester cannot approve it', async () => {
    const analyst = await h.call('POST', `/v1/alerts/${alertId}/reviews`, { key: h.keys.analyst, body: { action: 'clear', reasonCode: 'different-entity', note: 'other firm' } });
    expect(analyst.status).toBe(403);

    const res = await h.call('POST', `/v1/alerts/${alertId}/reviews`, {
      key: h.keys.officer,
      body: { action: 'clear', reasonCode: 'different-entity', note: 'Registered in Hong Kong under another licence number' },
    });
    expect(res.status).toBe(201);
    const review = await json(res);
    expect(review).toMatchObject({ status: 'pending', requestedBy: 'otto.officer' });
    reviewId = String(review['id']);

    const self = await h.call('POST', `/v1/alerts/${alertId}/reviews/${reviewId}/decision`, { key: h.keys.officer, body: { approve: true } });
    expect(self.status).toBe(403);
    expect((await errorOf(self)).code).toBe('forbidden');

    const other = await h.call('POST', `/v1/alerts/${alertId}/reviews/${reviewId}/decision`, { key: h.keys.officer2, body: { approve: true, note: 'agreed' } });
    expect(other.status).toBe(200);
    expect(await json(other)).toMatchObject({ status: 'approved', reviewedBy: 'olga.officer' });

    const alert = await json(await h.call('GET', `/v1/alerts/${alertId}`, { key: h.keys.viewer }));
    expect(alert['alert']).toMatchObject({ status: 'cleared' });

    const twice = await h.call('POST', `/v1/alerts/${alertId}/reviews/${reviewId}/decision`, { key: h.keys.officer2, body: { approve: true } });
    expect(twice.status).toBe(409);
  });

  it('a cleared match stays cleared when the same party is screened again', async () => {
    const body = await json(await h.call('POST', '/v1/screen', { key: h.keys.analyst, body: { name: 'Zephyr Quantum Devices Limited', country: 'CN' } }));
    expect(body['matches']).toMatchObject([{ alert: { id: alertId, status: 'cleared', new: false } }]);
  });

  it('unknown alert ids answer 404, malformed ones 400', async () => {
    expect((await h.call('GET', '/v1/alerts/6f1c2b8e-1d2a-4c3b-9e8f-0a1b2c3d4e5f', { key: h.keys.viewer })).status).toBe(404);
    const bad = await h.call('GET', "/v1/alerts/1'%20OR%20'1'='1", { key: h.keys.viewer });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).field).toBe('id');
  });

  it('a new list version is diffed against the old one by entry', async () => {
    const before = await json(await h.call('GET', '/v1/lists', { key: h.keys.viewer }));
    const oldId = String((before['active'] as { id: string }[])[0]?.id);
    const changed = WATCH_LIST.replace('Jebel Ali Free Zone', 'Dubai Silicon Oasis') + '\nW-4,Halcyon Wafer Brokers,,entity,MY,,new concern';
    const res = await h.call('POST', '/v1/lists/import?name=watch.csv', { key: h.keys.officer, body: changed, headers: { 'content-type': 'text/csv' } });
    expect(await json(res)).toMatchObject({ outcomes: [{ kind: 'imported', replaced: oldId }] });
    const diff = await json(await h.call('GET', `/v1/lists/diff?from=${oldId}`, { key: h.keys.viewer }));
    expect(diff['counts']).toEqual({ added: 1, removed: 0, changed: 1, unchanged: 2 });
    expect(diff['added']).toMatchObject([{ sourceId: 'W-4' }]);
    expect(diff['changed']).toMatchObject([{ key: 'internal:W-2', changes: [{ field: 'addresses' }] }]);
    expect((await h.call('GET', '/v1/lists/diff?from=no-such-version', { key: h.keys.viewer })).status).toBe(404);
  });

  it('the audit trail holds every decision and verifies', async () => {
    const events = await json(await h.call('GET', '/v1/audit/events?limit=500', { key: h.keys.officer }));
    const items = events['items'];
    if (!Array.isArray(items)) throw new Error('no items');
    const actions = items.map((e: unknown) => (typeof e === 'object' && e !== null && 'action' in e ? String(e.action) : ''));
    expect(actions).toEqual(expect.arrayContaining(['list.imported', 'review.requested', 'alert.cleared']));
    const verify = await json(await h.call('GET', '/v1/audit/verify', { key: h.keys.officer }));
    expect(verify['ok']).toBe(true);
    expect(Number(verify['events'])).toBe(items.length);
  });
});

describe('keys', () => {
  it('an admin creates a key, which works at once and is shown only in that answer', async () => {
    const res = await h.call('POST', '/v1/keys', { key: h.keys.admin, body: { owner: 'new.analyst', role: 'analyst' } });
    expect(res.status).toBe(201);
    const body = await json(res);
    const key = String(body['key']);
    expect(key).toMatch(/^clr_/);
    expect((await h.call('GET', '/v1/jobs', { key })).status).toBe(200);
    const listed = await h.call('GET', '/v1/keys', { key: h.keys.admin });
    expect(await listed.text()).not.toContain(key);
    const audit = await json(await h.call('GET', '/v1/audit/events?action=key.created&actor=adam.admin', { key: h.keys.admin }));
    expect(audit['items']).toMatchObject([{ actor: 'adam.admin' }]);
  });
});

describe('classification', () => {
  it('classifies a catalog item as of a date', async () => {
    const res = await h.call('POST', '/v1/classify', { key: h.keys.viewer, body: { item: 'nvidia-h100-sxm5-80gb', asOf: '2026-01-15' } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body['classification']).toMatchObject({ item: 'nvidia-h100-sxm5-80gb', asOf: '2026-01-15', eccn: '3A090.a' });
  });

  it('says which field is wrong and what is accepted', async () => {
    const unknown = await h.call('POST', '/v1/classify', { key: h.keys.viewer, body: { item: 'nvidia-h999' } });
    expect(unknown.status).toBe(422);
    expect(await errorOf(unknown)).toMatchObject({ code: 'unknown_item', field: 'item' });
    const badDate = await h.call('POST', '/v1/classify', { key: h.keys.viewer, body: { item: 'nvidia-h100-sxm5-80gb', asOf: '2026-02-30' } });
    expect(await errorOf(badDate)).toMatchObject({ code: 'invalid_input', field: 'asOf' });
    const badSpec = await h.call('POST', '/v1/classify', { key: h.keys.viewer, body: { spec: { id: 'x', market: 'datacenter', fp16: 'lots' } } });
    expect(badSpec.status).toBe(400);
    expect((await errorOf(badSpec)).field).toBe('spec.fp16');
  });
});

describe('screening with the party type', () => {
  const scoreOf = async (body: Record<string, unknown>): Promise<number> => {
    const res = await h.call('POST', '/v1/screen', { key: h.keys.analyst, body: { ...body, threshold: 0.5 } });
    expect(res.status).toBe(200);
    const matches = (await json(res))['matches'];
    if (!Array.isArray(matches)) throw new Error('no matches');
    const hit: unknown = matches.find((m: unknown) => typeof m === 'object' && m !== null && 'sourceId' in m && m.sourceId === 'W-3');
    return typeof hit === 'object' && hit !== null && 'score' in hit && typeof hit.score === 'number' ? hit.score : 0;
  };

  it('an entity screened against a listed person scores 0.15 lower; a bad type names the field', async () => {
    const plain = await scoreOf({ name: 'Ivan Petrovich Sidorov' });
    expect(plain).toBeGreaterThan(0.9);
    expect(await scoreOf({ name: 'Ivan Petrovich Sidorov', type: 'individual' })).toBe(plain);
    expect(await scoreOf({ name: 'Ivan Petrovich Sidorov', type: 'entity' })).toBeCloseTo(plain - 0.15, 3);
    const bad = await h.call('POST', '/v1/screen', { key: h.keys.analyst, body: { name: 'Ivan Sidorov', type: 'person' } });
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({ code: 'invalid_input', field: 'type' });
  });
});
