import type { EvaluationContext } from './evaluation-context.ts';
import { describeThreshold, evaluateConjunction, type ConjunctionOutcome } from './margin.ts';
import { addMissing } from './missing-data.ts';
import type { ControlLevel, ParameterParagraph } from './rule-model.ts';
import { inputsFor, paragraphInputs } from './test-inputs.ts';
import type { ClassificationStatus } from './types.ts';

/** Where the item stands against the 3A090 parameters of one rule version, before placement (4A090, .z). */
export interface ParameterOutcome {
  readonly status: ClassificationStatus;
  readonly matched: { readonly paragraph: ParameterParagraph; readonly outcome: ConjunctionOutcome } | null;
  readonly controlLevel: ControlLevel | null;
  readonly summary: string;
  readonly bindingMargins: readonly string[];
  /** When undetermined: the paragraphs still possible. */
  readonly possible: readonly string[];
}

type Evaluated = { readonly paragraph: ParameterParagraph; readonly outcome: ConjunctionOutcome };

/** Applies the data-center test, the exclusions (Note 2) and every paragraph, recording each as a test. */
export function evaluateParameters(ctx: EvaluationContext): ParameterOutcome {
  recordDatacenterTest(ctx);
  const exclusion = applyExclusions(ctx);
  const paragraphs = ctx.version.paragraphs.filter((p) => p.appliesTo === ctx.kind);
  const evaluated = paragraphs.map((paragraph) => ({ paragraph, outcome: evaluateConjunction(paragraph.conditions, ctx.values) }));
  for (const { paragraph, outcome } of evaluated) {
    ctx.tests.push({
      id: paragraph.paragraph.toLowerCase(),
      paragraph: paragraph.paragraph,
      description: paragraph.text,
      inputs: paragraphInputs(paragraph, ctx.spec, ctx.measurements),
      threshold: describeThreshold(paragraph.conditions),
      passed: outcome.met,
      margin: outcome.margin,
      citation: paragraph.citation,
    });
  }
  if (paragraphs.length === 0) recordNoParagraph(ctx);

  if (exclusion.excludedBy !== null) {
    const { text, margin } = exclusion.excludedBy;
    return {
      status: 'not-controlled',
      matched: null,
      controlLevel: null,
      summary: `not 3A090: ${text} (not designed or marketed for datacenters; ${margin ?? ''})`,
      bindingMargins: margin === null ? [] : [`${text}: ${margin}`],
      possible: [],
    };
  }
  return decide(ctx, evaluated, exclusion.unknown);
}

/**
 * The highest level with a met paragraph wins. A level that cannot be evaluated (missing data)
 * leaves the answer open, because a lower level may not be reported while a higher one is possible.
 */
function decide(ctx: EvaluationContext, evaluated: readonly Evaluated[], exclusionUnknown: boolean): ParameterOutcome {
  let matched: Evaluated | null = null;
  const possible: string[] = [];
  let undetermined = exclusionUnknown;
  for (const level of [...new Set(evaluated.map((e) => e.paragraph.level))]) {
    const atLevel = evaluated.filter((e) => e.paragraph.level === level);
    const hit = atLevel.find((e) => e.outcome.met === true);
    if (hit !== undefined) {
      if (undetermined) possible.push(hit.paragraph.paragraph);
      else matched = hit;
      break;
    }
    const open = atLevel.filter((e) => e.outcome.met === null);
    if (open.length > 0) {
      undetermined = true;
      possible.push(...open.map((e) => e.paragraph.paragraph));
      for (const e of open) for (const o of e.outcome.binding) addMissing(ctx.insufficient, o.condition.quantity, ctx.values);
    }
  }

  if (undetermined) {
    const missing = [...ctx.insufficient].map((m) => m.split(':')[0]).join(', ');
    return {
      status: 'undetermined',
      matched: null,
      controlLevel: null,
      summary: `undetermined: ${missing} needed (could be ${possible.join(', ')}${possible.length > 0 ? ' or ' : ''}not 3A090)`,
      bindingMargins: [],
      possible,
    };
  }
  if (matched !== null) {
    const { paragraph, outcome } = matched;
    return {
      status: 'controlled',
      matched,
      controlLevel: paragraph.level,
      summary: `${paragraph.paragraph}: ${outcome.margin ?? 'met'}`,
      bindingMargins: outcome.margin === null ? [] : [`${paragraph.paragraph}: ${outcome.margin}`],
      possible: [],
    };
  }
  // The binding lines are those of the lowest level: the first the item would cross (H20: .b.1 and .b.2).
  const lowest = evaluated.at(-1)?.paragraph.level;
  const binding = evaluated.filter((e) => e.paragraph.level === lowest).map((e) => `${e.paragraph.paragraph}: ${e.outcome.margin ?? 'not met'}`);
  const others = evaluated.filter((e) => e.paragraph.level !== lowest).map((e) => `${shortName(e.paragraph.paragraph)}: ${e.outcome.margin ?? 'not met'}`);
  const regime = ctx.version.paragraphs.some((p) => p.level === 'legacy-2022') ? ' (2022 rule)' : '';
  return {
    status: 'not-controlled',
    matched: null,
    controlLevel: null,
    summary: `not 3A090${regime}: ${binding.map(shortName).join('; ')}${others.length > 0 ? ` (also ${others.join('; ')})` : ''}`,
    bindingMargins: binding,
    possible: [],
  };
}

