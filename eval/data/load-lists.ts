/**
 * Loads list entries through the product's own ingestion adapters, so the harness and the
 * benchmarks measure the matcher on exactly the entries `clearance lists import` produces.
 */
import { parseListFiles } from '../../src/adapters/lists/detect.ts';
import { readListPath } from '../../src/adapters/lists/read-path.ts';
import type { ListEntry } from '../../src/core/screening/types.ts';

export async function loadListEntries(path: string): Promise<ListEntry[]> {
  const { imports } = parseListFiles(await readListPath(path), path);
  return imports.flatMap((listImport) => [...listImport.entries]);
}
