import type { Determination, OrderLine } from '../../core/determination/types.ts';
import { OUTCOMES } from '../../core/determination/types.ts';
import type { LineError } from '../../core/determination/parse-order-line.ts';
import { formatIssue } from '../../core/errors.ts';
import { formatUsd, type BookSummary } from './summary.ts';

/** A self-contained HTML report, written row by row (the summary comes last, so nothing is held back). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function htmlHead(title: string, meta: { file: string; asOf: string | null; regime: string; ruleSetVersion: string; screening: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}
.o-no-license-required{background:#e8f5e9}.o-license-exception{background:#fffde7}
.o-license-required{background:#ffebee}.o-hold{background:#ede7f6}.o-error{background:#eceff1}
small{color:#555}ul{margin:0;padding-left:1.1rem}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>File <code>${escapeHtml(meta.file)}</code> · as of ${escapeHtml(meta.asOf ?? 'each line\'s order date')} · regime ${escapeHtml(meta.regime)} · rule set <code>${escapeHtml(meta.ruleSetVersion)}</code> · ${escapeHtml(meta.screening)}</p>
<p><a href="#summary">Summary</a> follows the lines.</p>
<table><thead><tr><th>line</th><th>order</th><th>item</th><th>qty</th><th>to</th><th>end user</th><th>outcome</th><th>ECCN</th><th>exceptions</th><th>review policy</th><th>reasons</th><th>warnings &amp; enforcement notes</th></tr></thead><tbody>
`;
}

const list = (items: readonly string[]) => (items.length === 0 ? '' : `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`);

export function htmlRow(line: OrderLine, d: Determination): string {
  const reasons = d.reasons.map((r) => `<b>${escapeHtml(r.code)}</b>: ${escapeHtml(r.message)}<br><small>${escapeHtml(r.citation)}</small>`);
  const notes = [...d.warnings.map((w) => `warning: ${escapeHtml(w)}`), ...d.enforcement.map((e) => `${escapeHtml(e.basis)}: ${escapeHtml(e.message)}`), ...d.conditions.map((c) => `condition: ${escapeHtml(c)}`)];
  const exceptions = d.exceptions.map((e) => `<b>${e.code}</b>${e.notifyDaysBefore === undefined ? '' : ` (notify BIS ${e.notifyDaysBefore} days before)`}`);
  return `<tr class="o-${d.outcome}"><td>${line.lineNumber}</td><td>${escapeHtml(line.orderId)}</td><td>${escapeHtml(line.item)}</td><td>${line.quantity}</td><td>${escapeHtml(line.shipToCountry)}${line.shipToCountry === line.endUserCountry ? '' : ` → ${escapeHtml(line.endUserCountry)}`}</td><td>${escapeHtml(line.endUser)}</td><td>${d.outcome}${d.blocked ? ' (blocked)' : ''}</td><td>${escapeHtml(d.paragraph ?? d.eccn ?? '—')}</td><td>${list(exceptions)}</td><td>${escapeHtml(d.reviewPolicy ?? '—')}</td><td>${list(reasons)}</td><td>${list(notes)}</td></tr>\n`;
}

export function htmlErrorRow(e: LineError): string {
  return `<tr class="o-error"><td>${e.lineNumber}</td><td>${escapeHtml(e.orderId ?? '')}</td><td colspan="10">invalid line: ${escapeHtml(e.issues.map(formatIssue).join('; '))}</td></tr>\n`;
}

export function htmlTail(s: BookSummary): string {
  const rows = OUTCOMES.map((o) => {
    const b = s.byOutcome.get(o)!;
    return `<tr class="o-${o}"><td>${o}</td><td>${b.lines}</td><td>${b.units}</td><td>${formatUsd(b.valueUsd)}</td></tr>`;
  }).join('');
  const dests = [...s.byDestination.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([c, m]) => `<tr><td>${escapeHtml(c)}</td>${OUTCOMES.map((o) => `<td>${m.get(o)?.lines ?? 0}</td>`).join('')}<td>${formatUsd([...m.values()].reduce((t, b) => t + b.valueUsd, 0))}</td></tr>`)
    .join('');
  return `</tbody></table>
<h2 id="summary">Summary</h2>
<p>${s.lines} lines decided, ${s.badLines} invalid lines.</p>
<table><thead><tr><th>outcome</th><th>lines</th><th>units</th><th>value</th></tr></thead><tbody>${rows}</tbody></table>
<h3>By destination (end user's country)</h3>
<table><thead><tr><th>country</th>${OUTCOMES.map((o) => `<th>${o}</th>`).join('')}<th>value</th></tr></thead><tbody>${dests}</tbody></table>
</body></html>
`;
}
