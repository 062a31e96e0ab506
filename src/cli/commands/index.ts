import type { Command } from 'commander';

/**
 * Every sub-command lives in its own module beside this file and exports `register(program)`.
 * Add one import and one call per module; keep the list alphabetical.
 */
export function registerCommands(program: Command): void {
  void program;
}
