/**
 * --fix writes a file only if it is still what was read, and never leaves half a file: the result goes to a temporary
 * file beside it, then replaces it in one rename. Someone editing the file while statusdoc works keeps their edit.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A file as it was read: its bytes' hash and stat signature, and its text. */
export interface ReadSnapshot {
  text: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** Reads a file once, with the signature of exactly the bytes read. Throws what the file system throws. */
export function readSnapshot(file: string): ReadSnapshot {
  const fd = fs.openSync(file, 'r');
  try {
    const { size, mtimeMs } = fs.fstatSync(fd);
    const bytes = fs.readFileSync(fd);
    return { text: bytes.toString('utf8'), size, mtimeMs, hash: hashOf(bytes) };
  } finally {
    fs.closeSync(fd);
  }
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Replaces the file's content with `text` if it is still the snapshot (size, mtime and content hash compared just
 * before writing); 'changed' when it is not, and nothing is written. Throws what the file system throws (a file or
 * folder that cannot be written), leaving the file as it was.
 */
export function writeIfUnchanged(file: string, snapshot: ReadSnapshot, text: string): 'written' | 'changed' {
  // A link is replaced at its target, not turned into a file of its own.
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  if (stat.size !== snapshot.size || stat.mtimeMs !== snapshot.mtimeMs) return 'changed';
  if (hashOf(fs.readFileSync(target)) !== snapshot.hash) return 'changed';
  // The rename would replace a read-only file as long as its folder is writable: honour the file's own permission.
  fs.accessSync(target, fs.constants.W_OK);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.statusdoc-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx', mode: stat.mode & 0o7777 });
    fs.chmodSync(temporary, stat.mode & 0o7777);
    keepOwner(temporary, stat);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return 'written';
}

/** Run as root, the new file would belong to root: give it back to the old file's owner. */
function keepOwner(file: string, stat: fs.Stats): void {
  if (process.getuid?.() !== 0) return;
  try {
    fs.chownSync(file, stat.uid, stat.gid);
  } catch {
    // A file system without owners (some network or FUSE mounts): the content matters more.
  }
}

/** What the operating system said, without the path it repeats: "permission denied (EACCES)". */
export function systemReason(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof message !== 'string') return String(error);
  const said = /^[A-Z0-9_]+: (.*?), \w+(?: '.*')?$/s.exec(message);
  return said && code ? `${said[1]} (${code})` : message;
}
