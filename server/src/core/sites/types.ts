import type { SkipReason } from '../limits';

/**
 * The narrow waist: one place in a document where a status code is set, expected, mocked or declared.
 * Language adapters produce Sites; hover, checks and fixes only ever consume them.
 */
import type { Idiom } from './idioms';

/** What the code at the site does. */
export type SiteRole =
  | 'response' // a handler answers with it (res.status(201), @HttpCode(204), new Response(x, { status }))
  | 'expectation' // a test or client checks for it (.expect(201), expect(res.status).toBe(201))
  | 'mock' // a mock answers with it (nock .reply(201), msw HttpResponse.json(x, { status }))
  | 'spec' // an API description declares it (OpenAPI responses key)
  | 'reference'; // a named constant used elsewhere (HttpStatus.OK in a helper)

/** Where the HTTP method in force was read from. */
export type MethodSource =
  | 'route' // app.post('/x', handler), including handlers passed by name
  | 'decorator' // NestJS @Post()
  | 'route-object' // fastify.route({ method: 'POST', handler })
  | 'export' // Next.js `export async function POST`
  | 'request-builder' // request(app).post('/x'), nock(base).post('/x'), fetch(url, { method }), axios.post
  | 'method-test' // if (req.method === 'POST') { … }, switch (event.httpMethod) { case 'DELETE': … }
  | 'openapi' // the operation key under an OpenAPI path item
  | 'mapping' // a YAML mapping that also names `method`
  | 'route-file'; // a route in another file names this handler (the project's route index)

export interface SiteMethod {
  /** Upper case: GET, POST, ... */
  name: string;
  source: MethodSource;
  /** Offset of the text that names the method (for 'route-file': of the handler's name, the method is elsewhere). */
  at: number;
  /** For 'route-file': where the route is registered, as people read it (`src/routes/user.route.js:14`). */
  registeredAt?: string;
  /**
   * Further methods in force at once (Hono `app.on(['PUT', 'DELETE'], …)`, `req.method === 'GET' || req.method === 'HEAD'`):
   * the site is judged only where the table gives all of them the same code.
   */
  others?: readonly string[];
  /**
   * For a request (source 'request-builder', or an msw handler): the path it calls as written, a leading base URL
   * dropped, query and hash cut, each part computed at run time a one-segment wildcard `{}` (`${base}/users/${id}` ->
   * `/users/{}`). Absent where the path is not known (a variable, another host's URL): never guessed.
   */
  path?: string;
  /** Offsets of the expression that writes the path: [pathStart, pathEnd). */
  pathStart?: number;
  pathEnd?: number;
  /**
   * For a request made on an app in-process (supertest's `request(app)`, Fastify's `app.inject`, Hono's
   * `app.request`): the name the app goes by in this file (`app`, or `buildApp` for `const app = buildApp()`). The
   * route index matches the request only against the routes of the module that name leads to.
   */
  app?: string;
}

/** Named-constant libraries a code can be written with. */
export type ConstantLibrary = 'nestjs' | 'http-status-codes' | 'node' | 'http-status' | 'module';

/** How the code is written, so fixes can keep the form. */
export type CodeForm =
  | { kind: 'literal' } // 201 in TS/JS
  | { kind: 'constant'; library: ConstantLibrary; text: string } // HttpStatus.CREATED
  | { kind: 'enum'; text: string; members: Readonly<Record<number, string>> } // a member of an enum the file declares, and its members by value
  | { kind: 'yaml'; quote: '' | "'" | '"' } // a YAML scalar: '201': under OpenAPI responses, status: 201
  | { kind: 'implicit'; framework: 'nestjs' }; // no code written: the framework's default (NestJS @Delete() answers 200)

export interface Site {
  /** Offsets of the code as written in the document: [start, end). */
  start: number;
  end: number;
  code: number;
  form: CodeForm;
  role: SiteRole;
  /** The pattern recognised, as a typed id ('express.status', 'openapi.responses'); idiomLabel() names it for people. */
  idiom: Idiom;
  /** The HTTP method in force, where the code shows it. */
  method?: SiteMethod;
}

