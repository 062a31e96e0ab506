import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, resolvePort } from '../../src/cli/commands/serve.ts';
import { UsageError } from '../../src/cli/main.ts';
import { makeHarness } from './support/harness.ts';

describe('clearance serve: port choice', () => {
  it('uses --port, else PORT, else the documented default 8417', () => {
    expect(DEFAULT_PORT).toBe(8417);
    expect(resolvePort(undefined, {})).toBe(8417);
    expect(resolvePort(undefined, { PORT: '9001' })).toBe(9001);
    expect(resolvePort('9002', { PORT: '9001' })).toBe(9002);
    expect(resolvePort('0', {})).toBe(0);
  });

  it('refuses ports that are not ports, as a usage error', () => {
    for (const bad of ['-1', '65536', 'http', '80.5', '']) expect(() => resolvePort(bad, {}), bad).toThrow(UsageError);
    expect(() => resolvePort(undefined, { PORT: 'eighty' })).toThrow(/PORT/);
  });
});

describe('CORS', () => {
  it('is off by default and answers only the configured origins when on', async () => {
    const off = await makeHarness();
    const plain = await off.call('GET', '/v1/jobs', { key: off.keys.viewer, headers: { origin: 'https://evil.example' } });
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
    await off.close();

    const on = await makeHarness({ cors: { origins: ['https://ui.example'] } });
    const preflight = await on.app.request('/v1/screen', {
      method: 'OPTIONS',
      headers: { origin: 'https://ui.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://ui.example');
    const other = await on.call('GET', '/v1/jobs', { key: on.keys.viewer, headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await on.close();
  });
});
