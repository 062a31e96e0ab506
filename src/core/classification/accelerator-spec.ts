import { z } from 'zod';
import type { FieldIssue } from '../errors.ts';
import { err, ok, type Result } from '../result.ts';
import { PRECISIONS, type Market } from './types.ts';

/**
 * One accelerator as the catalog and `--spec` files describe it. Keys are the column names of the
 * accelerator catalog CSV (numbers as numbers, null when blank), plus a few optional additions
 * (`int4`, `standalone_memory`, `package_area_mm2`, `estimates`) that the classification needs.
 */
export interface AcceleratorSpec {
  readonly id: string;
  readonly vendor: string | null;
  readonly model: string | null;
  readonly base_die: string | null;
  readonly year: number | null;
  readonly form: string | null;
  readonly market: Market;
  readonly architecture: string | null;
  readonly process_node: string | null;
  readonly compute_die_count: number | null;
  /** Applicable die area: all logic dies on a non-planar (FinFET/GAA) process, mm². */
  readonly die_area_mm2: number | null;
  readonly die_area_note: string | null;
  readonly transistors_b: number | null;
  /** Peak dense rates, TFLOPS (TOPS for integer types), without structured sparsity. */
  readonly fp64: number | null;
  readonly fp32: number | null;
  readonly tf32: number | null;
  readonly fp16: number | null;
  readonly bf16: number | null;
  readonly fp8: number | null;
  readonly fp6: number | null;
  readonly int8: number | null;
  readonly fp4: number | null;
  readonly int4: number | null;
  readonly memory_type: string | null;
  readonly memory_gb: number | null;
  readonly memory_bw_gbs: number | null;
  /** Chip-to-chip (scale-up) link rate, aggregate bidirectional, GB/s. */
  readonly interconnect_bw_gbs: number | null;
  readonly interconnect_type: string | null;
  readonly host_interface: string | null;
  readonly tdp_w: number | null;
  readonly sources: readonly string[];
  readonly notes: string | null;
  /** True for a standalone memory part (HBM stack), judged under 3A090.c rather than .a/.b. */
  readonly standalone_memory: boolean;
  /** Package or stack area, mm²: the denominator of memory bandwidth density (3A090.c). */
  readonly package_area_mm2: number | null;
  /** Field name → how the value was estimated and from what source (values not from a datasheet). */
  readonly estimates: Readonly<Record<string, string>>;
}

export const MARKETS: readonly Market[] = ['datacenter', 'consumer', 'workstation'];

export const NUMERIC_FIELDS = [
  'year',
  'compute_die_count',
  'die_area_mm2',
  'transistors_b',
  ...PRECISIONS,
  'memory_gb',
  'memory_bw_gbs',
  'interconnect_bw_gbs',
  'tdp_w',
  'package_area_mm2',
] as const;

export const TEXT_FIELDS = [
  'vendor',
  'model',
  'base_die',
  'form',
  'architecture',
  'process_node',
  'die_area_note',
  'memory_type',
  'interconnect_type',
  'host_interface',
  'notes',
] as const;

const OTHER_FIELDS = ['id', 'market', 'sources', 'standalone_memory', 'estimates'] as const;
const KNOWN_FIELDS: ReadonlySet<string> = new Set<string>([...NUMERIC_FIELDS, ...TEXT_FIELDS, ...OTHER_FIELDS]);
/** Keys that look like a numeric precision; an unknown one is reported as such, not as a stray field. */
const PRECISION_LIKE = /^(fp|int|bf|tf|uint|mxfp|nvfp)\d+$/i;

const nonNegativeOrNull = (field: string) =>
  z.unknown().optional().transform((value, ctx): number | null => {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value !== 'number') {
      ctx.addIssue({ code: 'custom', message: `${field} must be a number, got ${describe(value)}` });
      return z.NEVER;
    }
    if (Number.isNaN(value) || !Number.isFinite(value)) {
      ctx.addIssue({ code: 'custom', message: `${field} must be a finite number, got ${String(value)}` });
      return z.NEVER;
    }
    if (value < 0) {
      ctx.addIssue({ code: 'custom', message: `${field} must not be negative, got ${value}` });
      return z.NEVER;
    }
    return value;
  });

