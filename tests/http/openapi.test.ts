import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from './support/harness.ts';

let h: Harness;
let doc: Record<string, unknown>;
beforeAll(async () => {
  h = await makeHarness();
  const res = await h.call('GET', '/openapi.json', { key: h.keys.viewer });
  expect(res.status).toBe(200);
  doc = record(await res.json() as unknown, 'document');
});
afterAll(async () => h.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where} is not an object`);
  return Object.fromEntries(Object.entries(value));
}

/** Every `$ref` in the document, with where it was found. */
function refs(value: unknown, path = '#'): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${path}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [{ ref: v, at: path }] : refs(v, `${path}/${k}`)));
}

function resolvePointer(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const part of pointer.replace(/^#\//, '').split('/')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = Object.entries(node).find(([k]) => k === part.replace(/~1/g, '/').replace(/~0/g, '~'))?.[1];
  }
  return node;
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.0 with info and both security schemes', () => {
    expect(doc['openapi']).toMatch(/^3\.0\.\d+$/);
    expect(record(doc['info'], 'info')['title']).toBe('Clearance API');
    const schemes = record(record(doc['components'], 'components')['securitySchemes'], 'securitySchemes');
    expect(schemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes['apiKey']).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-API-Key' });
  });

  it('versions every business route under /v1 and documents the expected ones', () => {
    const paths = Object.keys(record(doc['paths'], 'paths'));
    for (const path of paths) expect(path === '/health' || path.startsWith('/v1/'), path).toBe(true);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/health',
        '/v1/classify',
        '/v1/screen',
        '/v1/screen/batch',
        '/v1/lists',
        '/v1/lists/import',
        '/v1/lists/diff',
        '/v1/alerts',
        '/v1/alerts/{id}/reviews',
        '/v1/alerts/{id}/reviews/{reviewId}/decision',
        '/v1/audit/events',
        '/v1/audit/verify',
        '/v1/keys',
        '/v1/jobs/{id}',
      ]),
    );
  });

  it('gives every operation an id-able summary, responses, and security unless it is /health', () => {
    for (const [path, item] of Object.entries(record(doc['paths'], 'paths'))) {
      for (const method of METHODS) {
        const op = record(item, path)[method];
        if (op === undefined) continue;
        const operation = record(op, `${method} ${path}`);
        expect(typeof operation['summary'], `${method} ${path} summary`).toBe('string');
        const responses = record(operation['responses'], `${method} ${path} responses`);
        expect(Object.keys(responses).length).toBeGreaterThan(0);
        if (path === '/health') expect(operation['security']).toBeUndefined();
        else {
          expect(operation['security'], `${method} ${path} security`).toEqual([{ bearer: [] }, { apiKey: [] }]);
          expect(Object.keys(responses)).toEqual(expect.arrayContaining(['401', '403']));
        }
        // Path parameters named in the template are declared.
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          const params = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
          expect(params.some((p: unknown) => record(p, 'param')['name'] === name.slice(1, -1)), `${method} ${path} ${name}`).toBe(true);
        }
      }
    }
  });

  it('resolves every $ref', () => {
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(0);
    for (const { ref, at } of all) expect(resolvePointer(doc, ref), `${ref} at ${at}`).toBeDefined();
  });

  it('describes the error body once, as a component', () => {
    const schemas = record(record(doc['components'], 'components')['schemas'], 'schemas');
    expect(record(schemas['Error'], 'Error')['required']).toEqual(['error']);
  });
});
