/**
 * A 500-file Express/NestJS project: per resource an Express routes file, a NestJS controller, a service, a DTO
 * module and a supertest suite. Planted: POST/DELETE answering 200 in routes, @HttpCode(200) on a @Post(), a
 * @Delete() left to NestJS's default 200, an undocumented 418/429, tests expecting 200 after a POST or DELETE.
 */
import { expressHandler, handlerPlan, type Lines } from './express';
import { Random, capitalize, nounOf, sentence } from './random';
import type { PlantedProblem } from './planted';

export interface GeneratedFile {
  path: string;
  text: string;
}

function finish(path: string, out: Lines, files: GeneratedFile[], planted: PlantedProblem[]): void {
  files.push({ path, text: `${out.lines.join('\n')}\n` });
  planted.push(...out.planted.map((problem) => ({ ...problem, file: path })));
}

function routesFile(random: Random, noun: string, resource: number): Lines {
  const out: Lines = {
    lines: [
      "import express, { type NextFunction, type Request, type Response } from 'express';",
      "import { isUnavailable, limiter } from '../lib/errors';",
      `import { ${noun}s } from './${noun}.service';`,
      '',
      'export const router = express.Router();',
    ],
    planted: [],
  };
  for (let slot = 0; slot < 4; slot++) {
    const { method, plant } = handlerPlan(resource * 4 + slot);
    expressHandler(out, random, 'router', noun, method, plant);
  }
  return out;
}

function controllerFile(random: Random, noun: string, resource: number): Lines {
  const Noun = capitalize(noun);
  const out: Lines = { lines: [], planted: [] };
  const push = (...more: string[]) => out.lines.push(...more);
  const plant = resource % 6;
  push("import { Body, Controller, Delete, Get, HttpCode, HttpException, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';");
  push(`import { ${Noun}Service } from './${noun}.service';`, `import { Create${Noun}Dto } from './${noun}.dto';`, '');
  push(`/** ${sentence(random, 6, 14)} */`, `@Controller('${noun}s')`, `export class ${Noun}Controller {`);
  push(`  constructor(private readonly service: ${Noun}Service) {}`, '');
  push('  @Get()', `  list(@Query('limit') limit = ${random.pick([20, 50, 100])}) {`, '    return this.service.list(Math.min(limit, 500));', '  }', '');
  push("  @Get(':id')", "  async find(@Param('id') id: string) {");
  if (plant === 5) {
    const code = resource % 12 === 5 ? 418 : 429;
    push('    if (this.service.busy()) {');
    out.planted.push({ line: out.lines.length + 1, rule: 'undocumented-code', code, method: 'GET', what: `@Get(':id') of ${Noun}Controller throws ${code}` });
    push(`      throw new HttpException('slow down', ${code});`, '    }');
  }
  push(`    const ${noun} = await this.service.find(id);`);
  push(`    if (!${noun}) throw new HttpException('${noun} not found', HttpStatus.NOT_FOUND);`, `    return ${noun};`, '  }', '');
  push('  @Post()');
  if (plant === 1) {
    out.planted.push({
      line: out.lines.length + 1,
      rule: 'wrong-success-code',
      code: 200,
      method: 'POST',
      what: `@Post() of ${Noun}Controller has @HttpCode(200)`,
    });
    push('  @HttpCode(200)');
  }
  push(`  async create(@Body() dto: Create${Noun}Dto) {`, `    if (!dto.name) throw new HttpException('a ${noun} needs a name', 400);`);
  push('    return this.service.create(dto);', '  }', '');
  push(
    "  @Put(':id')",
    '  @HttpCode(200)',
    `  replace(@Param('id') id: string, @Body() dto: Create${Noun}Dto) {`,
    '    return this.service.replace(id, dto);',
    '  }',
    '',
  );
  if (plant === 3) {
    out.planted.push({
      line: out.lines.length + 1,
      rule: 'implicit-success-code',
      code: 200,
      method: 'DELETE',
      what: `@Delete(':id') of ${Noun}Controller answers NestJS's default 200`,
    });
    push("  @Delete(':id')");
  } else push("  @Delete(':id')", random.chance(0.5) ? '  @HttpCode(HttpStatus.NO_CONTENT)' : '  @HttpCode(204)');
  push(`  async remove(@Param('id') id: string) {`, '    if (!(await this.service.remove(id))) {');
  push(`      throw new HttpException('${noun} not found', HttpStatus.NOT_FOUND);`, '    }', '  }', '}');
  return out;
}

