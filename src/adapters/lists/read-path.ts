import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ClearanceError } from '../../core/errors.ts';
import { OFAC_FILE_NAMES } from './ofac-legacy.ts';
import type { RawFile } from './raw-file.ts';

/**
 * The files at a path: the file itself, or the regular files directly inside a folder.
 * An OFAC primary file (sdn.csv, cons_prim.csv) brings its companion files from the same folder,
 * since aliases and addresses live only there.
 */
export async function readListPath(path: string): Promise<RawFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ClearanceError('invalid_input', `no file or folder at "${path}"`, { field: 'path' });
  }
  if (info.isFile()) {
    const name = basename(path);
    const files: RawFile[] = [{ name, bytes: await readFile(path) }];
    const set = Object.values(OFAC_FILE_NAMES).find((s) => s.primary === name.toLowerCase());
    if (set !== undefined) {
      const present = new Set(await readdir(dirname(path)));
      for (const companion of [set.addresses, set.aliases, set.comments]) {
        if (present.has(companion)) files.push({ name: companion, bytes: await readFile(join(dirname(path), companion)) });
      }
    }
    return files;
  }
  if (!info.isDirectory()) throw new ClearanceError('invalid_input', `"${path}" is neither a file nor a folder`, { field: 'path' });
  const names = (await readdir(path, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();
  if (names.length === 0) throw new ClearanceError('invalid_input', `the folder "${path}" holds no files`, { field: 'path' });
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(path, name)) })));
}
