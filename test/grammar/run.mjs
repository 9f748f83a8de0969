#!/usr/bin/env node
/**
 * Grammar tests for syntaxes/statusdoc.injection.tmLanguage.json. Run from anywhere: `node test/grammar/run.mjs`.
 *
 * 1. The JSON is what syntaxes/build-injection.mjs generates (no hand edits, no stale build).
 * 2. vscode-tmgrammar-test checks the `^^^` assertions of test/grammar/*.test.* against the host grammars
 *    (tm-grammars: VS Code's TypeScript/JavaScript grammars, TextMate's YAML grammar) with the injection, as listed
 *    in grammars.json.
 * 3. The injection leaves the host alone: every fixture is tokenized with and without it, and the two must agree token
 *    for token (same boundaries, same scopes), except that a status code's token gains the status-code scope (in place
 *    of the host's own numeric scope, if it had one). Each fixture must also hold at least one status code.
 *
 * Exits non-zero if any of these fails.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GRAMMAR_PATH, grammarText } from '../../syntaxes/build-injection.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const configPath = join(here, 'grammars.json');
const fixtures = readdirSync(here)
  .filter((name) => /\.test\.\w+$/.test(name))
  .sort()
  .map((name) => join(here, name));
const STATUS_SCOPE = /^constant\.numeric\.status-code\.(informational|success|redirect|client-error|server-error)\.statusdoc$/;

const results = [];
function report(name, failures) {
  results.push({ name, ok: failures.length === 0 });
  if (failures.length === 0) console.log(`✓ ${name}`);
  else {
    console.log(`✖ ${name}`);
    for (const failure of failures) console.log(`  ${failure}`);
  }
}

// ---- 1. generated JSON is current ----
report(
  'syntaxes/statusdoc.injection.tmLanguage.json is what build-injection.mjs generates',
  (() => {
    let onDisk = '';
    try {
      onDisk = readFileSync(GRAMMAR_PATH, 'utf8');
    } catch (error) {
      return [`cannot read it: ${error.message}`];
    }
    return onDisk === grammarText() ? [] : ['it differs: run `node syntaxes/build-injection.mjs` (and edit the rules there, not the JSON)'];
  })(),
);

// ---- 2. vscode-tmgrammar-test assertions ----
const require = createRequire(import.meta.url);
const tmgrammarTest = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const run = spawnSync(process.execPath, [tmgrammarTest, '--config', relative(root, configPath), ...fixtures.map((f) => relative(root, f))], {
  cwd: root,
  encoding: 'utf8',
});
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
report('vscode-tmgrammar-test assertions', run.status === 0 ? [] : [`vscode-tmgrammar-test exited ${run.status ?? run.signal}`]);

// ---- 3. host tokens unchanged around the codes ----
// The engine vscode-tmgrammar-test runs on, so both checks tokenize alike.
const fromTester = createRequire(require.resolve('vscode-tmgrammar-test/package.json'));
const textmate = fromTester('vscode-textmate');
const oniguruma = fromTester('vscode-oniguruma');
await oniguruma.loadWASM(readFileSync(join(dirname(fromTester.resolve('vscode-oniguruma')), 'onig.wasm')).buffer);
const onigLib = Promise.resolve({
  createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
  createOnigString: (text) => new oniguruma.OnigString(text),
});

const config = JSON.parse(readFileSync(configPath, 'utf8')).contributes.grammars;
const grammarFiles = new Map(config.map((entry) => [entry.scopeName, join(here, entry.path)]));
const injectionEntry = config.find((entry) => entry.injectTo);

function registry(withInjection) {
  return new textmate.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const path = grammarFiles.get(scopeName);
      return path ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null;
    },
    // As VS Code does: a grammar injected into `source.js` is injected into `source.js.jsx` too.
    getInjections: (scopeName) =>
      withInjection && injectionEntry.injectTo.some((target) => scopeName === target || scopeName.startsWith(`${target}.`)) ? [injectionEntry.scopeName] : [],
  });
}
const hostOnly = registry(false);
const withInjection = registry(true);

/** The source lines of a tmgrammar-test fixture: without its header and its assertion lines. */
function sourceOf(text) {
  const [header, ...lines] = text.split(/\r?\n/);
  const [, comment, scope] = /^(\S+)\s+SYNTAX\s+TEST\s+"([^"]+)"/.exec(header) ?? [];
  if (!comment) throw new Error('no SYNTAX TEST header');
  const assertion = new RegExp(`^${comment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(\\^|<~*-+)`);
  return { scope, lines: lines.filter((line) => !assertion.test(line)) };
}

function sameScopes(a, b) {
  return a.length === b.length && a.every((scope, i) => scope === b[i]);
}

for (const fixture of fixtures) {
  const name = relative(root, fixture);
  const failures = [];
  let codes = 0;
  try {
    const { scope, lines } = sourceOf(readFileSync(fixture, 'utf8'));
    const plain = await hostOnly.loadGrammar(scope);
    const injected = await withInjection.loadGrammar(scope);
    let plainStack = textmate.INITIAL;
    let injectedStack = textmate.INITIAL;
    lines.forEach((line, index) => {
      const a = plain.tokenizeLine(line, plainStack);
      const b = injected.tokenizeLine(line, injectedStack);
      plainStack = a.ruleStack;
      injectedStack = b.ruleStack;
      const where = `line ${index + 1} (${JSON.stringify(line.trim())})`;
      if (a.tokens.length !== b.tokens.length) {
        failures.push(`${where}: ${a.tokens.length} host tokens, ${b.tokens.length} with the injection`);
        return;
      }
      a.tokens.forEach((host, i) => {
        const token = b.tokens[i];
        const text = JSON.stringify(line.slice(token.startIndex, token.endIndex));
        if (host.startIndex !== token.startIndex || host.endIndex !== token.endIndex) {
          failures.push(`${where}: token ${text} has other bounds than the host's`);
          return;
        }
        const last = token.scopes[token.scopes.length - 1];
        if (!STATUS_SCOPE.test(last)) {
          if (!sameScopes(host.scopes, token.scopes)) failures.push(`${where}: ${text} is ${token.scopes.join(' ')}, host says ${host.scopes.join(' ')}`);
          return;
        }
        codes++;
        const outer = token.scopes.slice(0, -1);
        // The code keeps the host's scopes around it; the host's own numeric scope, if any, gives way to the class.
        if (!(sameScopes(outer, host.scopes) || sameScopes(outer, host.scopes.slice(0, -1)))) {
          failures.push(`${where}: code ${text} is ${token.scopes.join(' ')}, host says ${host.scopes.join(' ')}`);
        }
      });
    });
  } catch (error) {
    failures.push(String(error?.stack ?? error));
  }
  if (codes === 0 && failures.length === 0) failures.push('no status code was scoped in it');
  report(`${name}: host tokens unchanged around ${codes} status codes`, failures);
}

const failed = results.filter((result) => !result.ok).length;
console.log(`grammar: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
