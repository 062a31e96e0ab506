import { isoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { ClassificationResult } from '../classification/types.ts';
import { countryName, earDestination, HONG_KONG_AS_CHINA, isChinaHongKongOrMacau, type CountryCode } from '../countries/country.ts';
import { AI_DIFFUSION, codifiedRequirement } from '../rules/ai-diffusion-2025/framework.ts';
import { citeParagraph, formatCitation } from '../rules/federal-register-sources.ts';
import { DESTINATION_NOTICES, PRODUCT_OVERLAYS, overlayActive, overlayMatchesItem, overlayPolicy, type ItemFacts, type ProductOverlay } from '../rules/overlays/product-overlays.ts';
import { nacAcaOffer, type ExceptionOffer } from '../rules/part-740/section-740.8-nac-aca.ts';
import { approvedUaeEntity, SUPP_8_CITATION } from '../rules/part-740/supplement-8-uae-approved.ts';
import { destinationInScope, isD5OrMacau, type ControlLevel } from '../rules/part-742/section-742.6-a6-destination-scope.ts';
import { BAND_2026_EFFECTIVE, reviewPolicy742, stricterPolicy, type ReviewPolicy } from '../rules/part-742/section-742.6-b10-review-policy.ts';
import { militaryEndUseRule } from '../rules/part-744/section-744.21-military.ts';
import { hqRuleVersion, SUPERCOMPUTER_DEFINITION, SUPERCOMPUTER_ITEM_SCOPE_NOTE, supercomputerRule } from '../rules/part-744/section-744.23-supercomputer.ts';
import { embargo } from '../rules/part-746/section-746-embargoes.ts';
import { RULE_SET_VERSION } from './rule-set.ts';
import { screeningFindings } from './screening-rules.ts';
import type { Determination, EnforcementNote, ExceptionAvailable, OrderLine, Outcome, PartyScreening, Reason, Regime } from './types.ts';

export interface DeterminationContext {
  readonly classification: ClassificationResult | null;
  /** Screening results for the line's parties; null or absent when no list is loaded. */
  readonly screening?: readonly PartyScreening[] | null;
  readonly regime?: Regime;
  /** Facts the product overlays test (vendor, memory and interconnect bandwidth); optional. */
  readonly item?: ItemFacts | null;
  /** Decide as of this date instead of the line's order date. */
  readonly asOf?: IsoDate;
}

/** A licence requirement found on the line, with the exceptions that could meet it. */
interface Requirement {
  readonly reason: Reason;
  readonly policy: ReviewPolicy | null;
  readonly exceptions: readonly ExceptionAvailable[];
}

const NOT_SCREENED =
  'parties not screened: no screening list is loaded, so the end user and consignee were not checked against the Entity List, Denied Persons List or OFAC lists (load lists, then re-run)';

const HQ_RULE_START = isoDate('2023-11-17');
const MAY_2025 = AI_DIFFUSION.nonEnforcementAnnounced;
const HQ_GUIDANCE = isoDate('2026-05-31');
const UAE_RULE = isoDate('2026-07-14');

function addNote(list: EnforcementNote[], n: EnforcementNote): void {
  if (!list.some((e) => e.message === n.message)) list.push(n);
}

function offerOf(o: ExceptionOffer): ExceptionAvailable {
  return {
    code: o.code,
    citation: formatCitation(o.citation),
    conditions: o.conditions,
    ...(o.notifyDaysBefore === undefined ? {} : { notifyDaysBefore: o.notifyDaysBefore }),
  };
}

function describeCountry(c: CountryCode): string {
  return `${countryName(c)} (${c})`;
}

/**
 * Decides one order line: whether a licence is required, which exceptions apply, the review policy, and why.
 * Pure: the date comes from the line (or `context.asOf`), classification and screening are inputs.
 */
export function determine(line: OrderLine, context: DeterminationContext): Determination {
  const asOf = context.asOf ?? line.orderDate;
  const regime: Regime = context.regime ?? 'enforced';
  const cls = context.classification;
  const reasons: Reason[] = [];
  const warnings: string[] = [];
  const enforcement: EnforcementNote[] = [];
  const conditions: string[] = [];
  const requirements: Requirement[] = [];
  const holds: Reason[] = [];
  const softHolds: Reason[] = [];
  const note = addNote.bind(null, enforcement);

  // Parties
  let blocked = false;
  if (context.screening === null || context.screening === undefined) {
    warnings.push(NOT_SCREENED);
  } else {
    const s = screeningFindings(context.screening);
    blocked = s.blocked;
    holds.push(...s.holds);
    reasons.push(...s.info);
    for (const r of s.requirements) requirements.push({ reason: r.reason, policy: r.policy, exceptions: [] });
  }

  // Where the item goes: the immediate destination and the end user's country; the stricter governs.
  const shipTo = line.shipToCountry;
  const ultimate = line.endUserCountry;
  const destinations = [...new Set([shipTo, ultimate])].filter((c) => c !== 'US');
  const exportFromUs = line.shipFromCountry === 'US';
  const inCountryTransfer = line.shipFromCountry === shipTo && shipTo === ultimate && shipTo !== 'US';
  if (shipTo !== ultimate && earDestination(shipTo) !== earDestination(ultimate)) {
    reasons.push({
      code: 'ultimate-destination',
      citation: '15 CFR 772.1 "ultimate consignee"; 15 CFR 734.14 (reexports)',
      message: `shipped to ${describeCountry(shipTo)} for an end user in ${describeCountry(ultimate)}: requirements for both countries apply, and the stricter governs`,
    });
  }
  for (const c of destinations) {
    if (c === 'HK') reasons.push({ code: 'hong-kong-as-china', citation: HONG_KONG_AS_CHINA.citation, message: HONG_KONG_AS_CHINA.text });
  }
  const hq = line.endUserHqCountry;
  const hqD5Answer = hq === null ? null : isD5OrMacau(hq, asOf);
  const hqD5 = hqD5Answer?.value ?? false;
  if (hqD5Answer?.uncertain) note({ basis: 'date-unknown', message: hqD5Answer.uncertain });
  let destD5 = false;
  for (const c of destinations) {
    const a = isD5OrMacau(c, asOf);
    if (a.value) destD5 = true;
  }

  if (destinations.length === 0) {
    reasons.push({ code: 'not-an-export', citation: '15 CFR 734.13 (export)', message: 'shipped to and used in the United States: not an export, so no export licence is needed (deemed exports are not assessed here)' });
  }

  const embargoes = destinations.map((c) => embargo(c, asOf)).filter((e) => e !== null);
  for (const e of embargoes) {
    requirements.push({
      reason: { code: 'embargo-746', citation: formatCitation(e.citation), message: `${describeCountry(e.country)} is under a Part 746 embargo or sanctions programme covering these items${e.note === undefined ? '' : `; ${e.note}`}` },
      policy: e.policy,
      exceptions: [],
    });
    if (e.note !== undefined) note({ basis: 'unverified', message: e.note });
  }

  const item: ItemFacts = context.item ?? { id: line.item };

  if (cls === null) {
    holds.push({ code: 'unknown-item', citation: 'Clearance catalog', message: `"${line.item}" is not in the chip catalog, so its ECCN is unknown; classify it before shipping` });
  } else {
    if (cls.asOf !== asOf) warnings.push(`classification is as of ${cls.asOf}, the line is decided as of ${asOf}`);
    const level = cls.controlLevel;
    if (cls.insufficientData.length > 0) {
      if (level === null) {
        // The missing data matters only if the answer would change were the item datacenter 3A090.a.
        const citation = cls.ruleVersion === null ? 'ECCN 3A090 technical notes' : formatCitation(cls.ruleVersion.citation);
        const matters = regime === 'codified' || hqD5 || destinations.some((c) => destinationInScope('a', c, asOf).inScope);
        if (matters) {
          // Soft: a requirement that does not depend on the ECCN (an overlay, an embargo) still decides the line.
          softHolds.push({ code: 'insufficient-data', citation, message: `cannot rule out 3A090 without: ${cls.insufficientData.join('; ')}` });
        } else {
          reasons.push({
            code: 'insufficient-data-immaterial',
            citation,
            message: `classification incomplete (${cls.insufficientData.join('; ')}), but even as datacenter 3A090.a this line would need no licence: no destination or headquarters rule reaches it`,
          });
        }
      } else {
        warnings.push(`classification missing data that did not change the result: ${cls.insufficientData.join('; ')}`);
      }
    }
    const label = cls.paragraph ?? cls.eccn ?? 'not 3A090/4A090';
    if (level === null) {
      reasons.push({
        code: 'not-advanced-computing',
        citation: cls.ruleVersion === null ? 'ECCN 3A090/4A090' : formatCitation(cls.ruleVersion.citation),
        message: `${line.item} is outside 3A090/4A090 on ${asOf}${cls.eccn === null ? '' : ` (${cls.eccn})`}, so § 742.6(a)(6) does not apply`,
      });
    }

    const nacAcaEligible = cls.licenseExceptionsEligible.includes('NAC') || cls.licenseExceptionsEligible.includes('ACA');
    const inScope = level === null ? [] : destinations.map((c) => ({ c, a: destinationInScope(level, c, asOf) }));
    const scoped = inScope.filter((x) => x.a.inScope);
    const anyInScope = scoped.length > 0;
    const offerFacts = { date: asOf, itemEligible: nacAcaEligible, destinationD5OrMacau: destD5, destinationInScope: anyInScope, hqD5OrMacau: hqD5, inCountryTransfer };

    const band = band2026(cls, item, asOf);
    const policyFacts = level === null ? null : {
        date: asOf,
        level,
        datacenter: cls.datacenter,
        destinationD5OrMacau: destD5,
        endUserInChinaOrMacau: isChinaHongKongOrMacau(ultimate),
        hqD5OrMacau: hqD5,
        destinationInScope: anyInScope,
        exportFromUs,
        militaryEndUse: line.endUse === 'military',
        inBand2026: band,
        destinationIsUae: asOf >= UAE_RULE && destinations.some((c) => c === 'AE'),
      };

    // AI Diffusion, codified text: replaces the destination rule for .a items.
    const codified = level === null ? null : codifiedRequirement(level, ultimate === 'US' ? shipTo : ultimate, hqD5, asOf, lineTpp(cls, line));

    if (level !== null && regime === 'codified' && codified !== null) {
      const offers: ExceptionAvailable[] = [];
      if (codified.exception !== null) offers.push({ code: codified.exception.code, citation: formatCitation(codified.citation), conditions: codified.exception.conditions });
      const o = nacAcaOffer(offerFacts);
      if (o !== null) offers.push(offerOf(o));
      requirements.push({
        reason: { code: 'ai-diffusion-worldwide', citation: formatCitation(codified.citation), message: `${label}: codified AI Diffusion worldwide requirement, Tier ${codified.tier}: ${codified.message}` },
        policy: codified.policy,
        exceptions: offers,
      });
      note({ basis: 'codified-not-enforced', message: `answer under the codified AI Diffusion text (90 FR 4544), which BIS announced on ${MAY_2025} it would not enforce; GAO B-337935 (2026-05-12) found that announcement is itself a rule under the Congressional Review Act` });
    } else if (level !== null && anyInScope) {
      const uae = uaeApproval(line, destinations, asOf, level);
      if (uae !== null) {
        reasons.push(uae.reason);
        warnings.push(uae.warning);
      } else {
        const p = reviewPolicy742(policyFacts!);
        const o = nacAcaOffer(offerFacts);
        const first = scoped[0]!;
        requirements.push({
          reason: {
            code: '742.6-destination-scope',
            citation: first.a.version === null ? formatCitation(p.citation) : citeParagraph(first.a.version.paragraph, first.a.version.citation),
            message: `${label} to ${scoped.map((x) => describeCountry(x.c)).join(' and ')}: ${first.a.basis}; review policy ${p.policy} (${p.why})`,
          },
          policy: p.policy,
          exceptions: o === null ? [] : [offerOf(o)],
        });
        if (p.uncertain !== undefined) note({ basis: 'unverified', message: p.uncertain });
        if (p.conditions !== undefined) conditions.push(...p.conditions.map((c) => `2026 band condition: ${c}`));
        for (const x of scoped) {
          for (const u of x.a.uncertain) note({ basis: x.a.conservative ? 'conservative-reading' : 'date-unknown', message: u });
        }
        if (o?.uncertain !== undefined) note({ basis: 'unverified', message: o.uncertain });
      }
    } else if (level !== null) {
      for (const x of inScope) {
        reasons.push({ code: '742.6-outside-scope', citation: x.a.version === null ? '15 CFR 742.6(a)(6)' : citeParagraph(x.a.version.paragraph, x.a.version.citation), message: `${label} to ${describeCountry(x.c)}: no destination-based licence requirement (${x.a.basis})` });
        for (const u of x.a.uncertain) note({ basis: 'date-unknown', message: u });
      }
    }

    // Headquarters rule: wherever located, for parties headquartered in D:5 or Macau.
    const hqVersion = hqRuleVersion(asOf);
    if (level !== null && level !== 'legacy-2022' && hq !== null && hqD5 && destinations.length > 0 && hqVersion !== null && asOf >= HQ_RULE_START && !(level === 'c' && destD5)) {
      if (!(regime === 'codified' && codified !== null)) {
        const p = reviewPolicy742(policyFacts!);
        const o = nacAcaOffer({ ...offerFacts, destinationInScope: true });
        const paragraph = level === 'a' ? hqVersion.paragraphForA : '15 CFR 744.23(a)(3)';
        requirements.push({
          reason: {
            code: 'hq-d5-macau',
            citation: citeParagraph(paragraph, hqVersion.citation),
            message: `end user "${line.endUser}" is headquartered (or its ultimate parent is) in ${describeCountry(hq)}, D:5 or Macau: a licence is needed wherever the item goes; review policy ${p.policy}`,
          },
          policy: p.policy,
          exceptions: o === null ? [] : [offerOf(o)],
        });
        if (p.uncertain !== undefined) note({ basis: 'unverified', message: p.uncertain });
        if (hqVersion.enforcementNote !== undefined && asOf >= MAY_2025 && asOf < HQ_GUIDANCE) note({ basis: 'unverified', message: hqVersion.enforcementNote });
      }
    } else if (level !== null && level !== 'legacy-2022' && hq === null && !destD5 && destinations.length > 0 && asOf >= HQ_RULE_START) {
      warnings.push('end_user_hq_country not given: the headquarters rule (D:5/Macau-headquartered parties, wherever located) was checked against the end user\'s location only');
    }

    // AI Diffusion under the enforced regime: say what the codified text would add.
    if (regime === 'enforced' && codified !== null && !anyInScope && !hqD5) {
      note({
        basis: 'codified-not-enforced',
        message: `the codified AI Diffusion text (90 FR 4544) would require a licence for this ${label} line (Tier ${codified.tier}: ${codified.message}); BIS does not enforce it (announced ${MAY_2025}, no rescission published); see --regime codified`,
      });
    }

    // End uses
    if (line.endUse === 'supercomputer') {
      let any = false;
      for (const c of destinations) {
        const r = supercomputerRule(c, asOf);
        if (r === null) continue;
        any = true;
        requirements.push({
          reason: {
            code: 'supercomputer-end-use',
            citation: formatCitation(r.version.citation),
            message: `supercomputer end use in or destined to ${describeCountry(c)}: licence required, no licence exception overcomes § 744.23 (§ 744.23(c)); ${SUPERCOMPUTER_ITEM_SCOPE_NOTE}; ${SUPERCOMPUTER_DEFINITION}`,
          },
          policy: 'presumption-of-denial',
          exceptions: [],
        });
        for (const u of r.uncertain) note({ basis: 'date-unknown', message: u });
      }
      if (!any && destinations.length > 0) {
        reasons.push({ code: 'supercomputer-outside-scope', citation: '15 CFR 744.23(a)(1)', message: `supercomputer end use in ${destinations.map(describeCountry).join(', ')}: § 744.23(a)(1) covers only supercomputers in or destined to ${asOf < isoDate('2023-11-17') ? 'the PRC' : 'Macau or D:5'}` });
      }
    }
    if (line.endUse === 'military') {
      let any = false;
      for (const c of destinations) {
        const m = militaryEndUseRule(c, asOf);
        if (m === null) continue;
        any = true;
        requirements.push({
          reason: { code: 'military-end-use', citation: formatCitation(m.citation), message: `military end use or end user in ${describeCountry(c)}: licence required under § 744.21, no licence exception; review policy ${m.policy}` },
          policy: m.policy,
          exceptions: [],
        });
        if (m.uncertain !== undefined) note({ basis: 'date-unknown', message: m.uncertain });
      }
      if (!any && destinations.length > 0) {
        warnings.push(`military end use in ${destinations.join(', ')}: § 744.21 does not cover this country; check § 744.22, the Military End-User List and ITAR before shipping`);
      }
    }
    const d5Party = hqD5 || isD5OrMacau(ultimate, asOf).value;
    if (line.endUse === 'ai-training' && d5Party && asOf >= MAY_2025) {
      softHolds.push({
        code: 'ai-training-d5-policy-statement',
        citation: formatCitation({ ...AI_DIFFUSION.nonEnforcement, federalRegister: 'BIS policy statement 2025-05-13', ear: 'AI-model training for D:5/Macau-headquartered parties (WMD / military-intelligence catch-alls, 15 CFR 744.6)', kind: 'guidance' }),
        message: 'training AI models for, or on behalf of, a party in or headquartered in D:5/Macau is a red flag under the May 2025 policy statement and may need a licence: refer to compliance review before shipping',
      });
      note({ basis: 'guidance', message: 'the AI-training flag rests on a BIS policy statement (2025-05-13), not on a codified licence requirement' });
    }
    if (line.endUse === 'cloud-iaas' && d5Party && asOf >= MAY_2025) {
      warnings.push('IaaS end use with a D:5/Macau-linked party: BIS guidance of 2025-05-13 expects IaaS providers to verify downstream users and block access from restricted jurisdictions');
    }

    // Foreign permits and press-reported drafts: seen, never applied as requirements.
    if (level === 'a' || level === 'b') {
      for (const n of DESTINATION_NOTICES) {
        if (asOf >= n.from && destinations.some((c) => n.destinations.includes(c))) {
          warnings.push(n.text);
          note({ basis: n.basis, message: n.text });
        }
      }
    }

    // Product overlays (is-informed letters, licence conditions, guidance)
    for (const o of PRODUCT_OVERLAYS) {
      const m = overlayMatchesItem(o, item);
      // The "any IC achieving ..." clauses target chips the ECCN misses; a 3A090 item is already caught.
      if (!m.matches || (!m.named && o.kind === 'is-informed-requirement' && cls.controlLevel !== null)) continue;
      applyOverlay({ reasons, holds, requirements, conditions, note }, o, m.via, destinations, hqD5, asOf);
    }
  }

  // Outcome
  const licenseRequired = requirements.length > 0;
  let reviewPolicy: ReviewPolicy | null = null;
  for (const r of requirements) reviewPolicy = stricterPolicy(reviewPolicy, r.policy);
  let exceptions: ExceptionAvailable[] = [];
  if (licenseRequired) {
    const first = requirements[0]!;
    exceptions = first.exceptions.filter((e) => requirements.every((r) => r.exceptions.some((x) => x.code === e.code)));
  }
  let outcome: Outcome;
  if (holds.length > 0 || blocked) outcome = 'hold';
  else if (!licenseRequired) outcome = softHolds.length > 0 ? 'hold' : 'no-license-required';
  else outcome = exceptions.length > 0 ? (softHolds.length > 0 ? 'hold' : 'license-exception') : 'license-required';
  if (licenseRequired && exceptions.length === 0) {
    const withOffers = requirements.filter((r) => r.exceptions.length > 0);
    if (withOffers.length > 0 && withOffers.length < requirements.length) {
      reasons.push({ code: 'exception-barred', citation: '15 CFR 740.8(b); 744.23(c); 740.2', message: 'a licence exception would meet the advanced-computing requirement, but not the end-use, embargo or party-based requirement on the same line' });
    }
  }

  return {
    orderId: line.orderId,
    lineNumber: line.lineNumber,
    item: line.item,
    asOf,
    regime,
    outcome,
    licenseRequired,
    exceptions,
    reviewPolicy: licenseRequired ? reviewPolicy : null,
    eccn: cls?.eccn ?? null,
    paragraph: cls?.paragraph ?? null,
    reasons: [...holds, ...softHolds, ...requirements.map((r) => r.reason), ...reasons],
    warnings,
    enforcement,
    conditions: [...new Set(conditions)],
    blocked,
    ruleSetVersion: RULE_SET_VERSION,
    classificationRuleVersion: cls?.ruleVersion?.id ?? null,
  };
}

function applyOverlay(
acc: { reasons: Reason[]; holds: Reason[]; requirements: Requirement[]; conditions: string[]; note: (n: EnforcementNote) => void },
o: ProductOverlay,
via: string,
destinations: readonly CountryCode[],
hqD5: boolean,
asOf: IsoDate,
): void {
const { reasons, holds, requirements, conditions, note } = acc;
  const inScope = overlayScopeMatches(o, destinations, hqD5, asOf);
  if (!overlayActive(o, asOf)) {
    if (asOf < o.from && inScope && o.kind === 'is-informed-requirement') {
      reasons.push({ code: 'overlay-not-yet-in-force', citation: formatCitation(o.citation), message: `${o.product}: the "is informed" requirement dated ${o.from} does not reach an order dated ${asOf}` });
    }
    return;
  }
  const cite = formatCitation(o.citation);
  if (o.kind === 'gp10-guidance') {
    holds.push({ code: 'gp10-prc-advanced-ic', citation: cite, message: `${o.product} (${via}): BIS presumes these were made without authorisation; using, selling, transferring, financing or servicing them may breach GP10 — legal review before any transaction` });
    note({ basis: 'guidance', message: o.enforcement });
    return;
  }
  if (!inScope) {
    if (o.kind === 'is-informed-requirement') {
      reasons.push({ code: 'overlay-outside-scope', citation: cite, message: `${o.product}: the "is informed" requirement reaches ${o.scope.text}; this line does not` });
    }
    return;
  }
  if (o.kind === 'license-condition') {
    conditions.push(...o.conditions);
    reasons.push({ code: 'overlay-license-condition', citation: cite, message: `${o.product}: reported licence conditions apply (${o.conditions.join('; ')})` });
    note({ basis: 'press', message: o.enforcement });
    return;
  }
  const p = overlayPolicy(o, asOf);
  requirements.push({
    reason: {
      code: 'overlay-is-informed',
      citation: cite,
      message: `${o.product} (${via}): licence required by an "is informed" letter for ${o.scope.text}${p === null ? '' : `; review policy ${p.policy} (${p.note})`}`,
    },
    policy: p?.policy ?? 'case-by-case',
    exceptions: [],
  });
  note({ basis: 'is-informed', message: o.enforcement });
  if (p !== null && p.citation.kind === 'press') note({ basis: 'press', message: `review policy from ${p.from}: ${p.note}` });
}

function overlayScopeMatches(o: ProductOverlay, destinations: readonly CountryCode[], hqD5: boolean, date: IsoDate): boolean {
  if (o.scope.headquartered && hqD5) return true;
  return destinations.some((c) =>
    o.scope.destinations.some((d) => (d === 'china-hk-macau' ? isChinaHongKongOrMacau(c) : d === 'd5' ? isD5OrMacau(c, date).value : earDestination(c) === d)),
  );
}

/** Whether the item is inside the 2026 case-by-case band: the classifier's attribute, else TPP and DRAM bandwidth. */
function band2026(cls: ClassificationResult, item: ItemFacts, date: IsoDate): boolean | null {
  if (date < BAND_2026_EFFECTIVE) return null;
  const attr = cls.policy.find((p) => p.id === '2026-case-by-case-band');
  if (attr !== undefined) return attr.applies;
  const bw = item.memoryBandwidthGBs ?? null;
  if (cls.tpp === null || bw === null) return null;
  return cls.tpp < 21_000 && bw < 6_500;
}

function lineTpp(cls: ClassificationResult, line: OrderLine): number | null {
  return cls.tpp === null ? null : cls.tpp * line.quantity;
}

/** The July 2026 UAE rule: no licence when the consignee and all end users are approved in Supp. No. 8. */
function uaeApproval(line: OrderLine, destinations: readonly CountryCode[], date: IsoDate, level: ControlLevel): { reason: Reason; warning: string } | null {
  if (!destinations.every((c) => c === 'AE') || level === 'c') return null;
  const endUser = approvedUaeEntity(line.endUser, date);
  if (endUser === null) return null;
  if (line.consignee !== null && approvedUaeEntity(line.consignee, date) === null) return null;
  return {
    reason: {
      code: 'uae-supp8-approved',
      citation: formatCitation(SUPP_8_CITATION),
      message: `end user "${line.endUser}" matches the Supp. No. 8 approval "${endUser.key}" (${endUser.note}): no licence for the UAE when the consignee and all end users are approved`,
    },
    warning: `Supp. No. 8 match by name ("${line.endUser}" ~ "${endUser.key}"): confirm the party is the approved entity or its subsidiary`,
  };
}
