import { hostEccnOf, type EvaluationContext } from './evaluation-context.ts';
import type { ParameterOutcome } from './parameter-outcome.ts';
import type { ClassificationStatus } from './types.ts';

export interface Placement {
  readonly status: ClassificationStatus;
  readonly eccn: string | null;
  readonly paragraph: string | null;
  readonly summary: string;
}

/**
 * Where a controlled item lands: 4A090 for computers, assemblies and components containing the IC;
 * the ".z" paragraph of its host ECCN when it would otherwise sit in one; else the 3A090 paragraph met.
 */
export function placeItem(ctx: EvaluationContext, outcome: ParameterOutcome): Placement {
  const { matched, controlLevel } = outcome;
  if (outcome.status !== 'controlled' || matched === null || controlLevel === null) {
    return { status: outcome.status, eccn: null, paragraph: null, summary: outcome.summary };
  }
  let placement: Placement = { status: 'controlled', eccn: matched.paragraph.eccn, paragraph: matched.paragraph.paragraph, summary: outcome.summary };

  if (ctx.options.isSystem === true) {
    const systems = ctx.version.systems;
    const system = systems.byLevel[controlLevel];
    ctx.tests.push({
      id: '4a090-system',
      paragraph: system?.paragraph ?? null,
      description:
        system === undefined
          ? `4A090 does not cover systems whose only advanced item meets 3A090.${controlLevel}.`
          : `A computer, electronic assembly or component containing an IC that meets ${matched.paragraph.paragraph}.`,
      inputs: { isSystem: true, icParagraph: matched.paragraph.paragraph },
      threshold: 'contains an IC meeting 3A090.a or 3A090.b',
      passed: system !== undefined,
      margin: null,
      citation: systems.citation,
    });
    if (systems.uncertain !== null) ctx.uncertainties.add(systems.uncertain);
    placement =
      system === undefined
        ? { status: 'not-controlled', eccn: null, paragraph: null, summary: `not 4A090: a system containing only a 3A090.${controlLevel} item is not in 4A090` }
        : { status: 'controlled', eccn: system.eccn, paragraph: system.paragraph, summary: `${system.paragraph} (contains an IC meeting ${outcome.summary})` };
  }

  const host = hostEccnOf(ctx.options);
  if (host === null || placement.status !== 'controlled') return placement;
  const z = ctx.version.zParagraphs;
  const isHost = z !== null && z.hosts.includes(host) && !z.excludedLevels.includes(controlLevel);
  ctx.tests.push({
    id: 'z-host',
    paragraph: isHost ? `${host}.z` : null,
    description: isHost
      ? `Otherwise classified in ${host}; meeting the 3A090/4A090 parameters moves it to ${host}.z with the same advanced-computing treatment.`
      : `${host} has no .z paragraph for this item on ${ctx.asOf}; the advanced-computing ECCN applies.`,
    inputs: { hostEccn: host, level: controlLevel },
    threshold: `host ECCN in ${(z?.hosts ?? []).join(', ')}`,
    passed: isHost,
    margin: null,
    citation: z?.citation ?? ctx.version.citation,
  });
  if (!isHost || z === null) return placement;
  if (z.uncertain !== null) ctx.uncertainties.add(z.uncertain);
  const paragraph = z.subParagraphs[host]?.[controlLevel] ?? `${host}.z`;
  return { status: 'controlled', eccn: `${host}.z`, paragraph, summary: `${paragraph} (meets ${matched.paragraph.paragraph} parameters; ${matched.outcome.margin ?? ''})` };
}
