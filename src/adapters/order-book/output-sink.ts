import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Buffers small writes into larger chunks and waits for 'drain' when the destination is full, so a
 * million-line report neither floods memory nor makes a million write calls.
 */
export class OutputSink {
  private buffer: string[] = [];
  private size = 0;
  constructor(
    private readonly out: Writable,
    private readonly chunkBytes = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= this.chunkBytes) await this.flush();
  }

  /** Flushes and ends the destination, resolving once everything is on disk (files only; never stdout). */
  async close(): Promise<void> {
    await this.flush();
    const finished = once(this.out, 'finish');
    this.out.end();
    await finished;
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
