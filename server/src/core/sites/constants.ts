/** Named status-code constants of the libraries teams use (constants/libraries.ts), mapped back to numbers and back. */
import { CONSTANTS_LIBRARIES, constantsLibrary, RECEIVERS } from '../constants/libraries';
import { STANDARD_REASONS } from '../httpStatus';
import type { ConstantLibrary } from './types';

export { MODULE_OBJECT } from '../constants/libraries';

/** "Non-Authoritative Information" -> "NON_AUTHORITATIVE_INFORMATION"; "I'm a Teapot" -> "IM_A_TEAPOT". */
export function constantNameOf(reason: string): string {
  return reason
    .replace(/'/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

// One map for every library: the reason phrases, then the names libraries use that differ from them (older RFC
// wording, library quirks). A name reads as its code whichever library's object it hangs off.
const CODE_BY_NAME: ReadonlyMap<string, number> = new Map([
  ...[...STANDARD_REASONS].map(([code, reason]): [string, number] => [constantNameOf(reason), code]),
  ...CONSTANTS_LIBRARIES.flatMap((library) => [
    ...Object.entries(library.specialNames)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([code, name]): [string, number] => [name, Number(code)]),
    ...Object.entries(library.alsoReads),
  ]),
]);

/** Libraries whose members all carry a prefix, so that the member alone tells the library (node's HTTP_STATUS_). */
const PREFIXED = CONSTANTS_LIBRARIES.filter((library) => library.memberPrefix !== '');

/** Cheap rejection first: constants are upper case, and the finder asks about most names of a file. */
export function mayNameConstant(name: string): boolean {
  const first = name.charCodeAt(0);
  return first >= 65 && first <= 90;
}

/**
 * The code a constant stands for: `receiver` is the text before the dot ('HttpStatus', 'http2.constants'),
 * or undefined for a bare identifier (`HTTP_STATUS_OK` destructured from http2.constants).
 */
export function codeOfConstant(receiver: string | undefined, name: string): { code: number; library: ConstantLibrary } | undefined {
  if (!mayNameConstant(name)) return undefined;
  const last = receiver === undefined ? undefined : receiver.slice(receiver.lastIndexOf('.') + 1);
  const known = last === undefined ? undefined : RECEIVERS.get(last);
  // A prefixed member is its library's alone, whatever the object is called (`h2c.HTTP_STATUS_OK` after
  // `{ constants: h2c }`).
  const library = known ? known : prefixedLibrary(name);
  return library === undefined ? undefined : codeOfMember(library, name);
}

/** The library whose member prefix `name` carries (node's HTTP_STATUS_), if any. */
export function prefixedLibrary(name: string): ConstantLibrary | undefined {
  return PREFIXED.find((candidate) => name.startsWith(candidate.memberPrefix))?.id;
}

/** The code of a member of one library's object: (nestjs, 'CREATED') -> 201. */
export function codeOfMember(id: ConstantLibrary, name: string): { code: number; library: ConstantLibrary } | undefined {
  const library = constantsLibrary(id);
  let key = name;
  if (library.memberPrefix) {
    if (!name.startsWith(library.memberPrefix)) return undefined;
    key = name.slice(library.memberPrefix.length);
  }
  const code = CODE_BY_NAME.get(key);
  return code === undefined ? undefined : { code, library: library.id };
}

/** The library whose constants object a receiver name usually stands for (`StatusCodes`, `status`), if any. */
export function libraryOfReceiver(receiver: string): ConstantLibrary | undefined {
  return RECEIVERS.get(receiver);
}

/**
 * The library an import brings the constants object of: `{ HttpStatus }` from '@nestjs/common', `status` (default,
 * named or CommonJS) from 'http-status', `* as HttpStatus` from 'http-status-codes', the project module's
 * `DocumentedStatus` from wherever the project keeps it. `imported` is the exported name, 'default' or '*'.
 */
export function libraryOfImport(module: string, imported: string): ConstantLibrary | undefined {
  for (const library of CONSTANTS_LIBRARIES) {
    if (library.modules.length === 0) {
      if (imported === library.exportName) return library.id;
      continue;
    }
    if (!library.modules.includes(module)) continue;
    if (imported === library.exportName) return library.id;
    // The packages whose module object is the constants object (http-status; http-status-codes' legacy top level).
    if ((imported === 'default' || imported === '*') && !library.memberPrefix && library.id !== 'nestjs') return library.id;
  }
  return undefined;
}

/** The member name a library gives a code: (nestjs, 201) -> 'CREATED'; (node, 201) -> 'HTTP_STATUS_CREATED'. */
export function constantNameFor(id: ConstantLibrary, code: number): string | undefined {
  const library = constantsLibrary(id);
  const special = library.specialNames[code];
  if (special === null) return undefined;
  const reason = STANDARD_REASONS.get(code);
  const name = special ?? (reason ? constantNameOf(reason) : undefined);
  return name ? library.memberPrefix + name : undefined;
}
