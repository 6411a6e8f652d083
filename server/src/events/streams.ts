// Open Server-Sent-Event connections of this instance, so shutdown can end them (an SSE
// response never finishes by itself, and the HTTP server waits for open responses).
import type { PassThrough } from 'node:stream';

export class LiveStreams {
  private readonly open = new Set<PassThrough>();

  add(stream: PassThrough): void {
    this.open.add(stream);
    stream.once('close', () => this.open.delete(stream));
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends every stream (clients reconnect to another instance or after the restart). */
  closeAll(): void {
    for (const stream of this.open) stream.end();
    this.open.clear();
  }
}
