import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ClearanceError } from '../../core/errors.ts';
import type { RawFile } from './raw-file.ts';

/** The files at a path: the file itself, or the regular files directly inside a folder. */
export async function readListPath(path: string): Promise<RawFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new ClearanceError('invalid_input', `no file or folder at "${path}"`, { field: 'path' });
  }
  if (info.isFile()) return [{ name: basename(path), bytes: await readFile(path) }];
  if (!info.isDirectory()) throw new ClearanceError('invalid_input', `"${path}" is neither a file nor a folder`, { field: 'path' });
  const names = (await readdir(path, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();
  if (names.length === 0) throw new ClearanceError('invalid_input', `the folder "${path}" holds no files`, { field: 'path' });
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(path, name)) })));
}
