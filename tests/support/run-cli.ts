/**
 * Runs the `clearance` CLI from tests, two ways: in process through `main` (the entry point
 * bin/clearance.js calls; fast, output captured) or as the real binary in a child process.
 * Neither throws on a non-zero exit: both return the exit code and what was written.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/clearance.js');

/** In-process run of the same entry point the binary uses, with stdout and stderr captured. */
export async function runCli(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'clearance', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

export interface BinaryOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly timeout?: number;
}

/** Spawns the real bin/clearance.js with this Node; a code of -1 means it did not exit normally. */
export async function runBinary(args: readonly string[], options: BinaryOptions = {}): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { ...options });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string | null; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
