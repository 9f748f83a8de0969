/**
 * Every pattern the TypeScript adapter knows, one file per framework family. To teach it an idiom, add a pattern to
 * its framework's file (and a test); the finder picks it up from here.
 *
 * Order matters only where patterns share a shape and a name: the first that claims a node wins. The fetch-style
 * response classes claim any call on them (`NextResponse.redirect`, `HttpResponse.text`), and a status expected in
 * a test chain (`expect(res).to.have.status(201)`) is not Express's `.status()`, so those two come first.
 */
import type { Pattern } from '../pattern';
import { EXPRESS_PATTERNS } from './express';
import { FASTIFY_PATTERNS } from './fastify';
import { FETCH_PATTERNS } from './fetch';
import { GENERIC_PATTERNS } from './generic';
import { HONO_PATTERNS } from './hono';
import { KOA_PATTERNS } from './koa';
import { KOA_SWAGGER_PATTERNS } from './koaSwaggerDecorator';
import { PLAYWRIGHT_PATTERNS } from './playwright';
import { ROUTING_CONTROLLERS_PATTERNS } from './routingControllers';
import { TSOA_PATTERNS } from './tsoa';
import { NESTJS_PATTERNS } from './nestjs';
import { TEST_PATTERNS } from './tests';

export const PATTERNS: readonly Pattern[] = [
  ...FETCH_PATTERNS,
  ...TEST_PATTERNS,
  ...PLAYWRIGHT_PATTERNS,
  ...NESTJS_PATTERNS,
  ...ROUTING_CONTROLLERS_PATTERNS,
  ...TSOA_PATTERNS,
  ...KOA_SWAGGER_PATTERNS,
  ...EXPRESS_PATTERNS,
  ...FASTIFY_PATTERNS,
  ...KOA_PATTERNS,
  ...HONO_PATTERNS,
  // Last: an object's status properties after Fastify's schema keys; constants only where nothing else took them.
  ...GENERIC_PATTERNS,
];
