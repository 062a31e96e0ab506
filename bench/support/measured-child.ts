/**
 * Runs one benchmark subject in its own process so its peak memory is its own:
 *   measured-child.ts parse FILE   — csv-parse only (the baseline)
 *   measured-child.ts check FILE   — `clearance check FILE --json` (stdout should go to /dev/null)
 * Prints one JSON line {wallMs, maxRssMb, exitCode} on stderr at the end.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { main } from '../../src/cli/main.ts';

const [mode, file] = process.argv.slice(2);
if (file === undefined || (mode !== 'parse' && mode !== 'check')) throw new Error('usage: measured-child.ts parse|check FILE');
const started = performance.now();
let exitCode = 0;
if (mode === 'parse') {
  let n = 0;
  for await (const record of createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(parse({ bom: true, columns: true, skip_empty_lines: true, info: true }))) {
    if (record !== null) n++;
  }
  process.stdout.write(`${n}\n`);
} else {
  exitCode = await main(['node', 'clearance', 'check', file, '--json', '--no-progress', '--no-screening']);
}
const wallMs = performance.now() - started;
process.stderr.write(`${JSON.stringify({ wallMs, maxRssMb: process.resourceUsage().maxRSS / 1024, exitCode })}\n`);
