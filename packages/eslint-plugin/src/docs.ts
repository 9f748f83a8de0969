/** Where each rule is documented: its section of statusdoc's README, on the repository named by this package.json. */
import packageJson from '../package.json';

/** `git+https://github.com/o/r.git` -> `https://github.com/o/r`. */
export function repositoryUrl(repository: string | { url: string }): string {
  const url = typeof repository === 'string' ? repository : repository.url;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

/** The README section of a rule: its heading's anchor (`### wrong-success-code` -> `#wrong-success-code`). */
export function ruleDocsUrl(rule: string): string {
  return `${repositoryUrl(packageJson.repository)}/blob/HEAD/README.md#${rule}`;
}

export const PLUGIN_NAME = packageJson.name;
export const PLUGIN_VERSION = packageJson.version;
