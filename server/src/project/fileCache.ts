/** Re-reads a file only when its stat signature changes, so every request can ask for fresh content cheaply. */
import * as fs from 'node:fs';

export type FileRead<T> = { ok: true; value: T } | { ok: false; error: string };

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
      if (!stat.isFile()) return { ok: false, error: 'not a file' };
      signature = `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}`;
    } catch {
      this.entries.delete(path);
      return { ok: false, error: 'file not found' };
    }
    const cached = this.entries.get(path);
    if (cached?.signature === signature) return cached.read;
    let read: FileRead<T>;
    try {
      read = { ok: true, value: this.parse(fs.readFileSync(path, 'utf8'), path) };
    } catch (error) {
      read = { ok: false, error: (error as Error).message };
    }
    this.entries.set(path, { signature, read });
    return read;
  }

  /** Forget a file (after a watcher says it changed), so the next get re-reads it. */
  invalidate(path: string): void {
    this.entries.delete(path);
  }
}
