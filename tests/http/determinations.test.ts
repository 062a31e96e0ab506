import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSubmitter } from '../../src/adapters/http/deps.ts';
import { errorOf, makeHarness, type Harness } from './support/harness.ts';

const WATCH_LIST = ['id,name,aliases,type,countries,address,reason', 'W-7,Nimbus Orbital Systems LLC,,entity,SG,,front company'].join('\n');

const LINE = {
  order_id: 'SO-1001',
  order_date: '2026-03-02',
  item: 'nvidia-h100-sxm5-80gb',
  quantity: 8,
  ship_to_country: 'CN',
  end_user: 'Example Compute Co',
  end_user_country: 'CN',
};

const submitted: { kind: string; total?: number }[] = [];
const jobs: JobSubmitter = {
  submit: async (input) => {
    submitted.push({ kind: input.kind, ...(input.total === undefined ? {} : { total: input.total }) });
    return h.store.jobs.create(input);
  },
};

let h: Harness;
beforeAll(async () => {
  h = await makeHarness({ inlineLimit: 5 }, { jobs });
});
afterAll(async () => h.close());

async function json(res: Response): Promise<Record<string, unknown>> {
  const body: unknown = await res.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('expected an object');
  return Object.fromEntries(Object.entries(body));
}

describe('single determinations', () => {
  it('decides a line, records it, and warns when no list is loaded', async () => {
    const res = await h.call('POST', '/v1/determinations', { key: h.keys.analyst, body: { line: LINE } });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body['screened']).toBe(false);
    expect(body['determination']).toMatchObject({ outcome: 'license-required', licenseRequired: true, eccn: '3A090.a' });
    const stored = await json(await h.call('GET', `/v1/determinations/${String(body['id'])}`, { key: h.keys.viewer }));
    expect(stored).toMatchObject({ subjectKind: 'order-line', actor: 'anna.analyst', inputs: { record: { order_id: 'SO-1001', quantity: '8' }, screened: false } });
    expect(String(stored['ruleSetVersion'])).toMatch(/^determination-/);
  });

  it('names the field of a bad line', async () => {
    const res = await h.call('POST', '/v1/determinations', { key: h.keys.analyst, body: { line: { ...LINE, ship_to_country: 'Atlantis', quantity: -3 } } });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_input');
    expect(['line.ship_to_country', 'line.quantity']).toContain(error.field);
  });

  it('viewers may read but not decide', async () => {
    expect((await h.call('POST', '/v1/determinations', { key: h.keys.viewer, body: { line: LINE } })).status).toBe(403);
    expect((await h.call('GET', '/v1/determinations', { key: h.keys.viewer })).status).toBe(200);
  });

  it('returns the first answer again for a repeated Idempotency-Key', async () => {
    const first = await json(await h.call('POST', '/v1/determinations', { key: h.keys.analyst, body: { line: LINE }, headers: { 'idempotency-key': 'retry-1' } }));
    const second = await json(await h.call('POST', '/v1/determinations', { key: h.keys.analyst, body: { line: LINE }, headers: { 'idempotency-key': 'retry-1' } }));
    expect(second['id']).toBe(first['id']);
  });

  it('holds a line whose end user is on a list, and releases it once the hit is cleared by two officers', async () => {
    const imported = await h.call('POST', '/v1/lists/import?name=watch.csv', { key: h.keys.officer, body: WATCH_LIST, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(200);
    const line = { ...LINE, order_id: 'SO-2002', item: 'nvidia-rtx-4090', ship_to_country: 'SG', end_user: 'Nimbus Orbital Systems LLC', end_user_country: 'SG' };
    const held = await json(await h.call('POST', '/v1/determinations', { key: h.keys.analyst, body: { line } }));
    expect(held['screened']).toBe(true);
    const heldOutcome = (held['determination'] as Record<string, unknown>)['outcome'];
    expect(heldOutcome).toBe('hold');
    expect(held['listVersions']).toMatchObject({ internal: expect.stringMatching(/internal/) });

    const alerts = await json(await h.call('GET', '/v1/alerts?status=open', { key: h.keys.viewer }));
    const items = alerts['items'] as { id: string; sourceId: string }[];
    const alert = items.find((a) => a.sourceId === 'W-7');
    expect(alert).toBeDefined();
    const review = await json(
      await h.call('POST', `/v1/alerts/${alert?.id}/reviews`, { key: h.keys.officer, body: { action: 'clear', reasonCode: 'different-entity', note: 'Different registration number (UEN) from the listed front company' } }),
    );
    await h.call('POST', `/v1/alerts/${alert?.id}/reviews/${String(review['id'])}/decision`, { key: h.keys.officer2, body: { approve: true } });

    const released = await json(await h.call('POST', '/v1/determinations', { key: h.keys.analyst, body: { line } }));
    expect((released['determination'] as Record<string, unknown>)['outcome']).not.toBe('hold');

    // Both stored answers replay to themselves: the hold with the open hit, the release with the clearance.
    for (const id of [held['id'], released['id']]) {
      const report = await json(await h.call('POST', `/v1/determinations/${String(id)}/replay`, { key: h.keys.officer }));
      expect(report).toMatchObject({ same: true, differences: [] });
    }
    expect((await h.call('POST', `/v1/determinations/${String(held['id'])}/replay`, { key: h.keys.analyst })).status).toBe(403);
  });
});

describe('order books', () => {
  const csv = [
    'order_id,order_date,item,quantity,ship_to_country,end_user,end_user_country',
    'B-1,2026-03-02,nvidia-h100-sxm5-80gb,4,DE,Example GmbH,DE',
    'B-2,2026-03-02,nvidia-h100-sxm5-80gb,4,CN,Example Co,CN',
    'B-3,2026-13-40,nvidia-h100-sxm5-80gb,4,CN,Example Co,CN',
  ].join('\n');

  it('checks a short CSV book inline, line by line, with errors per line', async () => {
    const res = await h.call('POST', '/v1/orders/check', { key: h.keys.analyst, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body['summary']).toMatchObject({ lines: 3, decided: 2, errors: 1 });
    expect(body['results']).toMatchObject([
      { line: 2, orderId: 'B-1' },
      { line: 3, orderId: 'B-2', outcome: 'license-required' },
      { line: 4, orderId: 'B-3', outcome: 'error', errors: [{ field: 'order_date' }] },
    ]);
  });

  it('refuses a book whose header lacks required columns', async () => {
    const res = await h.call('POST', '/v1/orders/check', { key: h.keys.analyst, body: 'order_id,item\nX,nvidia-h100-sxm5-80gb\n', headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).field).toBe('header');
  });

  it('queues a book over the inline limit as a job and shows its progress', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => ({ ...LINE, order_id: `J-${i}` }));
    const res = await h.call('POST', '/v1/orders/check', { key: h.keys.analyst, body: { lines } });
    expect(res.status).toBe(202);
    const body = await json(res);
    const job = body['job'] as { id: string; kind: string; total: number };
    expect(job).toMatchObject({ kind: 'order-book-check', total: 12 });
    expect(submitted).toContainEqual({ kind: 'order-book-check', total: 12 });
    const polled = await json(await h.call('GET', `/v1/jobs/${job.id}`, { key: h.keys.viewer }));
    expect(polled).toMatchObject({ id: job.id, done: 0, total: 12 });
  });
});
