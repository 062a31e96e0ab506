import type { Command } from 'commander';
import { ClearanceError } from '../../core/errors.ts';
import { replayDetermination } from '../../adapters/jobs/replay.ts';
import type { AuditQuery } from '../../ports/store.ts';
import { printJson, printJsonLine, renderTable } from '../output.ts';
import { DATA_DIR_HELP, withStore } from '../../adapters/storage/with-store.ts';

interface CommonOptions {
  readonly dataDir?: string;
  readonly json?: boolean;
}

interface LogOptions extends CommonOptions {
  readonly actor?: string;
  readonly action?: string;
  readonly subject?: string;
  readonly from?: string;
  readonly until?: string;
  readonly limit: string;
  readonly after?: string;
}

export function register(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit trail: verify the hash chain, read events, replay determinations');

  audit
    .command('verify')
    .description('Recompute the hash chain over every event; exit 1 and name the first broken link if any row was altered or removed')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the verdict as JSON')
    .action(async (options: CommonOptions) => {
      const verdict = await withStore(options, (store) => store.audit.verify());
      if (options.json === true) printJson(verdict);
      else if (verdict.ok) process.stdout.write(`audit chain OK: ${verdict.events} events, last hash ${verdict.lastHash}\n`);
      else {
        process.stdout.write(
          `audit chain BROKEN at event ${verdict.brokenAt} (${verdict.reason}); ${verdict.events} events before it verify.\n` +
            `  expected ${verdict.expected}\n  found    ${verdict.found}\n`,
        );
      }
      if (!verdict.ok) process.exitCode = 1;
    });

  audit
    .command('log')
    .description('Print audit events, oldest first, optionally filtered')
    .option('--actor <actor>', 'only events by this actor')
    .option('--action <action>', 'only this action, e.g. alert.cleared')
    .option('--subject <subject>', 'only events about this record, e.g. alert:<id>')
    .option('--from <instant>', 'events at or after this ISO-8601 instant')
    .option('--until <instant>', 'events before this ISO-8601 instant')
    .option('--limit <n>', 'at most this many events (1-1000)', '100')
    .option('--after <cursor>', 'continue after this event number')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'one JSON object per line')
    .action(async (options: LogOptions) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new ClearanceError('invalid_input', `--limit "${options.limit}" is not a whole number from 1 to 1000`, { field: 'limit' });
      }
      const query: AuditQuery = {
        limit,
        ...(options.actor === undefined ? {} : { actor: options.actor }),
        ...(options.action === undefined ? {} : { action: options.action }),
        ...(options.subject === undefined ? {} : { subject: options.subject }),
        ...(options.from === undefined ? {} : { from: instant(options.from, 'from') }),
        ...(options.until === undefined ? {} : { until: instant(options.until, 'until') }),
        ...(options.after === undefined ? {} : { after: options.after }),
      };
      const page = await withStore(options, (store) => store.audit.query(query));
      if (options.json === true) {
        for (const e of page.items) printJsonLine(e);
        return;
      }
      process.stdout.write(renderTable(['#', 'at', 'actor', 'action', 'subject', 'details'], page.items.map((e) => [e.seq, e.at, e.actor, e.action, e.subject, JSON.stringify(e.details)])));
      if (page.next !== null) process.stdout.write(`more: --after ${page.next}\n`);
    });

  audit
    .command('replay')
    .description('Re-run a stored order-line determination with its recorded inputs, rule set and list versions; exit 1 if the answer differs or the record was edited')
    .argument('<id>', 'the determination id')
    .option('--data-dir <dir>', DATA_DIR_HELP)
    .option('--json', 'print the replay report as JSON')
    .action(async (id: string, options: CommonOptions) => {
      const report = await withStore(options, (store) => replayDetermination(store, id));
      if (options.json === true) printJson(report);
      else {
        const rules = report.recordedRuleSet === report.currentRuleSet ? `rule set ${report.currentRuleSet}` : `rule set recorded ${report.recordedRuleSet}, current ${report.currentRuleSet}`;
        process.stdout.write(report.same
          ? `replay of ${id}: SAME answer (${rules}; lists ${report.listVersions.join(', ') || 'none'})\n`
          : `replay of ${id}: DIFFERENT in ${report.differences.join(', ')} (${rules})\n`);
        if (report.recordIntact === false) process.stdout.write('  the stored record no longer matches the content hash in its audit event: it was edited after it was written\n');
      }
      if (!report.same || report.recordIntact === false) process.exitCode = 1;
    });
}

function instant(text: string, field: string): string {
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new ClearanceError('invalid_input', `--${field} "${text}" is not a date or instant`, { field, issues: [{ code: 'invalid_input', field, message: `"${text}" is not a date or instant`, accepted: 'ISO-8601, e.g. 2026-11-27 or 2026-11-27T10:00:00Z' }] });
  return new Date(t).toISOString();
}
