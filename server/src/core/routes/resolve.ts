/**
 * Module resolution the way Node and TypeScript do it, over the project's own files: relative specifiers with or
 * without an extension (`./a.js` also finds `a.ts`), folders through their `index`, and `tsconfig.json`'s
 * `baseUrl`/`paths`. Packages (`express`) are not project files and resolve to nothing.
 */
import { dirname, joinFile } from './paths';

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs'];
/** TypeScript's ESM style names the output: `import './a.js'` means `a.ts`. */
const OUTPUT_TO_SOURCE: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

export interface PathAliases {
  /** Project-relative folder `paths` are relative to (tsconfig `baseUrl`, or the tsconfig's folder). */
  readonly baseUrl: string;
  readonly paths: Readonly<Record<string, readonly string[]>>;
}

export type FileExists = (file: string) => boolean;

function candidates(base: string): string[] {
  const found = [base, ...EXTENSIONS.map((ext) => base + ext)];
  const ext = /\.[cm]?jsx?$/.exec(base)?.[0];
  if (ext) found.push(...OUTPUT_TO_SOURCE[ext].map((source) => base.slice(0, -ext.length) + source));
  found.push(...EXTENSIONS.map((e) => `${base}/index${e}`));
  return found;
}

function firstFile(base: string | undefined, exists: FileExists): string | undefined {
  return base === undefined ? undefined : candidates(base).find(exists);
}

export function resolveModule(from: string, specifier: string, exists: FileExists, aliases?: PathAliases): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return firstFile(joinFile(dirname(from), specifier), exists);
  if (!aliases) return undefined;
  for (const [pattern, targets] of Object.entries(aliases.paths)) {
    const star = pattern.indexOf('*');
    const matched =
      star < 0
        ? pattern === specifier && ''
        : specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1))
          ? specifier.slice(star, specifier.length - (pattern.length - star - 1))
          : false;
    if (matched === false) continue;
    for (const target of targets) {
      const file = firstFile(joinFile(aliases.baseUrl, target.replace('*', matched)), exists);
      if (file) return file;
    }
  }
  return firstFile(joinFile(aliases.baseUrl, specifier), exists);
}
