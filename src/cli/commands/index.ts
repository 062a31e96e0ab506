import type { Command } from 'commander';
import { register as registerCheck } from './check.ts';
import { register as registerChips } from './chips.ts';
import { register as registerClassify } from './classify.ts';
import { register as registerHeadroom } from './headroom.ts';
import { register as registerLists } from './lists.ts';
import { register as registerScreen } from './screen.ts';

/**
 * Every sub-command lives in its own module beside this file and exports `register(program)`.
 * Add one import and one call per module; keep the list alphabetical.
 */
export function registerCommands(program: Command): void {
  registerCheck(program);
  registerChips(program);
  registerClassify(program);
  registerHeadroom(program);
  registerLists(program);
  registerScreen(program);
}
