/**
 * The peers statusdoc is measured against, installed on demand into a folder of the benchmark's own (never the
 * project's dependencies), with configurations equivalent to the table's rules written there at run time:
 *   Redocly CLI 2.x   configurable rules (assertions) on Responses keys, per operation method
 *   Spectral CLI 6.x  a ruleset with a small custom function on Responses keys (bare numeric keys included)
 *   ESLint 9 + @typescript-eslint/parser 8   no-magic-numbers: the generic rule a team would otherwise use
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCUMENTED_CODES, SUCCESS_BY_METHOD } from './corpus/planted';

export interface PeerPackage {
  /** What the tables call it. */
  name: string;
  /** npm specs, pinned to a major version. */
  packages: string[];
  /** The bin script, relative to the peers folder's node_modules. */
  bin: string;
  /** Which corpus items it reads. */
  kinds: ('openapi' | 'typescript' | 'project')[];
}

export const PEERS: PeerPackage[] = [
  { name: 'Redocly', packages: ['@redocly/cli@^2'], bin: '@redocly/cli/bin/cli.js', kinds: ['openapi'] },
  { name: 'Spectral', packages: ['@stoplight/spectral-cli@^6'], bin: '@stoplight/spectral-cli/dist/index.js', kinds: ['openapi'] },
  { name: 'ESLint', packages: ['eslint@^9', '@typescript-eslint/parser@^8'], bin: 'eslint/bin/eslint.js', kinds: ['typescript', 'project'] },
];

export interface InstalledPeer extends PeerPackage {
  script: string;
  version: string;
  /** Arguments after the file or folder to read. */
  argsFor(target: string): string[];
  env: Record<string, string>;
}

