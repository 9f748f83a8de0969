/** Where a route index reads its files: project paths, and the root's tsconfig.json `baseUrl`/`paths` for aliases. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withoutJsonComments, type PathAliases } from '../core';

/** `src/a.ts` for `<root>/src/a.ts`, '/'-separated on every platform. */
export function projectPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export function pathAliases(root: string): PathAliases | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const options = (JSON.parse(withoutJsonComments(text)) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } }).compilerOptions;
    if (!options?.paths && !options?.baseUrl) return undefined;
    // `paths` without a `baseUrl` are relative to the tsconfig's folder: the root.
    const baseUrl = path.posix.normalize(options.baseUrl ?? '.').replace(/\/$/, '');
    return { baseUrl: baseUrl === '.' ? '' : baseUrl, paths: options.paths ?? {} };
  } catch {
    return undefined; // a tsconfig that does not parse gives no aliases; relative imports still resolve
  }
}
