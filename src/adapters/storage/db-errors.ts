import { ClearanceError } from '../../core/errors.ts';

/**
 * A value the database cannot store (SQLSTATE class 22, "data exception": a NUL character in text, a malformed
 * date, a number out of range) is bad input, not a server failure: it becomes `invalid_input` with the reason.
 * Everything else passes through unchanged.
 */
export function translateDbError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('code' in error) || typeof error.code !== 'string') return error;
  const code = error.code;
  if (!code.startsWith('22')) return error;
  const detail = 'message' in error && typeof error.message === 'string' ? error.message : code;
  const message = code === '22021' || code === '22P05'
    ? 'the text contains a NUL character (U+0000), which cannot be stored; remove it'
    : `the database refused a value: ${detail}`;
  return new ClearanceError('invalid_input', message, { cause: error });
}