const textOrNull = z.union([z.string(), z.null()]).optional().transform((v) => (v === undefined || v === '' ? null : v));

const num = (field: string) => nonNegativeOrNull(field);

const specSchema = z.object({
  id: z.string().trim().min(1, 'id must be a non-empty string'),
  market: z.union([z.enum(['datacenter', 'consumer', 'workstation']), z.null()]).optional(),
  sources: z
    .union([z.string(), z.array(z.string()), z.null()])
    .optional()
    .transform((v): readonly string[] => (v === undefined || v === null ? [] : typeof v === 'string' ? splitSources(v) : v)),
  standalone_memory: z.boolean().optional().default(false),
  estimates: z.record(z.string(), z.string()).optional().default({}),
  year: num('year'),
  compute_die_count: num('compute_die_count'),
  die_area_mm2: num('die_area_mm2'),
  transistors_b: num('transistors_b'),
  fp64: num('fp64'),
  fp32: num('fp32'),
  tf32: num('tf32'),
  fp16: num('fp16'),
  bf16: num('bf16'),
  fp8: num('fp8'),
  fp6: num('fp6'),
  int8: num('int8'),
  fp4: num('fp4'),
  int4: num('int4'),
  memory_gb: num('memory_gb'),
  memory_bw_gbs: num('memory_bw_gbs'),
  interconnect_bw_gbs: num('interconnect_bw_gbs'),
  tdp_w: num('tdp_w'),
  package_area_mm2: num('package_area_mm2'),
  vendor: textOrNull,
  model: textOrNull,
  base_die: textOrNull,
  form: textOrNull,
  architecture: textOrNull,
  process_node: textOrNull,
  die_area_note: textOrNull,
  memory_type: textOrNull,
  interconnect_type: textOrNull,
  host_interface: textOrNull,
  notes: textOrNull,
});

export const MARKET_ASSUMED = 'not given: assumed "datacenter", the conservative reading of "designed or marketed for use in datacenters"';

const ACCEPTED: Record<string, string> = {
  market: MARKETS.join(' | '),
  id: 'a non-empty string',
  standalone_memory: 'true | false',
  sources: 'a string ("a | b") or an array of strings',
  estimates: 'an object of field name to text',
};

/** Validates an untrusted JSON object (a `--spec` file, an API body) into an AcceleratorSpec. */
export function parseAcceleratorSpec(json: unknown): Result<AcceleratorSpec, FieldIssue[]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err([{ code: 'invalid_input', message: `a spec must be a JSON object, got ${describe(json)}`, accepted: 'an object keyed by the catalog column names' }]);
  }
  const issues: FieldIssue[] = [];
  for (const key of Object.keys(json)) {
    if (KNOWN_FIELDS.has(key)) continue;
    if (PRECISION_LIKE.test(key)) {
      issues.push({ code: 'invalid_input', field: key, message: `unknown precision "${key}"`, accepted: PRECISIONS.join(', ') });
    } else {
      issues.push({ code: 'invalid_input', field: key, message: `unknown field "${key}"`, accepted: [...KNOWN_FIELDS].join(', ') });
    }
  }
  const parsed = specSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      const accepted = ACCEPTED[field] ?? (isNumericField(field) ? 'a finite number >= 0, or null when unknown' : undefined);
      const message = field === 'market' ? `market must be one of ${MARKETS.join(', ')}` : field === 'id' && issue.code !== 'custom' ? 'id is required: a non-empty string' : issue.message;
      issues.push({
        code: 'invalid_input',
        ...(field === '' ? {} : { field }),
        message,
        ...(accepted === undefined ? {} : { accepted }),
      });
    }
  }
  if (!parsed.success || issues.length > 0) return err(issues);
  const { standalone_memory, estimates, market, ...rest } = parsed.data;
  if (market === undefined || market === null) {
    // Unknown market: the conservative reading is "designed or marketed for use in datacenters".
    return ok({ ...rest, market: 'datacenter', standalone_memory, estimates: { ...estimates, market: MARKET_ASSUMED } });
  }
  return ok({ ...rest, market, standalone_memory, estimates });
}

function isNumericField(field: string): boolean {
  return (NUMERIC_FIELDS as readonly string[]).includes(field);
}

export function splitSources(raw: string): string[] {
  return raw
    .split(' | ')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return typeof value;
}
