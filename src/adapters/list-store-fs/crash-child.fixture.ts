/**
 * Test helper run as a child process: starts an import that never finishes on its own, so the
 * parent can SIGKILL it mid-write. Usage: node --import tsx crash-child.fixture.ts DATA_DIR
 */
import type { ListEntry } from '../../core/screening/types.ts';
import { FsListStore } from './fs-list-store.ts';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: crash-child.fixture.ts DATA_DIR');

function* endless(): Generator<ListEntry> {
  for (let i = 0; ; i += 1) {
    if (i === 5000) process.stdout.write('writing\n');
    if (i >= 5000) {
      // stay inside the import, holding the lock, until killed
      const until = Date.now() + 60_000;
      while (Date.now() < until) {
        /* busy: the parent kills us here */
      }
    }
    yield { list: 'bis-entity', sourceId: `n-${i}`, name: `New Entity ${i}`, aliases: [], type: 'entity', countries: [], addresses: [], programs: [] };
  }
}

await new FsListStore(dataDir).importVersion(
  {
    source: 'trade-csl', format: 'csl-csv', publishedAt: null, publishedAtBasis: null, origin: 'child',
    files: [{ name: 'consolidated.csv', sha256: 'c'.repeat(64), bytes: 1, rows: 1 }], entries: endless(), warnings: [],
  },
  { now: new Date('2026-11-05T00:00:00Z') },
);
