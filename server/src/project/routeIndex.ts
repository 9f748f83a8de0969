/**
 * Builds the project's route index from the files on disk: every TS/JS file under the root (as the CLI lists them:
 * .gitignore honoured, node_modules never), read once, and the root's tsconfig.json `baseUrl`/`paths` for aliases.
 * Files over the size limit or that cannot be read are left out and named, never guessed at.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOfFile, LineIndex, mayDeclareRoutes, moduleFactsOf, ProjectIndex, withoutJsonComments, type PathAliases } from '../core';

export interface BuiltIndex {
  readonly index: ProjectIndex;
  /** The line index of each file read, to turn the index's offsets into lines. */
  readonly lines: ReadonlyMap<string, LineIndex>;
  /** Project-relative paths of the files left out, with why. */
  readonly leftOut: readonly { file: string; reason: string }[];
}

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

export function buildRouteIndex(root: string, files: readonly string[], maxChars: number): BuiltIndex {
  const index = new ProjectIndex(pathAliases(root));
  const leftOut: { file: string; reason: string }[] = [];
  const lines = new Map<string, LineIndex>();
  for (const file of files) {
    const language = languageOfFile(file);
    if (!language || language === 'yaml') continue;
    const relative = projectPath(root, file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      leftOut.push({ file: relative, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      continue;
    }
    if (text.length > maxChars) {
      leftOut.push({ file: relative, reason: 'too large' });
      continue;
    }
    try {
      // A module that declares no route is parsed only if a link goes through it.
      index.setFile(relative, mayDeclareRoutes(text, relative) ? moduleFactsOf(text, file) : () => moduleFactsOf(text, file));
      lines.set(relative, new LineIndex(text));
    } catch (error) {
      leftOut.push({ file: relative, reason: `not read: ${(error as Error).message}` });
    }
  }
  return { index, lines, leftOut };
}
