import { CHECKPOINT_EVERY, numberField, stringField, tallyOf, type JobHandler } from './job-context.ts';
import { queryOfParty, screenParty, thresholdOf } from './screen-parties.ts';

/**
 * After a list update: re-screens every stored party against the active lists. Alerts are keyed by the
 * entry's fingerprint, so unchanged hits (open or cleared) raise nothing; a new hit or a changed entry does.
 * Walks parties in `seq` order and checkpoints the cursor.
 */
/** The cursor value once every party has been screened (a resumed job then has nothing left to do). */
const END = 'end';

export const listRescreening: JobHandler = async (ctx) => {
  const { store, job } = ctx;
  const screening = await ctx.screening();
  if (screening === null) return { parties: 0, tally: {}, note: 'no list loaded: nothing to re-screen against' };
  const threshold = thresholdOf(job.params);
  const tally = tallyOf(job.checkpoint);
  const bump = (key: string, by: number): void => {
    tally[key] = (tally[key] ?? 0) + by;
  };
  let after = stringField(job.checkpoint, 'after') ?? '';
  let done = numberField(job.checkpoint, 'done', 0);
  const { rows } = await store.sql.query('SELECT count(*)::int AS n FROM parties');
  const total = Number(rows[0]?.['n'] ?? 0);
  while (after !== END) {
    const page = await store.parties.list({ limit: CHECKPOINT_EVERY, ...(after === '' ? {} : { after }) });
    for (const party of page.items) {
      const outcome = await screenParty(ctx, screening, queryOfParty(party), threshold);
      bump('screened', 1);
      bump('hits', outcome.hits);
      bump('newAlerts', outcome.newAlerts);
      done += 1;
    }
    after = page.next ?? END;
    await store.jobs.checkpoint(job.id, { done, total, checkpoint: { after, done, tally } });
    ctx.onProgress?.({ jobId: job.id, kind: job.kind, done, total });
  }
  return { parties: done, tally, listVersions: screening.versions.map((v) => v.id) };
};
