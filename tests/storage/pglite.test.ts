import { pgliteHarness } from './support/harness.ts';
import { storeContract } from './store.contract.ts';

storeContract('PGlite (embedded)', pgliteHarness());
