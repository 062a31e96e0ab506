import type { ListStore } from '../../ports/list-store.ts';
import { activeScreening } from '../jobs/screening.ts';
import type { ActiveScreening } from './deps.ts';

/**
 * Builds the screener over the active lists once and reuses it until the active versions change.
 * Concurrent callers share one build; an import calls `invalidate()` so the next request rebuilds.
 */
export function screeningCache(lists: ListStore): { current: () => Promise<ActiveScreening | null>; invalidate: () => void } {
  let cached: { key: string; value: Promise<ActiveScreening | null> } | null = null;
  const build = (): Promise<ActiveScreening | null> => activeScreening(lists);
  return {
    current: async () => {
      const versions = await lists.activeVersions();
      const key = versions.map((v) => v.id).join(',');
      if (cached === null || cached.key !== key) {
        const value = build();
        cached = { key, value };
        value.catch(() => {
          if (cached?.value === value) cached = null;
        });
      }
      return cached.value;
    },
    invalidate: () => {
      cached = null;
    },
  };
}
