/**
 * The `description` of one response of a spec, read from the text right under its key (not a parse of the whole
 * spec: a hover asks for one). YAML block style and JSON; undefined where it is not written plainly there.
 */
import { parse } from 'yaml';
import type { SpecResponse } from './types';

export function responseDescription(text: string, format: 'yaml' | 'json', response: SpecResponse): string | undefined {
  try {
    return format === 'json' ? jsonDescription(text, response) : yamlDescription(text, response);
  } catch {
    return undefined;
  }
}

function yamlDescription(text: string, response: SpecResponse): string | undefined {
  const keyIndent = response.start - (text.lastIndexOf('\n', response.start - 1) + 1);
  const lines = text.slice(response.end).split(/\r?\n/).slice(1);
  let childIndent: number | undefined;
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = /^ */.exec(line)![0].length;
    if (indent <= keyIndent) return undefined;
    // The key's own description, not one of a schema nested under it.
    childIndent ??= indent;
    if (indent !== childIndent) continue;
    const found = /^\s*description:\s*(.*)$/.exec(line);
    if (!found) continue;
    const value = found[1].replace(/\s+#.*$/, '');
    // A block scalar (`|`, `>`): its first line says enough for a hover.
    if (/^[|>][-+]?$/.test(value)) return lines[i + 1]?.trim() || undefined;
    const read: unknown = parse(value);
    return typeof read === 'string' ? read : read === null || read === undefined ? undefined : String(read);
  }
  return undefined;
}

function jsonDescription(text: string, response: SpecResponse): string | undefined {
  const open = text.indexOf('{', response.end);
  if (open === -1 || text.slice(response.end, open).trim() !== ':') return undefined;
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    const c = text[at];
    if (c === '"') {
      at++;
      while (at < text.length && text[at] !== '"') at += text[at] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) {
        const value = JSON.parse(text.slice(open, at + 1)) as { description?: unknown };
        return typeof value.description === 'string' ? value.description : undefined;
      }
    }
  }
  return undefined;
}
