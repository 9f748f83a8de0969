/** What an OpenAPI 3.x / Swagger 2.0 document declares: its operations, their response keys, its path prefixes. */

/** A key of an operation's `responses`: a code (`'201'`), a range (`4XX`) or `default`. */
export interface SpecResponse {
  /** The key as it reads without quotes: `201`, `4XX`, `default`. */
  readonly key: string;
  readonly kind: 'code' | 'range' | 'default';
  /** The code (kind 'code') or the range's first digit (kind 'range': 4 for `4XX`). */
  readonly code?: number;
  /** Offsets of the key as written, quotes included: [start, end). */
  readonly start: number;
  readonly end: number;
  /** How the key is quoted (fixes write new keys the same way). */
  readonly quote: '' | "'" | '"';
}

export interface SpecOperation {
  /** Upper case: GET, POST… */
  readonly method: string;
  /** The path template as written under `paths` (`/users/{userId}`). */
  readonly path: string;
  /** Offsets of the path key and of the method key as written: [start, end). */
  readonly pathStart: number;
  readonly pathEnd: number;
  readonly methodStart: number;
  readonly methodEnd: number;
  readonly responses: readonly SpecResponse[];
}

export interface SpecFacts {
  /** 'openapi' (3.x) or 'swagger' (2.0). */
  readonly dialect: 'openapi' | 'swagger';
  /** The operations under `paths`, in the order written. */
  readonly operations: readonly SpecOperation[];
  /**
   * The path part of each `servers[].url` (OpenAPI) or the `basePath` (Swagger), '' where there is none; undefined
   * for a server whose path holds a variable (`https://x/{base}`): the prefix is not known, never guessed.
   */
  readonly prefixes: readonly (string | undefined)[];
  /** Set when the document could not be read whole (broken YAML or JSON): the facts are what was read. */
  readonly partial?: string;
}
