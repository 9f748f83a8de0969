/** Named status-code constants of the libraries teams use, mapped back to numbers. */
import { STANDARD_REASONS } from '../httpStatus';
import type { ConstantLibrary } from './types';

/** "Non-Authoritative Information" -> "NON_AUTHORITATIVE_INFORMATION"; "I'm a Teapot" -> "IM_A_TEAPOT". */
export function constantNameOf(reason: string): string {
  return reason.replace(/'/g, '').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

// Names the libraries use that differ from today's reason phrases (older RFC wording, library quirks).
const ALIASES: [string, number][] = [
  ['EARLYHINTS', 103], ['AMBIGUOUS', 300], ['MOVED_TEMPORARILY', 302], ['PAYLOAD_TOO_LARGE', 413],
  ['REQUEST_TOO_LONG', 413], ['REQUEST_ENTITY_TOO_LARGE', 413], ['REQUEST_URI_TOO_LONG', 414],
  ['REQUESTED_RANGE_NOT_SATISFIABLE', 416], ['I_AM_A_TEAPOT', 418], ['TEAPOT', 418],
  ['INSUFFICIENT_SPACE_ON_RESOURCE', 419], ['METHOD_FAILURE', 420], ['MISDIRECTED', 421],
  ['UNPROCESSABLE_ENTITY', 422], ['UNORDERED_COLLECTION', 425],
  ['BANDWIDTH_LIMIT_EXCEEDED', 509], // node:http2 has HTTP_STATUS_BANDWIDTH_LIMIT_EXCEEDED (non-standard, Apache)
  ['CONTENT_DIFFERENT', 210], ['UNRECOVERABLE_ERROR', 456], // NestJS, non-standard
  ['SWITCH_PROXY', 306], // http-status, unused since RFC 2616
];

const CODE_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...[...STANDARD_REASONS].map(([code, reason]): [string, number] => [constantNameOf(reason), code]),
  ...ALIASES,
]);

/** The object each library's constants hang off, as usually imported. */
const RECEIVERS: Record<string, ConstantLibrary> = {
  HttpStatus: 'nestjs',
  StatusCodes: 'http-status-codes',
  status: 'http-status',
  httpStatus: 'http-status',
  constants: 'node', // import { constants } from 'node:http2'
  DocumentedStatus: 'module', // the project's own module, generated from the documented table
  // The aliases the "Use a named constant" fix binds on a name clash (core/fixes/useConstant.ts): its own output
  // must still read as status codes.
  HttpStatusCode: 'nestjs',
  HttpStatusCodes: 'http-status-codes',
  DocStatus: 'module',
};

/** The object of the project's own constants module (see ../constants/module.ts). */
export const MODULE_OBJECT = 'DocumentedStatus';

const NODE_PREFIX = 'HTTP_STATUS_';

/**
 * The code a constant stands for: `receiver` is the text before the dot ('HttpStatus', 'http2.constants'),
 * or undefined for a bare identifier (`HTTP_STATUS_OK` destructured from http2.constants).
 */
export function codeOfConstant(receiver: string | undefined, name: string): { code: number; library: ConstantLibrary } | undefined {
  // Cheap rejection first: this runs on every identifier and member access of a file, and constants are upper case.
  const first = name.charCodeAt(0);
  if (first < 65 || first > 90) return undefined;
  const last = receiver === undefined ? undefined : receiver.slice(receiver.lastIndexOf('.') + 1);
  const known = last !== undefined && Object.hasOwn(RECEIVERS, last) ? RECEIVERS[last] : undefined;
  // HTTP_STATUS_* is node's alone, whatever the object is called (`h2c.HTTP_STATUS_OK` after `{ constants: h2c }`).
  const library = known ?? (name.startsWith(NODE_PREFIX) ? 'node' : undefined);
  if (!library) return undefined;
  let key = name;
  if (library === 'node') {
    if (!name.startsWith(NODE_PREFIX)) return undefined;
    key = name.slice(NODE_PREFIX.length);
  }
  const code = CODE_BY_NAME.get(key);
  return code === undefined ? undefined : { code, library };
}

// Where a library's name for a code differs from the reason phrase's; null where the library has no constant for
// it. Checked against the real packages by test/unit/constants-libraries.test.ts.
const LIBRARY_NAMES: Record<ConstantLibrary, Partial<Record<number, string | null>>> = {
  nestjs: {
    103: 'EARLYHINTS', 300: 'AMBIGUOUS', 413: 'PAYLOAD_TOO_LARGE', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 418: 'I_AM_A_TEAPOT',
    421: 'MISDIRECTED', 422: 'UNPROCESSABLE_ENTITY',
    226: null, 305: null, 425: null, 426: null, 431: null, 451: null, 506: null, 510: null, 511: null,
  },
  'http-status-codes': {
    302: 'MOVED_TEMPORARILY', 413: 'REQUEST_TOO_LONG', 414: 'REQUEST_URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE',
    418: 'IM_A_TEAPOT', 422: 'UNPROCESSABLE_ENTITY',
    208: null, 226: null, 425: null, 506: null, 508: null, 510: null,
  },
  'http-status': {
    413: 'REQUEST_ENTITY_TOO_LARGE', 414: 'REQUEST_URI_TOO_LONG', 416: 'REQUESTED_RANGE_NOT_SATISFIABLE', 418: 'IM_A_TEAPOT',
    422: 'UNPROCESSABLE_ENTITY',
  },
  node: { 413: 'PAYLOAD_TOO_LARGE', 418: 'TEAPOT', 422: 'UNPROCESSABLE_ENTITY' },
  module: {},
};

/** The member name a library gives a code: (nestjs, 201) -> 'CREATED'; (node, 201) -> 'HTTP_STATUS_CREATED'. */
export function constantNameFor(library: ConstantLibrary, code: number): string | undefined {
  const reason = STANDARD_REASONS.get(code);
  const special = LIBRARY_NAMES[library][code];
  if (special === null) return undefined;
  const name = special ?? (reason ? constantNameOf(reason) : undefined);
  if (!name) return undefined;
  return library === 'node' ? NODE_PREFIX + name : name;
}