function serviceFile(random: Random, noun: string): Lines {
  const Noun = capitalize(noun);
  const lines = [
    "import { Injectable } from '@nestjs/common';",
    `import type { Create${Noun}Dto } from './${noun}.dto';`,
    '',
    `const PAGE_SIZE = ${random.pick([25, 50, 100])};`,
    `const CACHE_TTL_MS = ${random.pick([30000, 60000, 300000])};`,
    '',
    `export interface ${Noun} extends Create${Noun}Dto {`,
    '  id: string;',
    '  createdAt: Date;',
    '}',
    '',
    `/** ${sentence(random, 6, 14)} */`,
    '@Injectable()',
    `export class ${Noun}Service {`,
    `  private readonly items = new Map<string, ${Noun}>();`,
    '  private readonly cache = new Map<string, { at: number; value: unknown }>();',
    '',
    '  busy(): boolean {',
    `    return this.items.size > ${random.int(1000, 9000)};`,
    '  }',
    '',
    `  list(limit = PAGE_SIZE): ${Noun}[] {`,
    '    const key = `list:${limit}`;',
    '    const hit = this.cache.get(key);',
    `    if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.value as ${Noun}[];`,
    '    const value = [...this.items.values()].slice(0, limit);',
    '    this.cache.set(key, { at: Date.now(), value });',
    '    return value;',
    '  }',
    '',
    `  async find(id: string): Promise<${Noun} | undefined> {`,
    `    for (let attempt = 0; attempt < ${random.int(2, 4)}; attempt++) {`,
    '      const found = this.items.get(id);',
    '      if (found) return found;',
    `      await new Promise((resolve) => setTimeout(resolve, ${random.pick([50, 100, 200])} * attempt));`,
    '    }',
    '    return undefined;',
    '  }',
    '',
    `  async create(dto: Create${Noun}Dto): Promise<${Noun}> {`,
    `    const ${noun}: ${Noun} = { ...dto, id: String(this.items.size + 1), createdAt: new Date() };`,
    `    this.items.set(${noun}.id, ${noun});`,
    '    this.cache.clear();',
    `    return ${noun};`,
    '  }',
    '',
    `  async replace(id: string, dto: Create${Noun}Dto): Promise<${Noun} | undefined> {`,
    '    const current = this.items.get(id);',
    '    if (!current) return undefined;',
    `    const next: ${Noun} = { ...current, ...dto };`,
    '    this.items.set(id, next);',
    '    return next;',
    '  }',
    '',
    '  async remove(id: string): Promise<boolean> {',
    '    this.cache.clear();',
    '    return this.items.delete(id);',
    '  }',
    '}',
    '',
    `export const ${noun}s = new ${Noun}Service();`,
  ];
  return { lines, planted: [] };
}

function dtoFile(random: Random, noun: string): Lines {
  const Noun = capitalize(noun);
  const lines = [
    "import { IsOptional, IsString, MaxLength, Min } from 'class-validator';",
    '',
    `/** ${sentence(random, 5, 12)} */`,
    `export class Create${Noun}Dto {`,
    '  @IsString()',
    '  @MaxLength(200)',
    '  name!: string;',
    '',
    '  @IsOptional()',
    `  @MaxLength(${random.pick([500, 1000, 2000])})`,
    '  description?: string;',
    '',
    '  @IsOptional()',
    '  @Min(0)',
    '  quantity?: number;',
    '}',
  ];
  return { lines, planted: [] };
}

function testFile(random: Random, noun: string, resource: number): Lines {
  const out: Lines = { lines: [], planted: [] };
  const push = (...more: string[]) => out.lines.push(...more);
  const plant = resource % 5;
  push("import request from 'supertest';", "import { app } from '../src/app';", '', `describe('${noun}s', () => {`);
  push(`  it('creates a ${noun}', async () => {`);
  if (plant === 2)
    out.planted.push({ line: out.lines.length + 1, rule: 'wrong-success-code', code: 200, method: 'POST', what: `test expects 200 after POST /${noun}s` });
  push(`    await request(app).post('/${noun}s').send({ name: '${sentence(random, 1, 3)}' }).expect(${plant === 2 ? 200 : 201});`, '  });', '');
  push(`  it('reads a ${noun}', async () => {`, `    const res = await request(app).get('/${noun}s/1');`, '    expect(res.status).toBe(200);');
  push(`    expect(res.body.name).toHaveLength(${random.int(3, 30)});`, '  });', '');
  push(`  it('replaces a ${noun}', async () => {`, `    await request(app).put('/${noun}s/1').send({ name: 'new' }).expect(200);`, '  });', '');
  push(`  it('rejects a ${noun} without a name', async () => {`, `    await request(app).post('/${noun}s').send({}).expect(400);`, '  });', '');
  push(`  it('removes a ${noun}', async () => {`);
  if (plant === 4)
    out.planted.push({
      line: out.lines.length + 1,
      rule: 'wrong-success-code',
      code: 200,
      method: 'DELETE',
      what: `test expects 200 after DELETE /${noun}s/1`,
    });
  push(`    await request(app).delete('/${noun}s/1').expect(${plant === 4 ? 200 : 204});`, '  });', '});');
  return out;
}

/** The project's files (5 per resource) and what was planted in them. */
export function expressNestProject(fileCount: number, seed: number): { files: GeneratedFile[]; planted: PlantedProblem[] } {
  const random = new Random(seed);
  const files: GeneratedFile[] = [];
  const planted: PlantedProblem[] = [];
  for (let resource = 0; files.length < fileCount; resource++) {
    const noun = nounOf(resource);
    const makers: [string, () => Lines][] = [
      [`src/${noun}/${noun}.routes.ts`, () => routesFile(random, noun, resource)],
      [`src/${noun}/${noun}.controller.ts`, () => controllerFile(random, noun, resource)],
      [`src/${noun}/${noun}.service.ts`, () => serviceFile(random, noun)],
      [`src/${noun}/${noun}.dto.ts`, () => dtoFile(random, noun)],
      [`test/${noun}.e2e.test.ts`, () => testFile(random, noun, resource)],
    ];
    for (const [path, make] of makers) if (files.length < fileCount) finish(path, make(), files, planted);
  }
  return { files, planted };
}
