import { ClearanceError } from '../../core/errors.ts';
import { CHECKPOINT_EVERY, numberField, tallyOf, type JobHandler } from './job-context.ts';
import { queryOf, screenParty, storedParty, thresholdOf } from './screen-parties.ts';

/**
 * Screens `params.parties` ([{name, country?, address?}]) against the active lists, keeps each as a party
 * (so later list updates re-screen it) and raises alerts; resumes from the checkpointed position.
 */
export const batchScreening: JobHandler = async (ctx) => {
  const { store, job } = ctx;
  const parties = job.params['parties'];
  if (!Array.isArray(parties)) throw new ClearanceError('invalid_input', 'batch-screening needs params.parties, a list of {name, country?, address?}', { field: 'parties' });
  const screening = await ctx.screening();
  if (screening === null) throw new ClearanceError('list_integrity', 'no screening list is loaded; import lists first (clearance lists import ...)');
  const threshold = thresholdOf(job.params);
  const next = numberField(job.checkpoint, 'next', 0);
  const tally = tallyOf(job.checkpoint);
  const bump = (key: string, by: number): void => {
    tally[key] = (tally[key] ?? 0) + by;
  };
  for (let i = next; i < parties.length; i += 1) {
    const query = queryOf(parties[i]);
    if (query === null) {
      bump('invalid', 1);
    } else {
      await store.parties.upsert(storedParty(query));
      const outcome = await screenParty(ctx, screening, query, threshold);
      bump('screened', 1);
      bump('hits', outcome.hits);
      bump('newAlerts', outcome.newAlerts);
    }
    if (i === parties.length - 1 || (i + 1 - next) % CHECKPOINT_EVERY === 0) {
      await store.jobs.checkpoint(job.id, { done: i + 1, total: parties.length, checkpoint: { next: i + 1, tally } });
      ctx.onProgress?.({ jobId: job.id, kind: job.kind, done: i + 1, total: parties.length });
    }
  }
  return { parties: parties.length, tally, listVersions: screening.versions.map((v) => v.id) };
};
