import type { Determination, OrderLine } from '../../core/determination/types.ts';
import type { LineError } from '../../core/determination/parse-order-line.ts';
import { formatIssue } from '../../core/errors.ts';

/** The JSON Lines record for one decided line: order_id, the line's key facts, then every determination field. */
export function jsonRecord(line: OrderLine, d: Determination): Record<string, unknown> {
  return {
    order_id: line.orderId,
    line: line.lineNumber,
    as_of: d.asOf,
    item: line.item,
    quantity: line.quantity,
    ship_to_country: line.shipToCountry,
    end_user: line.endUser,
    end_user_country: line.endUserCountry,
    outcome: d.outcome,
    licenseRequired: d.licenseRequired,
    exceptions: d.exceptions,
    reviewPolicy: d.reviewPolicy,
    eccn: d.eccn,
    paragraph: d.paragraph,
    reasons: d.reasons,
    warnings: d.warnings,
    enforcement: d.enforcement,
    conditions: d.conditions,
    blocked: d.blocked,
    regime: d.regime,
    ruleSetVersion: d.ruleSetVersion,
    classificationRuleVersion: d.classificationRuleVersion,
    ...(Object.keys(line.extra).length === 0 ? {} : { extra: line.extra }),
  };
}

export function jsonErrorRecord(e: LineError): Record<string, unknown> {
  return { order_id: e.orderId, line: e.lineNumber, outcome: 'error', errors: e.issues };
}

export function errorText(e: LineError): string {
  return `line ${e.lineNumber}${e.orderId === null ? '' : ` (${e.orderId})`}: ${e.issues.map(formatIssue).join('; ')}`;
}

export const CSV_RESULT_COLUMNS = [
  'outcome',
  'license_required',
  'exceptions',
  'review_policy',
  'eccn',
  'reason_codes',
  'reasons',
  'warnings',
  'enforcement',
  'conditions',
  'rule_set_version',
] as const;

export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvResultCells(d: Determination): string[] {
  return [
    d.outcome,
    String(d.licenseRequired),
    d.exceptions.map((e) => (e.notifyDaysBefore === undefined ? e.code : `${e.code} (notify ${e.notifyDaysBefore} days before)`)).join('; '),
    d.reviewPolicy ?? '',
    d.eccn ?? '',
    d.reasons.map((r) => r.code).join(' '),
    d.reasons.map((r) => `${r.message} [${r.citation}]`).join(' | '),
    d.warnings.join(' | '),
    d.enforcement.map((e) => `${e.basis}: ${e.message}`).join(' | '),
    d.conditions.join(' | '),
    d.ruleSetVersion,
  ];
}
