import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrderBook, type BookEvent } from './csv-reader.ts';

async function collect(text: string): Promise<BookEvent[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'clearance-reader-')), 'book.csv');
  writeFileSync(path, text);
  const events: BookEvent[] = [];
  for await (const e of readOrderBook(path)) events.push(e);
  return events;
}

const HEADER = '\uFEFFOrder_ID,order_date,item,quantity,ship_to_country,end_user,end_user_country,note';

describe('readOrderBook', () => {
  it('streams lines in file order, reporting malformed records where they sit and reading on', async () => {
    const events = await collect(
      [
        HEADER,
        'A,2024-06-01,nvidia-l4,1,DE,Berlin GmbH,DE,first',
        'B,2024-06-01,nvidia-l4,1,DE,Too many,DE,x,y,z',
        'C,2024-06-01,nvidia-l4,-1,DE,Negative,DE,',
        'D,2024-06-01,nvidia-l4,2,DE,"Quoted, Name",DE,last',
      ].join('\n') + '\n',
    );
    expect(events[0]).toEqual({ kind: 'header', columns: ['order_id', 'order_date', 'item', 'quantity', 'ship_to_country', 'end_user', 'end_user_country', 'note'] });
    const rest = events.slice(1).map((e) => (e.kind === 'line' ? `line ${e.line.lineNumber} ${e.line.orderId}` : e.kind === 'error' ? `error ${e.error.lineNumber} ${e.error.issues[0]?.field}` : 'header'));
    expect(rest).toEqual(['line 2 A', 'error 3 record', 'error 4 quantity', 'line 5 D']);
    const last = events.at(-1);
    expect(last?.kind === 'line' ? [last.line.endUser, last.line.extra['note']] : null).toEqual(['Quoted, Name', 'last']);
  });

  it('rejects a header without the required columns before reading any line', async () => {
    await expect(collect('order_id,item\nA,nvidia-l4\n')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
