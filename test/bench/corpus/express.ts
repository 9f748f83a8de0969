/**
 * Express-style handlers, one at a time, and a whole file of them. A handler can carry a planted problem: a POST
 * answering 200, a DELETE answering 200, or an undocumented 418/429.
 */
import { Random, capitalize, nounOf, sentence } from './random';
import type { GeneratedText } from './planted';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';
export type Plant = 'wrong-success' | 'undocumented' | undefined;

export interface Lines {
  lines: string[];
  planted: GeneratedText['planted'];
}

/** Appends one handler to `out`; planted lines are recorded 1-based against out.lines. */
export function expressHandler(out: Lines, random: Random, router: string, noun: string, method: HttpMethod, plant: Plant): void {
  const Noun = capitalize(noun);
  const route = method === 'post' ? `/${noun}s` : `/${noun}s/:id`;
  const push = (...more: string[]) => out.lines.push(...more);
  const mark = (code: number, rule: 'wrong-success-code' | 'undocumented-code', what: string) =>
    out.planted.push({ line: out.lines.length + 1, rule, code, method: method.toUpperCase(), what });
  const undocumented = random.chance(0.5) ? 418 : 429;
  const named = random.chance(0.25);

  push('', `// ${sentence(random, 5, 12)}`);
  const handlerName = `${method}${Noun}${out.lines.length}`;
  if (named) push(`async function ${handlerName}(req: Request, res: Response, next: NextFunction) {`);
  else push(`${router}.${method}('${route}', async (req: Request, res: Response, next: NextFunction) => {`);
  push('  try {');
  if (plant === 'undocumented') {
    push(`    if (await limiter.isLimited(req.ip)) {`);
    mark(undocumented, 'undocumented-code', `${method.toUpperCase()} ${route} answers ${undocumented}`);
    push(`      return res.status(${undocumented}).json({ error: 'slow down' });`, '    }');
  }
  switch (method) {
    case 'get':
      push(`    const ${noun} = await ${noun}s.find(req.params.id, { timeoutMs: ${random.pick([200, 500, 1000])} });`);
      push(`    if (!${noun}) {`, `      return res.status(404).json({ error: '${noun} not found' });`, '    }');
      push(`    res.set('Cache-Control', 'max-age=${random.pick([60, 300, 3600])}');`, `    res.status(200).json(${noun});`);
      break;
    case 'post':
      push("    if (!req.body || typeof req.body.name !== 'string') {");
      push(`      return res.status(400).json({ error: 'a ${noun} needs a name' });`, '    }');
      push(`    const created = await ${noun}s.create({ ...req.body, retries: ${random.int(2, 5)} });`);
      if (plant === 'wrong-success') {
        mark(200, 'wrong-success-code', `POST ${route} answers 200`);
        push('    res.status(200).json(created);');
      } else push(`    res.status(201).location(\`/${noun}s/\${created.id}\`).json(created);`);
      break;
    case 'put':
      push(`    if (await ${noun}s.isLocked(req.params.id)) {`, '      res.statusCode = 409;', '      return res.end();', '    }');
      push(`    const updated = await ${noun}s.replace(req.params.id, req.body);`, '    res.status(200).json(updated);');
      break;
    case 'delete':
      push(`    const removed = await ${noun}s.remove(req.params.id);`, '    if (!removed) return res.sendStatus(404);');
      if (plant === 'wrong-success') {
        mark(200, 'wrong-success-code', `DELETE ${route} answers 200`);
        push('    res.status(200).json({ removed: true });');
      } else push('    res.sendStatus(204);');
      break;
  }
  push('  } catch (error) {', `    if (isUnavailable(error)) return res.status(503).json({ error: 'store unavailable' });`);
  push('    next(error);', '  }');
  if (named) {
    push('}', `${router}.${method}('${route}', ${handlerName});`);
  } else push('});');
}

const HEADER = [
  "import express, { type NextFunction, type Request, type Response } from 'express';",
  "import { isUnavailable, limiter } from '../lib/errors';",
];

/** The method of the handler at `index`, and whether (and how) it is planted: about one handler in nine. */
export function handlerPlan(index: number): { method: HttpMethod; plant: Plant } {
  const method = (['get', 'post', 'put', 'delete'] as const)[index % 4];
  if (index % 9 !== 4) return { method, plant: undefined };
  return { method, plant: method === 'post' || method === 'delete' ? 'wrong-success' : 'undocumented' };
}

/** An Express routes file of about `lineCount` lines. */
export function expressFile(lineCount: number, seed: number): GeneratedText {
  const random = new Random(seed);
  const out: Lines = { lines: [...HEADER], planted: [] };
  const stores = new Set<string>();
  const body: Lines = { lines: [], planted: [] };
  for (let index = 0; out.lines.length + stores.size + body.lines.length < lineCount - 2; index++) {
    const noun = nounOf(Math.floor(index / 4));
    stores.add(noun);
    const { method, plant } = handlerPlan(index);
    expressHandler(body, random, 'router', noun, method, plant);
  }
  for (const noun of stores) out.lines.push(`import { ${noun}s } from '../stores/${noun}';`);
  out.lines.push('', 'export const router = express.Router();');
  const offset = out.lines.length;
  out.lines.push(...body.lines);
  out.planted.push(...body.planted.map((problem) => ({ ...problem, line: problem.line + offset })));
  return { text: `${out.lines.join('\n')}\n`, planted: out.planted };
}
