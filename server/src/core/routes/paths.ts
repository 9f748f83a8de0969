/**
 * Project paths ('/'-separated, relative to the project root, as the shells give them) and route paths: joining a
 * mount prefix to a route, and one spelling for parameters (`:id`, `{id}` and `[id]` are the same parameter).
 */

export function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** `a/b` + `../c/./d` -> `a/c/d`; undefined where it climbs out of the project. */
export function joinFile(dir: string, relative: string): string | undefined {
  const parts = relative.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/** `/v1` + `/users/` + `/:id` -> `/v1/users/{id}`: one slash between parts, none at the end, parameters as `{name}`. */
export function joinRoutePath(...parts: string[]): string {
  const segments = parts.flatMap((part) => part.split('/')).filter(Boolean);
  return `/${segments.map(normalizeSegment).join('/')}`;
}

function normalizeSegment(segment: string): string {
  let match = /^:([A-Za-z_$][\w$]*)\??$/.exec(segment);
  if (match) return `{${match[1]}}`;
  match = /^\[(?:\.\.\.)?([^\]]+)\]$/.exec(segment) ?? /^\[\[\.\.\.([^\]]+)\]\]$/.exec(segment);
  if (match) return `{${match[1]}}`;
  return segment;
}
