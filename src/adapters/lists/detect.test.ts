import { describe, expect, it } from 'vitest';
import { missingShared, sharedPath } from '../../../tests/support/shared-data.ts';
import { parseListFiles } from './detect.ts';
import type { RawFile } from './raw-file.ts';
import { readListPath } from './read-path.ts';

const text = (name: string, body: string): RawFile => ({ name, bytes: new TextEncoder().encode(body) });

describe('format detection', () => {
  it('recognises each format by content, whatever the file is called', () => {
    const files = [
      text('export.tsv', '"Name"\t"Street_Address"\t"City"\t"State"\t"Country"\t"Postal_Code"\t"Effective_Date"\t"Expiration_Date"\t"Standard_Order"\t"Last_Update"\t"Action"\t"FR_Citation"\n"A B"\t""\t""\t""\t"US"\t""\t"01/01/2020"\t""\t"Y"\t""\t""\t""\n'),
      text('list.json', '{"results":[{"id":"1","source":"Unverified List (UVL) - Bureau of Industry and Security","name":"Example"}]}'),
      text('ours.csv', 'id,name\n1,Our Watched Co\n'),
      text('csl-download.csv', '_id,source,name,alt_names\n1,Entity List (EL) - Bureau of Industry and Security,Example EL Co,\n'),
      text('notes.md', '# notes'),
    ];
    const { imports, ignored } = parseListFiles(files, 'folder');
    expect(imports.map((i) => i.format)).toEqual(['bis-dpl-txt', 'csl-json', 'internal-csv', 'csl-csv']);
    expect(ignored).toEqual([{ name: 'notes.md', reason: 'not a list file' }]);
  });

  it('refuses OFAC companion files without their primary file', () => {
    expect(() => parseListFiles([text('alt.csv', '1,1,"aka","X",-0- \r\n\u001a')], 'folder')).toThrow(/not sdn.csv/);
  });
});

describe.skipIf(missingShared('data', 'lists') !== null)('folders of official files (shared data)', () => {
  it('reads the OFAC 2021 folder as one SDN import and ignores SOURCES-like files', async () => {
    const { imports } = parseListFiles(await readListPath(sharedPath('data', 'lists', 'ofac_sdn_full_set_2021-07')), 'ofac_sdn_full_set_2021-07');
    expect(imports.map((i) => [i.source, i.files.length])).toEqual([['ofac-sdn', 4]]);
  });
  it('reads a single CSL file by path', async () => {
    const { imports, ignored } = parseListFiles(await readListPath(sharedPath('data', 'lists', 'csl_2026-07-31')), 'csl');
    expect(imports.map((i) => i.format)).toEqual(['csl-csv']);
    expect(ignored.map((i) => i.name)).toEqual(['SOURCES.md']);
  });
});

describe.skipIf(missingShared('data', 'lists', 'ofac_sdn_full_set_2021-07') !== null)('an OFAC primary file given alone (shared data)', () => {
  it('brings its companion files from the same folder', async () => {
    const files = await readListPath(sharedPath('data', 'lists', 'ofac_sdn_full_set_2021-07', 'sdn.csv'));
    expect(files.map((f) => f.name)).toEqual(['sdn.csv', 'add.csv', 'alt.csv', 'sdn_comments.csv']);
  });
});
