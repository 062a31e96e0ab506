import type { Command } from 'commander';
import { CATALOG } from '../../core/catalog/catalog.ts';
import { measure } from '../../core/classification/measurements.ts';
import { printJson, renderTable } from '../output.ts';

export function register(program: Command): void {
  program
    .command('chips')
    .description('List the built-in accelerator catalog (public specifications with sources; TPP and PD computed)')
    .option('--json', 'print the catalog as JSON')
    .action((options: { json?: boolean }) => {
      const rows = CATALOG.map((spec) => {
        const m = measure(spec);
        return { spec, tpp: m.tpp.tpp, pd: m.values.pd, binding: m.tpp.binding };
      });
      if (options.json === true) {
        printJson(rows.map((r) => ({ ...r.spec, tpp: r.tpp, performanceDensity: r.pd === null ? null : Math.round(r.pd * 1e4) / 1e4, tppPrecision: r.binding })));
        return;
      }
      process.stdout.write(
        renderTable(
          ['id', 'vendor', 'model', 'market', 'TPP', 'via', 'die mm²', 'PD', 'DRAM GB/s', 'link GB/s', 'est.'],
          rows.map((r) => [
            r.spec.id,
            r.spec.vendor,
            r.spec.model,
            r.spec.market,
            r.tpp === null ? null : Math.round(r.tpp),
            r.binding,
            r.spec.die_area_mm2,
            r.pd,
            r.spec.memory_bw_gbs,
            r.spec.interconnect_bw_gbs,
            Object.keys(r.spec.estimates).join(',') || null,
          ]),
        ),
      );
      process.stdout.write(`\n${CATALOG.length} accelerators. TPP = max dense rate × bit length; PD = TPP ÷ die area. "est." lists estimated fields. Sources: \`clearance chips --json\`.\n`);
    });
}
