/**
 * eslint-plugin-statusdoc: statusdoc's rules in ESLint (flat config). The rules run the statusdoc core on the text
 * ESLint gives them, with the table and the severities' "off" of the nearest .statusdoc.json, as the CLI and the
 * editor do; `configs.recommended` turns on statusdoc's rules at their default levels.
 */
import type { ESLint, Linter } from 'eslint';
import { RULES } from '../../../server/src/core';
import { PLUGIN_NAME, PLUGIN_VERSION } from './docs';
import { PREFER_NAMED_CONSTANT, preferNamedConstant } from './preferNamedConstant';
import { STATUSDOC_RULES } from './statusdocRules';

const recommendedRules: Linter.RulesRecord = {
  ...Object.fromEntries(RULES.map((rule) => [`statusdoc/${rule.id}`, rule.defaultSeverity === 'error' ? 'error' : 'warn'])),
  [`statusdoc/${PREFER_NAMED_CONSTANT}`]: 'off',
};

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION },
  rules: { ...STATUSDOC_RULES, [PREFER_NAMED_CONSTANT]: preferNamedConstant },
  configs: {} as Record<string, Linter.Config>,
} satisfies ESLint.Plugin;

plugin.configs.recommended = { name: 'statusdoc/recommended', plugins: { statusdoc: plugin }, rules: recommendedRules };

export = plugin;