function recordDatacenterTest(ctx: EvaluationContext): void {
  const note2 = ctx.version.exclusions.find((e) => e.onlyWhenNotDatacenter);
  if (note2 === undefined || ctx.kind !== 'logic') return;
  ctx.tests.push({
    id: 'datacenter',
    paragraph: null,
    description: `Designed or marketed for use in datacenters: ${ctx.datacenter ? 'yes' : 'no'} (${ctx.options.datacenter === undefined ? `from market = ${ctx.spec.market}` : 'set by the caller'}).`,
    inputs: { market: ctx.spec.market, datacenter: ctx.datacenter },
    threshold: 'designed or marketed for use in datacenters',
    passed: ctx.datacenter,
    margin: null,
    citation: note2.citation,
  });
}

/** Exclusions (Note 2) take a logic IC out whatever its parameters. */
function applyExclusions(ctx: EvaluationContext): { excludedBy: { text: string; margin: string | null } | null; unknown: boolean } {
  let excludedBy: { text: string; margin: string | null } | null = null;
  let unknown = false;
  if (ctx.kind !== 'logic') return { excludedBy, unknown };
  for (const exclusion of ctx.version.exclusions) {
    const applicable = !exclusion.onlyWhenNotDatacenter || !ctx.datacenter;
    const outcome = evaluateConjunction(exclusion.conditions, ctx.values);
    const met = applicable ? outcome.met : false;
    ctx.tests.push({
      id: exclusion.id,
      paragraph: exclusion.paragraph,
      description: exclusion.text,
      inputs: { datacenter: ctx.datacenter, ...inputsFor(exclusion.conditions.map((c) => c.quantity), ctx.values) },
      threshold: `${exclusion.onlyWhenNotDatacenter ? 'not designed or marketed for datacenters AND ' : ''}${describeThreshold(exclusion.conditions)}`,
      passed: met,
      margin: applicable ? outcome.margin : 'not applicable: designed or marketed for datacenters',
      citation: exclusion.citation,
    });
    if (met === true && excludedBy === null) excludedBy = { text: exclusion.paragraph, margin: outcome.margin };
    if (met === null) {
      unknown = true;
      for (const o of outcome.binding) addMissing(ctx.insufficient, o.condition.quantity, ctx.values);
    }
  }
  return { excludedBy, unknown };
}

function recordNoParagraph(ctx: EvaluationContext): void {
  const memory = ctx.kind === 'memory';
  ctx.tests.push({
    id: `${ctx.kind}-paragraphs`,
    paragraph: null,
    description: memory
      ? `No 3A090 paragraph covered standalone memory on ${ctx.asOf}; 3A090.c (HBM) applies from 2024-12-02.`
      : `No 3A090 paragraph covered logic ICs on ${ctx.asOf}.`,
    inputs: { standalone_memory: ctx.spec.standalone_memory },
    threshold: memory ? 'date >= 2024-12-02' : 'n/a',
    passed: false,
    margin: null,
    citation: ctx.version.citation,
  });
}

function shortName(paragraph: string): string {
  return paragraph.replace(/^3A090\./, '');
}
