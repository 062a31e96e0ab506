/**
 * Classification throughput of the pure engine: the whole catalog × 50 dates (2022-06 to 2026-06).
 * Baseline, measured in the same run: computing TPP and PD only (no rules), so the ratio shows what
 * the dated rule evaluation and the explanation cost on top of the arithmetic.
 */
import { isoDate, type IsoDate } from '../src/core/calendar/iso-date.ts';
import { CATALOG } from '../src/core/catalog/catalog.ts';
import { classify, classifyAt } from '../src/core/classification/classify.ts';
import { headroom } from '../src/core/classification/headroom.ts';
import { measure } from '../src/core/classification/measurements.ts';

const DAY = 86_400_000;
const DATES: IsoDate[] = Array.from({ length: 50 }, (_, i) => isoDate(new Date(Date.parse('2022-06-01') + i * 31 * DAY).toISOString().slice(0, 10)));

function timeIt(label: string, rounds: number, body: () => number): { label: string; perSecond: number; ops: number } {
  body(); // warm-up
  let sink = 0;
  const start = process.hrtime.bigint();
  let ops = 0;
  for (let r = 0; r < rounds; r++) ops += body();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  sink += ops;
  return { label, perSecond: sink / seconds, ops };
}

export async function run(): Promise<void> {
  const pairs = CATALOG.flatMap((spec) => DATES.map((date) => ({ spec, date })));
  let checksum = 0;
  const baseline = timeIt('baseline: TPP + PD only', 20, () => {
    for (const { spec } of pairs) checksum += measure(spec).tpp.tpp ?? 0;
    return pairs.length;
  });
  const onDate = timeIt('classifyAt (one date, with explanation)', 5, () => {
    for (const { spec, date } of pairs) checksum += classifyAt(spec, date, {}, measure(spec)).tests.length;
    return pairs.length;
  });
  const full = timeIt('classify (with later-changes look-ahead)', 5, () => {
    for (const { spec, date } of pairs) checksum += classify(spec, date).laterChanges.length;
    return pairs.length;
  });
  const room = timeIt('headroom', 5, () => {
    for (const { spec, date } of pairs) checksum += headroom(spec, date).outside3A090.maxTpp.value ?? 0;
    return pairs.length;
  });
  process.stdout.write(`${CATALOG.length} chips × ${DATES.length} dates = ${pairs.length} items per round (checksum ${Math.round(checksum) % 1000})\n`);
  for (const r of [baseline, onDate, full, room]) {
    const ratio = r === baseline ? '1.00× (baseline)' : `${(baseline.perSecond / r.perSecond).toFixed(1)}× the baseline cost`;
    process.stdout.write(`${r.label.padEnd(44)} ${Math.round(r.perSecond).toLocaleString('en-US').padStart(12)} /s   ${ratio}\n`);
  }
}
