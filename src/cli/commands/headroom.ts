import type { Command } from 'commander';
import { headroom, type HeadroomResult, type HeadroomScope } from '../../core/classification/headroom.ts';
import { formatNumber } from '../../core/classification/margin.ts';
import { asOfDate, datacenterOverride, loadItem } from '../item-input.ts';
import { printJson, renderTable } from '../output.ts';

export function register(program: Command): void {
  program
    .command('headroom')
    .description('For this die and date: the highest dense rate per precision, TPP and PD that keep the item outside 3A090 (and outside 3A090.a), with the binding constraint')
    .option('--chip <id>', 'a catalog id (see `clearance chips`)')
    .option('--spec <file>', 'a JSON file keyed by the catalog column names')
    .option('--as-of <date>', 'YYYY-MM-DD (default: today, UTC)')
    .option('--datacenter <yes|no>', 'override the market column for "designed or marketed for use in datacenters"')
    .option('--json', 'print one JSON object')
    .action((options: { chip?: string; spec?: string; asOf?: string; json?: boolean; datacenter?: string }) => {
      const result = headroom(loadItem(options), asOfDate(options.asOf), datacenterOverride(options.datacenter));
      if (options.json === true) printJson(result);
      else process.stdout.write(renderHeadroom(result));
    });
}

function renderHeadroom(r: HeadroomResult): string {
  const lines = [
    `${r.item} as of ${r.asOf} (rule version ${r.ruleVersion ?? 'none'}; datacenter: ${r.datacenter ? 'yes' : 'no'}; die ${r.dieAreaMm2 ?? 'unknown'} mm²)`,
    `  current TPP ${r.tpp === null ? 'unknown' : formatNumber(r.tpp, 1)}, PD ${r.performanceDensity === null ? 'unknown' : formatNumber(r.performanceDensity, 2)}`,
    '',
  ];
  for (const s of [r.outside3A090, r.outside3A090a]) lines.push(...renderScope(s), '');
  if (r.insufficientData.length > 0) lines.push('Insufficient data:', ...r.insufficientData.map((d) => `  - ${d}`), '');
  if (r.notes.length > 0) lines.push(...r.notes.map((n) => `Note: ${n}`), '');
  lines.push('Limits are exclusive: the item stays outside while the value is strictly below them.');
  return lines.join('\n') + '\n';
}

function renderScope(s: HeadroomScope): string[] {
  const known = s.rates.filter((rate) => rate.currentDenseTops !== null);
  return [
    `Outside ${s.scope}: ${s.summary}`,
    `  max TPP < ${s.maxTpp.value === null ? '∞' : formatNumber(s.maxTpp.value, 1)}${s.pdAtMaxTpp === null ? '' : ` (PD ${formatNumber(s.pdAtMaxTpp, 2)} on this die)`}; binding: ${s.maxTpp.binding}`,
    ...(s.maxPdAtCurrentTpp === null ? [] : [`  max PD at current TPP < ${s.maxPdAtCurrentTpp.value === null ? '∞' : formatNumber(s.maxPdAtCurrentTpp.value, 2)}; binding: ${s.maxPdAtCurrentTpp.binding}`]),
    ...(s.maxIoAtCurrentTpp === null ? [] : [`  max I/O at current TPP < ${s.maxIoAtCurrentTpp.value === null ? '∞' : `${formatNumber(s.maxIoAtCurrentTpp.value, 0)} GB/s`}; binding: ${s.maxIoAtCurrentTpp.binding}`]),
    renderTable(
      ['precision', 'bits', 'dense now', 'max dense (<)'],
      (known.length > 0 ? known : s.rates).map((rate) => [rate.precision, rate.bitLength, rate.currentDenseTops, rate.maxDenseTops === null ? '∞' : formatNumber(rate.maxDenseTops, 2)]),
    )
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  ];
}
