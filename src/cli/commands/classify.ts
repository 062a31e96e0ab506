import type { Command } from 'commander';
import { classify, type Classification } from '../../core/classification/classify.ts';
import { ClearanceError } from '../../core/errors.ts';
import { asOfDate, datacenterOverride, loadItem } from '../item-input.ts';
import { printJson, renderTable } from '../output.ts';

interface ClassifyCliOptions {
  chip?: string;
  spec?: string;
  asOf?: string;
  json?: boolean;
  hostEccn?: string;
  system?: boolean;
  datacenter?: string;
  exporterRole?: string;
  designerAttestation?: boolean;
  transistorAttestation?: boolean;
}

export function register(program: Command): void {
  program
    .command('classify')
    .description('Classify an accelerator under ECCN 3A090/4A090/.z as of a date, with every test, threshold, margin and citation')
    .option('--chip <id>', 'a catalog id (see `clearance chips`)')
    .option('--spec <file>', 'a JSON file keyed by the catalog column names (market: datacenter | consumer | workstation)')
    .option('--as-of <date>', 'the date to classify on, YYYY-MM-DD (default: today, UTC)')
    .option('--host-eccn <eccn>', 'the ECCN the item would otherwise have, e.g. 5A992 or 4A003 (gives the ".z" paragraph)')
    .option('--system', 'the item is a computer, assembly or board containing the IC (gives 4A090)')
    .option('--datacenter <yes|no>', 'override the market column for "designed or marketed for use in datacenters"')
    .option('--exporter-role <role>', 'front-end-fabricator | osat: applies the Note 1 to 3A090.a presumption (from 2025-01-16)')
    .option('--designer-attestation', 'an approved/authorized IC designer attests TPP/PD below 3A090.a (rebuts Note 1)')
    .option('--transistor-attestation', 'a qualifying transistor-count attestation exists (checked against transistors_b)')
    .option('--json', 'print one JSON object')
    .action((options: ClassifyCliOptions) => {
      const spec = loadItem(options);
      const result = classify(spec, asOfDate(options.asOf), {
        ...(options.hostEccn === undefined ? {} : { hostEccn: options.hostEccn }),
        ...(options.system === true ? { isSystem: true } : {}),
        ...datacenterOverride(options.datacenter),
        ...exporterRole(options.exporterRole),
        ...(options.designerAttestation === true ? { designerAttestation: true } : {}),
        ...(options.transistorAttestation === true ? { transistorCountAttestation: true } : {}),
      });
      if (options.json === true) printJson(result);
      else process.stdout.write(renderClassification(result));
    });
}

function exporterRole(value: string | undefined): { exporterRole?: 'front-end-fabricator' | 'osat' } {
  if (value === undefined) return {};
  const v = value.trim().toLowerCase();
  if (v === 'front-end-fabricator' || v === 'osat') return { exporterRole: v };
  throw new ClearanceError('invalid_input', `--exporter-role "${value}" is not front-end-fabricator or osat`, {
    issues: [{ code: 'invalid_input', field: 'exporter-role', message: `"${value}" is not a known exporter role`, accepted: 'front-end-fabricator | osat' }],
    field: 'exporter-role',
  });
}

export function renderClassification(r: Classification): string {
  const lines: string[] = [];
  const outcome = r.status === 'undetermined' ? 'UNDETERMINED' : r.eccn === null ? 'not in any advanced-computing entry' : `${r.eccn}${r.paragraph !== null && r.paragraph !== r.eccn ? ` (${r.paragraph})` : ''}`;
  lines.push(`${r.item} as of ${r.asOf}: ${outcome}`);
  lines.push(`  ${r.summary}`);
  lines.push(
    `  TPP ${r.tpp ?? 'unknown'}${r.tppBasis === null ? '' : ` (${r.tppBasis.precision} ${r.tppBasis.denseTops} × ${r.tppBasis.bitLength} bit)`}; PD ${r.performanceDensity === null ? 'unknown' : r.performanceDensity.toFixed(2)}; datacenter: ${r.datacenter ? 'yes' : 'no'}`,
  );
  lines.push(`  Rule version: ${r.ruleVersion === null ? 'none (before 3A090 existed)' : `${r.ruleVersion.id} — ${r.ruleVersion.citation.federalRegister}, effective ${r.ruleVersion.effective}`}`);
  lines.push(`  Licence exceptions eligible: ${r.licenseExceptionsEligible.length === 0 ? 'none' : r.licenseExceptionsEligible.join(', ')}`);
  lines.push('');
  lines.push(
    renderTable(
      ['test', 'result', 'threshold', 'margin', 'citation'],
      r.tests.map((t) => [t.paragraph ?? t.id, t.passed === null ? 'unknown' : t.passed ? 'met' : 'not met', t.threshold, t.margin, `${t.citation.federalRegister} (${t.citation.effective})`]),
    ).trimEnd(),
  );
  if (r.insufficientData.length > 0) lines.push('', 'Insufficient data:', ...r.insufficientData.map((d) => `  - ${d}`));
  if (r.policy.length > 0) lines.push('', 'Policy attributes:', ...r.policy.map((p) => `  - ${p.id}: ${p.applies === null ? 'unknown' : p.applies ? 'applies' : 'does not apply'} — ${p.description} [${p.citation.federalRegister}]`));
  if (r.laterChanges.length > 0) lines.push('', 'Later dated rules that change this result:', ...r.laterChanges.map((c) => `  - ${c.effective}: ${c.summary}`));
  if (r.uncertainties.length > 0) lines.push('', 'Uncertain points:', ...r.uncertainties.map((u) => `  - ${u}`));
  return lines.join('\n') + '\n';
}
