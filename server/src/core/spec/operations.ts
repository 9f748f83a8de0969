/**
 * A spec's facts (types.ts) from its text, YAML or JSON: the fast line reader for block YAML (yamlLines.ts), the full
 * `yaml` parse where it is unsure, a small offset-keeping reader for JSON (json.ts). Never throws: a broken document
 * gives what could be read, marked `partial`.
 */
import { parseDocument } from 'yaml';
import { yamlTooDeep } from '../limits';
import { readJsonTree } from './json';
import { factsOfTree, fromYaml } from './tree';
import type { SpecFacts } from './types';
import { readYamlSpecLines } from './yamlLines';

/** Whether a JSON text looks like a spec (`"openapi"` or `"swagger"` as a key): a cheap test before reading it. */
export function mayBeJsonSpec(text: string): boolean {
  return /"(?:openapi|swagger)"\s*:/.test(text);
}

/** Whether a YAML text may be a spec: `openapi:` or `swagger:` at the start of a line. */
export function mayBeYamlSpec(text: string): boolean {
  return /^["']?(?:openapi|swagger)["']?\s*:/m.test(text);
}

/** The facts of a spec, or undefined for a document that is not one (no `openapi`/`swagger` at the top). */
export function readSpec(text: string, format: 'yaml' | 'json'): SpecFacts | undefined {
  try {
    if (format === 'json') {
      if (!mayBeJsonSpec(text)) return undefined;
      const { root, partial } = readJsonTree(text);
      return factsOfTree(root, partial);
    }
    if (!mayBeYamlSpec(text)) return undefined;
    const fast = readYamlSpecLines(text);
    if (fast !== undefined) return fast ?? undefined;
    return readYamlSpecFully(text);
  } catch (error) {
    return { dialect: 'openapi', operations: [], prefixes: [''], partial: error instanceof Error ? error.message : String(error) };
  }
}

/** The full `yaml` parse's answer (the first document): what the fast reader is held to. */
export function readYamlSpecFully(text: string): SpecFacts | undefined {
  if (yamlTooDeep(text)) return undefined;
  const document = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const partial = document.errors.length > 0 ? document.errors[0].message : undefined;
  return factsOfTree(fromYaml(document.contents), partial);
}
