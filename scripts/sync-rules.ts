/**
 * `npm run sync`: writes the rules' entries of package.json, package.nls*.json and schemas/statusdoc.schema.json from
 * RULES (server/src/core/checks/rules.ts), leaving every other byte as it is. Run it after adding or changing a rule.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, SEVERITY_SETTINGS } from '../server/src/core/checks/rules';
import { RULE_ENTRY_FILES, syncRuleEntries } from './rule-entries';

const ROOT = path.resolve(__dirname, '..');

try {
  for (const file of RULE_ENTRY_FILES) {
    const at = path.join(ROOT, file);
    const text = fs.readFileSync(at, 'utf8');
    const synced = syncRuleEntries(file, text, { rules: RULES, severities: SEVERITY_SETTINGS });
    if (synced === text) continue;
    fs.writeFileSync(at, synced);
    console.log(`wrote ${file}`);
  }
} catch (error) {
  console.error(`sync: ${(error as Error).message}`);
  process.exitCode = 1;
}
