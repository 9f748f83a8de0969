/**
 * `--shard i/n`: each CI machine checks a stable share of the files. A file's shard is a hash of its path relative to
 * the working directory, not its place in the list, so adding or removing a file never moves the others.
 */
import * as path from 'node:path';

export interface Shard {
  /** 1-based, as `--shard 2/4` writes it. */
  index: number;
  count: number;
}

/** `i/n` with 1 ≤ i ≤ n, or undefined when the text is not that. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/**
 * FNV-1a (32 bits) over the UTF-16 code units, then MurmurHash3's finaliser so that the low bits, which pick the
 * shard, depend on every character: small, fast, and the same on every machine and Node version.
 */
function pathHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The shard (1-based) a file belongs to among `count`: by its path relative to `cwd`, with forward slashes. */
export function shardOf(absolute: string, cwd: string, count: number): number {
  const relative = path.relative(cwd, absolute).split(path.sep).join('/');
  return (pathHash(relative) % count) + 1;
}

export function inShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  return files.filter((file) => shardOf(file, cwd, shard.count) === shard.index);
}
