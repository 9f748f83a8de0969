/** Finds the files the CLI should read under the paths it was given. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOfFile } from '../core/sites';

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', 'dist', 'coverage']);

/** Every TS/JS/YAML file at or under the paths, sorted, skipping node_modules, build output and dot-folders. */
export function collectFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && languageOfFile(entry.name)) {
        files.add(full);
      }
    }
  };
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) walk(given);
    else files.add(given);
  }
  return { files: [...files].sort(), missing };
}
