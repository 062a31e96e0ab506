import type { Command } from 'commander';
import { register as registerAudit } from './audit.ts';
import { register as registerCheck } from './check.ts';
import { register as registerChips } from './chips.ts';
import { register as registerClassify } from './classify.ts';
import { register as registerHeadroom } from './headroom.ts';
import { register as registerKeys } from './keys.ts';
import { register as registerLists } from './lists.ts';
import { register as registerScreen } from './screen.ts';
import { register as registerServe } from './serve.ts';

/**
 * Every sub-command lives in its own module beside this file and exports `register(program)`.
 * Add one import and one call per module; keep the list alphabetical.
 */
export function registerCommands(program: Command): void {
  registerAudit(program);
  registerCheck(program);
  registerChips(program);
  registerClassify(program);
  registerHeadroom(program);
  registerKeys(program);
  registerLists(program);
  registerScreen(program);
  registerServe(program);
}
