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

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
