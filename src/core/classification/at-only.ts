import { atOnlyRuleAt } from '../rules/part-774/eccn-3a991-p.ts';
import { hostEccnOf, type EvaluationContext } from './evaluation-context.ts';
import { describeThreshold, evaluateConjunction } from './margin.ts';
import { inputsFor } from './test-inputs.ts';

/**
 * For a logic IC outside the advanced-computing entries: the AT-only entry it meets (3A991.p, or
 * 4A994.l for systems), unless another ECCN (the host) applies. Null when none.
 */
export function atOnlyEntry(ctx: EvaluationContext): string | null {
  const rule = atOnlyRuleAt(ctx.asOf);
  if (rule === null || ctx.kind !== 'logic' || hostEccnOf(ctx.options) !== null) return null;
  const outcomes = rule.anyOf.map((c) => evaluateConjunction([c], ctx.values));
  const met = outcomes.some((o) => o.met === true) ? true : outcomes.some((o) => o.met === null) ? null : false;
  const eccn = ctx.options.isSystem === true ? rule.systemEccn : rule.eccn;
  ctx.tests.push({
    id: rule.id.split('-')[0] ?? rule.id,
    paragraph: eccn,
    description: rule.text,
    inputs: { ...inputsFor(rule.anyOf.map((c) => c.quantity), ctx.values), isSystem: ctx.options.isSystem === true },
    threshold: rule.anyOf.map((c) => describeThreshold([c])).join(' OR '),
    passed: met,
    margin: outcomes.map((o) => o.margin).filter((m) => m !== null).join('; ') || null,
    citation: rule.citation,
  });
  if (rule.uncertain !== null) ctx.uncertainties.add(rule.uncertain);
  return met === true ? eccn : null;
}
