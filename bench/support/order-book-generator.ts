import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** A deterministic synthetic order book (realistic mix of items, destinations, HQs and end uses) for benchmarks. */
const ITEMS = ['nvidia-h100-sxm5-80gb', 'nvidia-h20', 'nvidia-rtx-4090', 'nvidia-rtx-4090d', 'nvidia-l20', 'nvidia-l40s', 'nvidia-h200-sxm', 'nvidia-b200', 'amd-mi300x', 'nvidia-a40'];
const PLACES: readonly (readonly [string, string])[] = [
  ['DE', 'DE'], ['CN', 'CN'], ['MY', 'CN'], ['VN', 'VN'], ['IN', 'IN'], ['AE', 'AE'], ['SG', 'SG'], ['HK', 'HK'], ['SA', 'SA'], ['JP', 'US'], ['IL', 'IL'], ['TH', 'TH'],
];
const USES = ['commercial', 'research', '', 'cloud-iaas', 'ai-training', 'supercomputer'];
const DATES = ['2023-06-01', '2024-03-12', '2024-11-05', '2025-04-22', '2025-09-01', '2026-02-10', '2026-08-03'];

export const BOOK_HEADER = 'order_id,order_date,item,quantity,unit_price_usd,ship_from_country,ship_to_country,end_user,end_user_country,end_user_hq_country,end_use,consignee';

export function bookLine(i: number): string {
  const [to, hq] = PLACES[i % PLACES.length]!;
  return `SO-${i},${DATES[(i >> 3) % DATES.length]},${ITEMS[(i * 7) % ITEMS.length]},${1 + (i % 64)},${1000 + (i % 30) * 1000},US,${to},Customer ${i % 5000},${to},${hq},${USES[i % USES.length]},`;
}

export async function writeBook(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(BOOK_HEADER + '\n');
  let chunk: string[] = [];
  for (let i = 0; i < lines; i++) {
    chunk.push(bookLine(i));
    if (chunk.length === 10_000) {
      if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
      chunk = [];
    }
  }
  if (chunk.length > 0) out.write(chunk.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}