function packageVersion(folder: string, spec: string): string {
  const name = spec.slice(0, spec.lastIndexOf('@'));
  try {
    return (JSON.parse(fs.readFileSync(path.join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** Installs what is missing (one npm call); says which peers could not be had and goes on without them. */
export function installPeers(folder: string, log: (line: string) => void): InstalledPeer[] {
  fs.mkdirSync(folder, { recursive: true });
  const manifest = path.join(folder, 'package.json');
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{ "name": "statusdoc-bench-peers", "private": true }\n');
  const missing = PEERS.filter((peer) => !fs.existsSync(path.join(folder, 'node_modules', peer.bin)));
  if (missing.length > 0) {
    const specs = missing.flatMap((peer) => peer.packages);
    log(`installing peers into ${path.relative(process.cwd(), folder)}: ${specs.join(' ')}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--prefix', folder, '--no-audit', '--no-fund', '--loglevel=error', ...specs], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (result.status !== 0)
      log(`npm install failed (registry unreachable?): ${(result.stderr || String(result.error ?? '')).trim().split('\n').slice(-2).join(' ')}`);
  }
  writeConfigs(folder);
  const installed: InstalledPeer[] = [];
  for (const peer of PEERS) {
    const script = path.join(folder, 'node_modules', peer.bin);
    if (!fs.existsSync(script)) {
      log(`${peer.name} is not installed and could not be: measured without it`);
      continue;
    }
    installed.push({ ...peer, script, version: peer.packages.map((spec) => packageVersion(folder, spec)).join(' + '), ...invocation(peer.name, folder) });
  }
  return installed;
}

function invocation(name: string, folder: string): Pick<InstalledPeer, 'argsFor' | 'env'> {
  switch (name) {
    case 'Redocly':
      // No telemetry, no update check: nothing leaves the machine. Every problem reported (the default stops at 100).
      return {
        argsFor: (target) => ['lint', target, '--config', path.join(folder, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000000'],
        env: { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      };
    case 'Spectral':
      return { argsFor: (target) => ['lint', target, '--ruleset', path.join(folder, 'spectral', 'ruleset.yaml'), '--format', 'json', '--quiet'], env: {} };
    default:
      return { argsFor: (target) => ['--config', path.join(folder, 'eslint.config.mjs'), '--format', 'json', target], env: {} };
  }
}

const TWO_XX = ['200', '201', '202', '203', '204', '205', '206'];

/** The 2xx keys an operation of this method must not document: all but the table's success code. */
function wrongSuccessKeys(method: string): string[] {
  return TWO_XX.filter((code) => code !== String(SUCCESS_BY_METHOD[method]));
}

function writeConfigs(folder: string): void {
  const documented = DOCUMENTED_CODES.map(String);
  const redocly = ["# Written by npm run bench: the documented table's rules as Redocly configurable rules.", 'extends: []', 'rules:'];
  for (const method of Object.keys(SUCCESS_BY_METHOD)) {
    redocly.push(
      `  rule/${method.toLowerCase()}-success-${SUCCESS_BY_METHOD[method]}:`,
      `    message: ${method} answers ${SUCCESS_BY_METHOD[method]} in the documented table`,
      '    severity: error',
      '    subject:',
      '      type: Responses',
      '    where:',
      '      - subject:',
      '          type: Operation',
      `          filterInParentKeys: [${method.toLowerCase()}]`,
      '        assertions:',
      '          defined: true',
      '    assertions:',
      `      disallowed: [${wrongSuccessKeys(method)
        .map((code) => `'${code}'`)
        .join(', ')}]`,
    );
  }
  redocly.push(
    '  rule/undocumented-code:',
    '    message: the status code is not documented in the table',
    '    severity: warn',
    '    subject:',
    '      type: Responses',
    '    assertions:',
    `      pattern: /^(${documented.join('|')}|default|[1-5]XX)$/`,
  );
  fs.writeFileSync(path.join(folder, 'redocly.yaml'), `${redocly.join('\n')}\n`);

  fs.mkdirSync(path.join(folder, 'spectral', 'functions'), { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'spectral', 'functions', 'statusKey.js'),
    [
      '// Written by npm run bench. A response key, quoted or bare (YAML reads 200: as a number), against the table.',
      'module.exports = function statusKey(key, options) {',
      '  const code = String(key);',
      '  if (!/^\\d{3}$/.test(code)) return [];',
      '  if (options.disallowed && options.disallowed.includes(code)) return [{ message: `${code} is not the documented success code` }];',
      '  if (options.documented && !options.documented.includes(code)) return [{ message: `${code} is not documented` }];',
      '  return [];',
      '};',
      '',
    ].join('\n'),
  );
  const spectral = [
    "# Written by npm run bench: the documented table's rules as a Spectral ruleset.",
    'functionsDir: ./functions',
    'functions: [statusKey]',
    'rules:',
  ];
  for (const method of Object.keys(SUCCESS_BY_METHOD)) {
    spectral.push(
      `  ${method.toLowerCase()}-success-${SUCCESS_BY_METHOD[method]}:`,
      '    severity: error',
      `    given: "$.paths[*].${method.toLowerCase()}.responses"`,
      '    then:',
      '      field: "@key"',
      '      function: statusKey',
      '      functionOptions:',
      `        disallowed: [${wrongSuccessKeys(method)
        .map((code) => `"${code}"`)
        .join(', ')}]`,
    );
  }
  spectral.push(
    '  undocumented-code:',
    '    severity: warn',
    '    given: "$.paths[*][get,put,post,delete,patch,options,head,trace].responses"',
    '    then:',
    '      field: "@key"',
    '      function: statusKey',
    '      functionOptions:',
    `        documented: [${documented.map((code) => `"${code}"`).join(', ')}]`,
  );
  fs.writeFileSync(path.join(folder, 'spectral', 'ruleset.yaml'), `${spectral.join('\n')}\n`);

  fs.writeFileSync(
    path.join(folder, 'eslint.config.mjs'),
    [
      '// Written by npm run bench: what a team without statusdoc would run on status codes.',
      "import tsParser from '@typescript-eslint/parser';",
      'export default [',
      '  {',
      "    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],",
      '    languageOptions: { parser: tsParser },',
      "    rules: { 'no-magic-numbers': ['warn', { ignore: [-1, 0, 1], ignoreDefaultValues: true, ignoreArrayIndexes: true }] },",
      '  },',
      '];',
      '',
    ].join('\n'),
  );
}
