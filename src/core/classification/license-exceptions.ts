import type { EvaluationContext } from './evaluation-context.ts';
import { describeThreshold, evaluateConjunction } from './margin.ts';
import type { ControlLevel } from './rule-model.ts';
import { inputsFor } from './test-inputs.ts';
import type { LicenseException } from './types.ts';

/** The list-based licence exceptions the version's ECCN text makes available at this level (NAC, ACA, HBM). */
export function eligibleExceptions(ctx: EvaluationContext, level: ControlLevel): LicenseException[] {
  const eligible: LicenseException[] = [];
  for (const rule of ctx.version.licenseExceptions) {
    if (!rule.levels.includes(level)) continue;
    const datacenterOk = rule.datacenter === null || rule.datacenter === ctx.datacenter;
    const outcome = evaluateConjunction(rule.conditions, ctx.values);
    const passed = datacenterOk && outcome.met === true;
    const who = rule.datacenter === null ? '' : rule.datacenter ? 'datacenter items only; ' : 'only items not designed or marketed for datacenters; ';
    const parameters = rule.conditions.length > 0 ? describeThreshold(rule.conditions) : '';
    ctx.tests.push({
      id: `le-${rule.exception.toLowerCase()}`,
      paragraph: `License Exception ${rule.exception}`,
      description: `License Exception ${rule.exception}: ${who}${parameters === '' ? 'no further parameter' : parameters}.`,
      inputs: { level, datacenter: ctx.datacenter, ...inputsFor(rule.conditions.map((c) => c.quantity), ctx.values) },
      threshold: [rule.datacenter === null ? null : rule.datacenter ? 'datacenter' : 'not datacenter', parameters === '' ? null : parameters].filter((p) => p !== null).join(' AND '),
      passed,
      margin: datacenterOk ? outcome.margin : `not eligible: ${ctx.datacenter ? 'designed or marketed for datacenters' : 'not a datacenter item'}`,
      citation: rule.citation,
    });
    if (passed && !eligible.includes(rule.exception)) eligible.push(rule.exception);
  }
  return eligible;
}
