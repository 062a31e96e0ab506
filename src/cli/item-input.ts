import { readFileSync } from 'node:fs';
import { isoDateOf, parseIsoDate, type IsoDate } from '../core/calendar/iso-date.ts';
import { findChip, suggestChipIds } from '../core/catalog/catalog.ts';
import { parseAcceleratorSpec, type AcceleratorSpec } from '../core/classification/accelerator-spec.ts';
import { ClearanceError } from '../core/errors.ts';
import { UsageError } from './main.ts';

/** `--chip ID | --spec FILE`: exactly one; returns the validated spec. */
export function loadItem(options: { chip?: string; spec?: string }): AcceleratorSpec {
  if (options.chip !== undefined && options.spec !== undefined) throw new UsageError('give either --chip ID or --spec FILE, not both');
  if (options.chip !== undefined) {
    const spec = findChip(options.chip);
    if (spec === undefined) {
      const hints = suggestChipIds(options.chip);
      throw new ClearanceError('unknown_item', `no chip "${options.chip}" in the catalog (see \`clearance chips\`)${hints.length > 0 ? `; did you mean ${hints.join(', ')}?` : ''}`, {
        issues: [{ code: 'unknown_item', field: 'chip', message: `no chip "${options.chip}" in the catalog`, accepted: `a catalog id (see \`clearance chips\`)${hints.length > 0 ? `, e.g. ${hints.join(', ')}` : ''}` }],
        field: 'chip',
      });
    }
    return spec;
  }
  if (options.spec !== undefined) return readSpecFile(options.spec);
  throw new UsageError('give --chip ID (see `clearance chips`) or --spec FILE (a JSON object keyed by the catalog column names)');
}

function readSpecFile(path: string): AcceleratorSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    throw new ClearanceError('invalid_input', `--spec ${path}: ${reason}`, { field: 'spec' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ClearanceError('invalid_input', `--spec ${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { field: 'spec' });
  }
  const parsed = parseAcceleratorSpec(json);
  if (!parsed.ok) throw ClearanceError.fromIssues(parsed.error);
  return parsed.value;
}

/** `--as-of YYYY-MM-DD`, defaulting to today's UTC date (the CLI is the edge that may read the clock). */
export function asOfDate(value: string | undefined): IsoDate {
  if (value === undefined) return isoDateOf(new Date());
  const parsed = parseIsoDate(value, 'as-of');
  if (!parsed.ok) throw ClearanceError.fromIssues([parsed.error]);
  return parsed.value;
}

/** `--datacenter yes|no`: the officer's own "designed or marketed for datacenters" finding, overriding the market column. */
export function datacenterOverride(value: string | undefined): { datacenter?: boolean } {
  if (value === undefined) return {};
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'true') return { datacenter: true };
  if (v === 'no' || v === 'false') return { datacenter: false };
  throw new ClearanceError('invalid_input', `--datacenter "${value}" is not yes or no`, {
    issues: [{ code: 'invalid_input', field: 'datacenter', message: `"${value}" is not yes or no`, accepted: 'yes | no' }],
    field: 'datacenter',
  });
}
