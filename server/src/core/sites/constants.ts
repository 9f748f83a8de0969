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
  const library = known ? constantsLibrary(known) : PREFIXED.find((candidate) => name.startsWith(candidate.memberPrefix));
  if (!library) return undefined;
  let key = name;
  if (library.memberPrefix) {
    if (!name.startsWith(library.memberPrefix)) return undefined;
    key = name.slice(library.memberPrefix.length);
  }
  const code = CODE_BY_NAME.get(key);
  return code === undefined ? undefined : { code, library: library.id };
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
