/** Finds the files the CLI should read under the paths it was given, honouring .gitignore files as git does. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageOfFile, mayBeJsonSpec } from '../core';

/** Never worth reading, ignored or not. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

interface Scope {
  dir: string;
  rules: Ignore;
}

function gitignoreIn(dir: string): Scope | undefined {
  try {
    return { dir, rules: ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

function isIgnored(scopes: readonly Scope[], full: string, isDir: boolean): boolean {
  return scopes.some((scope) => {
    const relative = path.relative(scope.dir, full).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && scope.rules.ignores(isDir ? `${relative}/` : relative);
  });
}

/** The .gitignore scopes that apply inside `dir`: its own and its ancestors' up to the repository root. */
function ancestorScopes(dir: string): Scope[] {
  const scopes: Scope[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const scope = gitignoreIn(current);
    if (scope) scopes.unshift(scope);
    if (fs.existsSync(path.join(current, '.git')) || path.dirname(current) === current) return scopes;
  }
}

/**
 * Every TS/JS/YAML file at or under the paths, sorted. Skips node_modules and .git always, and whatever the
 * .gitignore files of the folders (and of their parents up to the repository root) ignore. Files named
 * explicitly are read even when ignored.
 */
export interface Collected {
  files: string[];
  /** Paths given that do not exist. */
  missing: string[];
  /** Files given that are not TS/JS/YAML. */
  unsupported: string[];
  /** Folders met on the walk, or paths given, the file system would not let us read: the walk goes on without them. */
  unreadable: { path: string; error: unknown; folder: boolean }[];
}

export function collectFiles(paths: string[]): Collected {
  const files = new Set<string>();
  const missing: string[] = [];
  const unsupported: string[] = [];
  const unreadable: Collected['unreadable'] = [];
  const walk = (dir: string, scopes: Scope[]) => {
    const own = gitignoreIn(dir);
    const inScope = own && !scopes.some((scope) => scope.dir === dir) ? [...scopes, own] : scopes;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, error, folder: true });
      return;
    }
    // No sort here: the list is sorted once at the end.
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !isIgnored(inScope, full, true)) walk(full, inScope);
      } else if (
        entry.isFile() &&
        languageOfFile(entry.name) &&
        !isIgnored(inScope, full, false) &&
        (languageOfFile(entry.name) !== 'json' || isJsonSpecFile(full))
      ) {
        files.add(full);
      }
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(given);
      else unreadable.push({ path: path.resolve(given), error, folder: false });
      continue;
    }
    if (stat.isDirectory()) walk(path.resolve(given), ancestorScopes(path.resolve(given)));
    // A JSON file is ours only when it is a spec (package.json from a lint-staged list is not).
    else if (languageOfFile(given) && (languageOfFile(given) !== 'json' || isJsonSpecFile(given))) files.add(path.resolve(given));
    else unsupported.push(given); // `statusdoc check README.md` from a lint-staged list: not ours to read
  }
  return { files: [...files].sort(), missing, unsupported, unreadable };
}

/** Bytes of a JSON file read to tell a spec (`"openapi"`/`"swagger"` near the top) from package.json and the like. */
const JSON_HEAD_BYTES = 64 * 1024;

/** A JSON file of a walk is ours only when it is an OpenAPI/Swagger spec; one it cannot read is not. */
export function isJsonSpecFile(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(JSON_HEAD_BYTES);
    const read = fs.readSync(fd, buffer, 0, JSON_HEAD_BYTES, 0);
    return mayBeJsonSpec(buffer.toString('utf8', 0, read));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
