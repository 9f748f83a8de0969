/** Re-reads a file only when its stat signature changes, so every request can ask for fresh content cheaply. */
import * as fs from 'node:fs';
import type { ReadFailure } from '../core';

/** The parsed content, or why there is none; `caught` holds what the parser threw (a bug), for the log. */
export type FileRead<T> = { ok: true; value: T } | { ok: false; failure: ReadFailure; caught?: unknown[] };

interface Entry<T> {
  signature: string;
  read: FileRead<T>;
}

export class FileCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly parse: (text: string, path: string) => T) {}

  /** The parsed content of a file, or why it could not be read. Never throws. */
  get(path: string): FileRead<T> {
    let signature: string;
    try {
      const stat = fs.statSync(path);
      if (!stat.isFile()) return { ok: false, failure: { kind: 'notAFile' } };
      signature = `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}`;
    } catch {
      this.entries.delete(path);
      return { ok: false, failure: { kind: 'notFound' } };
    }
    const cached = this.entries.get(path);
    if (cached?.signature === signature) return cached.read;
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
