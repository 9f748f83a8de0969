/** Re-reads a file only when its stat signature changes, so every request can ask for fresh content cheaply. */
import * as fs from 'node:fs';
import type { ReadFailure } from '../core';

/** The parsed content, or why there is none; `caught` holds what the parser threw (a bug), for the log. */
export type FileRead<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure; caught?: unknown[] };

interface Entry<T> {
  signature: string;
  read: FileRead<T>;
}

/** How long a file just emptied is taken to be in the middle of a save. */
export const BEING_WRITTEN_MS = 2000;

export class FileCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly parse: (text: string, path: string) => T) {}

  /** The parsed content of a file, or why it could not be read. Never throws. */
  get(path: string, now = Date.now()): FileRead<T> {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path);
      if (!stat.isFile()) return { ok: false, failure: { kind: 'notAFile' } };
    } catch {
      this.entries.delete(path);
      return { ok: false, failure: { kind: 'notFound' } };
    }
    const signature = `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}`;
    const cached = this.entries.get(path);
    if (cached?.signature === signature) return cached.read;
    // An editor saves by emptying the file, then writing it: a file emptied an instant ago is most likely being
    // written. The last read stands (and nothing is kept of the empty one) until the file has content, or has stayed
    // empty a while; a table is then not reported broken for a save in progress.
    if (cached && stat.size === 0 && now - stat.mtimeMs < BEING_WRITTEN_MS) return cached.read;
    const read = this.read(path);
    this.entries.set(path, { signature, read });
    return read;
  }

  /** Forget a file (after a watcher says it changed), so the next get re-reads it. */
  invalidate(path: string): void {
    this.entries.delete(path);
  }

  private read(path: string): FileRead<T> {
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (error) {
      // The operating system's refusal (permissions, a file gone since stat): the user's to fix, not a bug.
      return { ok: false, failure: { kind: 'ioError', message: (error as Error).message } };
    }
    try {
      return { ok: true, value: this.parse(text, path) };
    } catch (error) {
      return { ok: false, failure: { kind: 'parseFailed', message: error instanceof Error ? error.message : typeof error }, caught: [error] };
    }
  }
}
