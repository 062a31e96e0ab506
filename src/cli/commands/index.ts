import type { Command } from 'commander';
import { register as registerChips } from './chips.ts';
import { register as registerClassify } from './classify.ts';
import { register as registerHeadroom } from './headroom.ts';

/**
 * Every sub-command lives in its own module beside this file and exports `register(program)`.
 * Add one import and one call per module; keep the list alphabetical.
 */
export function registerCommands(program: Command): void {
  registerChips(program);
  registerClassify(program);
  registerHeadroom(program);
}
