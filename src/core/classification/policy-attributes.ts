import { policyBandsInForce } from '../rules/part-742/section-742.6-b10-policy-band-2026.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import { evaluateConjunction, formatQuantity, QUANTITY_LABEL } from './margin.ts';
import type { ControlLevel, Quantity } from './rule-model.ts';
import type { ClassificationStatus, PolicyAttribute } from './types.ts';

/** Dated licence-policy attributes (not reclassifications), e.g. the 2026 case-by-case band. */
export function policyAttributes(ctx: EvaluationContext, status: ClassificationStatus, level: ControlLevel | null): PolicyAttribute[] {
  return policyBandsInForce(ctx.asOf).map((band) => {
    const inScope = status === 'controlled' && level !== null && band.levels.includes(level);
    const outcome = evaluateConjunction(band.conditions, ctx.values);
    const applies = inScope ? outcome.met : status === 'undetermined' ? null : false;
    if (band.uncertain !== null) ctx.uncertainties.add(band.uncertain);
    const figures =
      outcome.met === null ? `cannot be evaluated (${outcome.margin ?? ''})` : outcome.outcomes.map((o) => describeCondition(o.condition.quantity, o.value, o.condition.value, o.met)).join('; ');
    const verdict =
      applies === true ? 'Within the band' : applies === null ? 'Band undetermined' : inScope ? 'Outside the band' : 'Not an advanced-computing commodity in scope, so the band does not apply';
    // The figures are reported even out of scope: product overlays (e.g. is-informed letters) may borrow the band.
    return { id: band.id, description: `${band.description} ${verdict}: ${figures}.`, applies, withinBand: outcome.met, citation: band.citation };
  });
}

function describeCondition(quantity: Quantity, value: number | null, threshold: number, met: boolean | null): string {
  if (value === null) return `${QUANTITY_LABEL[quantity]} unknown`;
  return `${QUANTITY_LABEL[quantity]} ${formatQuantity(quantity, value)} ${met === true ? 'is below' : 'is not below'} ${formatQuantity(quantity, threshold)}`;
}