/** 'json': an OpenAPI/Swagger spec written in JSON (its response keys; any other JSON has no sites). */
export type DocumentLanguage = 'typescript' | 'tsx' | 'javascript' | 'jsx' | 'yaml' | 'json';

/** The languages read with the TypeScript compiler's parser. */
export type ScriptLanguage = Exclude<DocumentLanguage, 'yaml' | 'json'>;

/** An import or require of the document, as fixes need it to add a name in the file's own style. */
export interface ImportFact {
  module: string;
  style: 'esm' | 'cjs';
  /** The whole statement: [start, end). */
  start: number;
  end: number;
  /** Named bindings: `import { HttpStatus as S }` -> { name: 'HttpStatus', local: 'S' }. */
  names: ImportedName[];
  /** Where `, Name` can be inserted after the last named binding; absent when there are no braces. */
  namedInsertAt?: number;
  defaultName?: string;
  namespaceName?: string;
  typeOnly: boolean;
}

export interface ImportedName {
  name: string;
  local: string;
  /** `import { type HttpStatus }`: bound for types only, not usable as a value. */
  typeOnly?: boolean;
  /** Offsets of the binding as written (`type HttpStatus as S`). */
  start: number;
  end: number;
}

/** Why what a handler answers is not known at a place. */
export type OpenEndReason =
  | 'status-from-value' // res.status(code), ctx.status = s, reply.code(err.statusCode): no code is read from the status
  | 'error-passed-on' // next(err), next(new Error()): the error handlers answer
  | 'unknown-throw' // throw err, throw new ApiError(…): not a known HTTP exception, nor caught in the handler
  | 'response-handed-off' // sendResponse(res, …): another function answers with the response
  | 'middleware'; // @UseGuards(AuthGuard), auth() before the handler in its route: it may answer first

export interface OpenEnd {
  start: number;
  end: number;
  reason: OpenEndReason;
}

/** The framework idiom that answers without a code. */
export type ImplicitIdiom =
  | 'express.body' // res.json(x), res.send(x), res.end(), res.render(v): 200
  | 'express.redirect' // res.redirect(url): 302
  | 'fastify.send' // reply.send(x): 200
  | 'fastify.return' // return x from (request, reply) => …: 200
  | 'koa.body' // ctx.body = x: 200
  | 'hono.body' // c.json(x), c.text(x): 200
  | 'nestjs.exception'; // throw new NotFoundException(): 404

export interface ImplicitAnswer {
  /** The call, assignment or statement that answers. */
  start: number;
  end: number;
  code: number;
  idiom: ImplicitIdiom;
}

/** Everything one parse of a document tells: its sites, and what fixes need to edit it well. */
export interface DocumentFacts {
  language: DocumentLanguage;
  /** Set when the document was not read (too large, binary, too deep): its empty sites mean "unknown", not "clean". */
  skipped?: SkipReason;
  /**
   * What an adapter caught while reading it (a bug in statusdoc, not in the document): the sites are what it found
   * before. The server logs it once per version; the CLI prints it under --debug.
   */
  failure?: string;
  /** What a fast path caught before the full parse answered in full: logged like a failure, but the sites are whole. */
  recovered?: string;
  sites: Site[];
  /**
   * TS/JS: the places where what a handler answers is not written as a code (a status from a variable, an error
   * passed on, a throw, the response handed to another function). Not sites: no check, hover or fix reads them.
   */
  openEnds: OpenEnd[];
  /** TS/JS: answers with no code written, the framework's default (`res.json(x)` answers 200). Not sites either. */
  implicitAnswers: ImplicitAnswer[];
  imports: ImportFact[];
  /** Names bound at the top level (imports, declarations), so a fix never adds a clashing one. */
  topLevelNames: string[];
}
