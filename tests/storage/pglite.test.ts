import { afterAll } from 'vitest';
import { pgliteHarness } from './support/harness.ts';
import { jobsContract } from './jobs.contract.ts';
import { storeContract } from './store.contract.ts';

const harness = pgliteHarness();
storeContract('PGlite (embedded)', harness);
jobsContract('PGlite (embedded)', harness);
afterAll(() => harness.dispose());
