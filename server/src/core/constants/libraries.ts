/**
 * The named-constant libraries statusdoc reads and writes, one record each: where they are imported from, the object
 * the constants hang off, the names that object goes by, and how members are named. Site finding
 * (sites/constants.ts), the choice of a file's source (constants/source.ts), "Use a named constant"
 * (fixes/useConstant.ts) and the project-side inputs (project/constants.ts) all read this table.
 * Checked against the real packages by test/unit/constants-libraries.test.ts.
 */
import type { ConstantLibrary } from '../sites/types';

export interface ConstantsLibrary {
  id: ConstantLibrary;
  /** Import specifiers, the one a fix writes first. None for the project module: its path is the project's. */
  modules: readonly string[];
  /** The exported object the constants hang off: HttpStatus, StatusCodes, status, constants, DocumentedStatus. */
  exportName: string;
  /** The local name "Use a named constant" binds when the file already uses `exportName` for something else. */
  clashAlias: string;
  /** Other names the object usually goes by in code (besides `exportName` and `clashAlias`). */
  otherReceivers: readonly string[];
  /** Prefix of every member (node: HTTP_STATUS_). A member with it reads as this library whatever its receiver. */
  memberPrefix: string;
  /** Codes whose member differs from the reason phrase in CONSTANT_CASE; null where the library has no member. */
  specialNames: Readonly<Partial<Record<number, string | null>>>;
  /** Further members the library has (older or non-standard wording): read as codes, never written. */
  alsoReads: Readonly<Record<string, number>>;
}

/** In the order a file's source is chosen when several apply: the more specific framework first. */
export const CONSTANTS_LIBRARIES: readonly ConstantsLibrary[] = [
  {
    id: 'nestjs',
    modules: ['@nestjs/common'],
    exportName: 'HttpStatus',
    clashAlias: 'HttpStatusCode',
    otherReceivers: [],
    memberPrefix: '',
    specialNames: {
      103: 'EARLYHINTS',
      300: 'AMBIGUOUS',
      413: 'PAYLOAD_TOO_LARGE',
      416: 'REQUESTED_RANGE_NOT_SATISFIABLE',
      418: 'I_AM_A_TEAPOT',
      421: 'MISDIRECTED',
      422: 'UNPROCESSABLE_ENTITY',
      226: null,
      305: null,
      425: null,
      426: null,
      431: null,
      451: null,
      506: null,
      510: null,
      511: null,
    },
    alsoReads: { CONTENT_DIFFERENT: 210, UNRECOVERABLE_ERROR: 456 },
  },
  {
    id: 'http-status-codes',
    modules: ['http-status-codes'],
    exportName: 'StatusCodes',
    clashAlias: 'HttpStatusCodes',
    otherReceivers: [],
    memberPrefix: '',
    specialNames: {
      302: 'MOVED_TEMPORARILY',
      413: 'REQUEST_TOO_LONG',
      414: 'REQUEST_URI_TOO_LONG',
      416: 'REQUESTED_RANGE_NOT_SATISFIABLE',
      418: 'IM_A_TEAPOT',
      422: 'UNPROCESSABLE_ENTITY',
      208: null,
      226: null,
      425: null,
      506: null,
      508: null,
      510: null,
    },
    alsoReads: { INSUFFICIENT_SPACE_ON_RESOURCE: 419, METHOD_FAILURE: 420 },
  },
  {
    id: 'http-status',
    modules: ['http-status'],
    exportName: 'status',
    clashAlias: 'httpStatus',
    otherReceivers: ['httpStatus'],
    memberPrefix: '',
    specialNames: {
      413: 'REQUEST_ENTITY_TOO_LARGE',
      414: 'REQUEST_URI_TOO_LONG',
      416: 'REQUESTED_RANGE_NOT_SATISFIABLE',
      418: 'IM_A_TEAPOT',
      422: 'UNPROCESSABLE_ENTITY',
    },
    alsoReads: { SWITCH_PROXY: 306 }, // unused since RFC 2616
  },
  {
    id: 'node',
    modules: ['node:http2', 'http2'], // `import { constants }` from either
    exportName: 'constants',
    clashAlias: 'http2Constants',
    otherReceivers: [],
    memberPrefix: 'HTTP_STATUS_',
    specialNames: { 413: 'PAYLOAD_TOO_LARGE', 418: 'TEAPOT', 422: 'UNPROCESSABLE_ENTITY' },
    // BANDWIDTH_LIMIT_EXCEEDED is non-standard (Apache); UNORDERED_COLLECTION is 425's older name.
    alsoReads: { BANDWIDTH_LIMIT_EXCEEDED: 509, UNORDERED_COLLECTION: 425 },
  },
  {
    id: 'module', // the project's own module, generated from the documented table (constants/module.ts)
    modules: [],
    exportName: 'DocumentedStatus',
    clashAlias: 'DocStatus',
    otherReceivers: [],
    memberPrefix: '',
    specialNames: {},
    alsoReads: {},
  },
];

const BY_ID = new Map(CONSTANTS_LIBRARIES.map((library) => [library.id, library]));

export function constantsLibrary(id: ConstantLibrary): ConstantsLibrary {
  return BY_ID.get(id)!;
}

/** The object of the project's own constants module. */
export const MODULE_OBJECT = constantsLibrary('module').exportName;

/** Where the project module goes when nothing names its path: `src/<this>` if the project has a src/, else the root. */
export const PROJECT_MODULE_FILE = 'http-status.ts';

/** Every name a library's constants object goes by in code -> the library. */
export const RECEIVERS: ReadonlyMap<string, ConstantLibrary> = new Map(
  CONSTANTS_LIBRARIES.flatMap((library) =>
    [library.exportName, ...library.otherReceivers, library.clashAlias].map((name): [string, ConstantLibrary] => [name, library.id]),
  ),
);
