/**
 * A generated OpenAPI spec, written as YAML and as JSON, with the line of every response code's key in each text:
 * what lets a finding on a JSON line be compared with one on a YAML line (by the key's path).
 */
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
const CODES = [200, 201, 204, 400, 404, 409, 418, 429, 500, 503, 299] as const;

/** mulberry32: a small seeded generator, so a failure can be run again as it was. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedSpec {
  yaml: string;
  json: string;
  /** `${path} ${method} ${code}` of each response key -> its 1-based line in each text. */
  keys: { id: string; yamlLine: number; jsonLine: number }[];
}

export function generateSpec(seed: number, pathCount: number): GeneratedSpec {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const operations: { path: string; method: string; codes: number[] }[] = [];
  for (let i = 0; i < pathCount; i++) {
    const methods = METHODS.filter(() => next() < 0.5);
    for (const method of methods.length > 0 ? methods : [pick(METHODS)]) {
      const codes = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(CODES)))];
      operations.push({ path: `/things${i}/{id}`, method, codes });
    }
  }
  const yaml = ['openapi: 3.0.3', 'info:', '  title: Generated', '  version: 1.0.0', 'paths:'];
  const json = ['{', '  "openapi": "3.0.3",', '  "info": { "title": "Generated", "version": "1.0.0" },', '  "paths": {'];
  const keys: GeneratedSpec['keys'] = [];
  const paths = [...new Set(operations.map((op) => op.path))];
  paths.forEach((path, pathIndex) => {
    yaml.push(`  ${path}:`);
    json.push(`    "${path}": {`);
    const ops = operations.filter((op) => op.path === path);
    ops.forEach((op, opIndex) => {
      yaml.push(`    ${op.method}:`, '      responses:');
      json.push(`      "${op.method}": {`, '        "responses": {');
      op.codes.forEach((code, codeIndex) => {
        // Each way a YAML key is written: single-quoted, double-quoted, plain.
        const key = [`'${code}'`, `"${code}"`, `${code}`][codeIndex % 3];
        keys.push({ id: `${path} ${op.method} ${code}`, yamlLine: yaml.length + 1, jsonLine: json.length + 1 });
        yaml.push(`        ${key}:`, `          description: answer ${code}`);
        json.push(`          "${code}": { "description": "answer ${code}" }${codeIndex < op.codes.length - 1 ? ',' : ''}`);
      });
      json.push('        }', `      }${opIndex < ops.length - 1 ? ',' : ''}`);
    });
    json.push(`    }${pathIndex < paths.length - 1 ? ',' : ''}`);
  });
  json.push('  }', '}');
  return { yaml: `${yaml.join('\n')}\n`, json: `${json.join('\n')}\n`, keys };
}
