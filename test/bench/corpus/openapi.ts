/**
 * A realistic OpenAPI 3 spec of N operations: five per resource (list, create, read, replace, delete; some
 * resources add PATCH), parameters, request bodies, schemas, descriptions, several responses per operation, flow
 * style here and there (`required: [id, name]`, `{ description: … }`), response keys quoted '201', "404" and bare.
 * Every 23rd operation carries a planted problem: a POST documenting 200, a DELETE documenting 200, or an
 * undocumented 418/429.
 */
import { Random, capitalize, nounOf, sentence } from './random';
import type { GeneratedText } from './planted';

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

interface Operation {
  path: string;
  method: Method;
  noun: string;
  kind: 'list' | 'create' | 'read' | 'replace' | 'delete' | 'patch';
}

const ERROR_CODES = [400, 401, 403, 404, 409, 500, 503];

function operationsOf(count: number, random: Random): Operation[] {
  const operations: Operation[] = [];
  for (let resource = 0; operations.length < count; resource++) {
    const noun = nounOf(resource);
    const collection = `/${noun}s`;
    const item = `/${noun}s/{${noun}Id}`;
    operations.push({ path: collection, method: 'get', noun, kind: 'list' }, { path: collection, method: 'post', noun, kind: 'create' });
    operations.push({ path: item, method: 'get', noun, kind: 'read' }, { path: item, method: 'put', noun, kind: 'replace' });
    operations.push({ path: item, method: 'delete', noun, kind: 'delete' });
    if (random.chance(0.2)) operations.push({ path: item, method: 'patch', noun, kind: 'patch' });
  }
  return operations.slice(0, count);
}

/** How a response key is written: mostly single-quoted, some double-quoted, some bare. */
function key(code: number | string, random: Random): string {
  const roll = random.next();
  return roll < 0.6 ? `'${code}'` : roll < 0.8 ? `"${code}"` : String(code);
}

export function openApiSpec(operationCount: number, seed: number): GeneratedText {
  const random = new Random(seed);
  const lines: string[] = [];
  const planted: GeneratedText['planted'] = [];
  const push = (...more: string[]) => lines.push(...more);
  push('openapi: 3.0.3', 'info:', `  title: Generated API of ${operationCount} operations`, '  version: 1.0.0');
  push(`  description: ${sentence(random, 10, 20)}`, 'servers:', '  - url: https://api.example.com/v1', 'paths:');

  const operations = operationsOf(operationCount, random);
  let currentPath = '';
  operations.forEach((operation, index) => {
    if (operation.path !== currentPath) {
      currentPath = operation.path;
      push(`  ${operation.path}:`);
      if (operation.kind === 'read') {
        push('    parameters:', `      - name: ${operation.noun}Id`, '        in: path', '        required: true');
        push('        schema: { type: string, format: uuid }');
      }
    }
    const Noun = capitalize(operation.noun);
    const { method } = operation;
    push(`    ${method}:`, `      operationId: ${operation.kind}${Noun}`, `      summary: ${capitalize(operation.kind)} ${operation.noun}`);
    push(`      description: ${sentence(random, 8, 24)}`, `      tags: [${operation.noun}s]`);
    if (operation.kind === 'list') {
      push('      parameters:', '        - name: limit', '          in: query', '          required: false');
      push('          schema:', '            type: integer', '            minimum: 1', '            maximum: 200', '            default: 20');
      push("        - $ref: '#/components/parameters/Cursor'");
    }
    if (method === 'post' || method === 'put' || method === 'patch') {
      push('      requestBody:', '        required: true', '        content:', '          application/json:');
      push(`            schema: { $ref: '#/components/schemas/${Noun}' }`);
    }

    // The documented success code, unless this operation carries a planted wrong one.
    const plant = index % 23 === 7;
    const success = method === 'post' ? 201 : method === 'delete' ? 204 : 200;
    push('      responses:');
    if (plant && (method === 'post' || method === 'delete')) {
      planted.push({
        line: lines.length + 1,
        rule: 'wrong-success-code',
        code: 200,
        method: method.toUpperCase(),
        what: `${method.toUpperCase()} ${operation.path} documents 200`,
      });
      push(`        ${key(200, random)}:`);
    } else {
      push(`        ${key(success, random)}:`);
    }
    push(`          description: ${sentence(random, 4, 12)}`);
    if (success !== 204) {
      push('          content:', '            application/json:', '              schema:');
      if (operation.kind === 'list') push('                type: array', '                items:', `                  $ref: '#/components/schemas/${Noun}'`);
      else push(`                $ref: '#/components/schemas/${Noun}'`);
    }
    const errors = [...new Set([random.pick(ERROR_CODES), random.pick(ERROR_CODES), 500])].sort();
    for (const code of errors) {
      if (code === 500) push(`        ${key(500, random)}:`, "          $ref: '#/components/responses/ServerError'");
      else if (random.chance(0.4)) push(`        ${key(code, random)}: { description: ${sentence(random, 2, 5)} }`);
      else push(`        ${key(code, random)}:`, `          description: ${sentence(random, 3, 8)}`);
    }
    if (plant && method !== 'post' && method !== 'delete') {
      const code = index % 2 === 0 ? 418 : 429;
      planted.push({
        line: lines.length + 1,
        rule: 'undocumented-code',
        code,
        method: method.toUpperCase(),
        what: `${method.toUpperCase()} ${operation.path} documents ${code}`,
      });
      push(`        ${key(code, random)}:`, `          description: ${sentence(random, 3, 6)}`);
    }
  });

  push('components:', '  parameters:', '    Cursor:', '      name: cursor', '      in: query', '      schema: { type: string }');
  push('  responses:', '    ServerError:', '      description: The server could not answer.', '      content:');
  push('        application/json:', '          schema:', '            type: object', '            required: [code, message]');
  push('            properties:', '              code: { type: integer }', '              message: { type: string }');
  push('  schemas:');
  for (const noun of new Set(operations.map((operation) => operation.noun))) {
    push(`    ${capitalize(noun)}:`, '      type: object', `      description: ${sentence(random, 6, 14)}`, '      required: [id, name]', '      properties:');
    push('        id:', '          type: string', '          format: uuid', '        name:', '          type: string', '          maxLength: 200');
    push('        status:', '          type: string', '          enum: [active, archived, pending]');
    for (let field = random.int(2, 6); field > 0; field--) {
      push(`        ${random.pick(['note', 'label', 'owner', 'region', 'source', 'amount', 'count', 'score'])}${field}:`);
      push(`          type: ${random.pick(['string', 'integer', 'number', 'boolean'])}`, `          description: ${sentence(random, 3, 9)}`);
    }
    push('        createdAt: { type: string, format: date-time }');
  }
  return { text: `${lines.join('\n')}\n`, planted };
}
