/** Where each rule is documented: its section of the README that ships with the extension and the CLI. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

let readme: string | undefined;

/** The README beside the package.json above this module (the repo in development, the extension when installed). */
function readmePath(): string {
  if (readme) return readme;
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  readme = path.join(dir, 'README.md');
  return readme;
}

export function ruleDocsUrl(rule: string): string {
  return `${pathToFileURL(readmePath()).href}#${rule}`;
}
