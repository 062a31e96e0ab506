import { Command, CommanderError } from 'commander';
import { ClearanceError, formatIssue } from '../core/errors.ts';
import { registerCommands } from './commands/index.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A usage error: the command line itself is wrong (unknown option, bad value, missing argument). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function buildProgram(): Command {
  const program = new Command('clearance')
    .description('Export-control compliance for AI accelerators: classify, determine licences, screen parties, keep the audit trail.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program);
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

/** Runs the CLI and returns the process exit code; never throws for expected errors. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    return exitCodeFor(error);
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
    return EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof ClearanceError) {
    const lines = error.issues.length > 1 ? error.issues.map((i) => `  - ${formatIssue(i)}`).join('\n') : null;
    process.stderr.write(`error [${error.code}]: ${lines === null ? error.message : `\n${lines}`}\n`);
    return error.code === 'invalid_input' || error.code === 'unknown_item' || error.code === 'unknown_country' ? EXIT_USAGE : EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`error: ${message}\n`);
  return EXIT_FAILURE;
}
