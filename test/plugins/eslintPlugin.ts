/** The built eslint-plugin-statusdoc, as a user's ESLint loads it (`npm run build` writes it). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ESLint, Linter, Rule } from 'eslint';

export const ROOT = path.resolve(__dirname, '../..');
export const PLUGIN_DIR = path.join(ROOT, 'packages/eslint-plugin');

export interface StatusdocPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: Record<string, Rule.RuleModule>;
  configs: { recommended: Linter.Config };
}

export function loadPlugin(): StatusdocPlugin {
  const main = path.join(PLUGIN_DIR, JSON.parse(fs.readFileSync(path.join(PLUGIN_DIR, 'package.json'), 'utf8')).main);
  if (!fs.existsSync(main)) throw new Error(`${path.relative(ROOT, main)} is missing: run npm run build first`);
  return require(main) as StatusdocPlugin;
}
