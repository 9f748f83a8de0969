/**
 * What the structure pass needs to know of a key's or a scalar's text, as one integer a line row can hold: the key
 * words that mean something to it (paths, responses, the operation, status and method keys), the status code a
 * scalar holds, the method it names. The line table keeps these instead of the strings.
 */
import { HTTP_METHODS, normalizeMethod } from '../../table/methods';
import { METHOD_KEYS, OPERATION_KEYS, STATUS_KEYS, statusCodeOfSource } from '../yaml';

/** The words a key's meaning depends on; a key info's low byte is its index + 1, 0 for any other key. */
const KEY_WORDS: readonly string[] = [
  ...new Set([
    'paths',
    'webhooks',
    'components',
    'pathItems',
    'openapi',
    'swagger',
    'asyncapi',
    'responses',
    'callbacks',
    ...OPERATION_KEYS,
    ...STATUS_KEYS,
    ...METHOD_KEYS,
  ]),
];
const WORD_ID = new Map(KEY_WORDS.map((word, i) => [word, i + 1]));

export const W_PATHS = WORD_ID.get('paths')!;
export const W_WEBHOOKS = WORD_ID.get('webhooks')!;
export const W_COMPONENTS = WORD_ID.get('components')!;
export const W_PATH_ITEMS = WORD_ID.get('pathItems')!;
export const W_OPENAPI = WORD_ID.get('openapi')!;
export const W_ASYNCAPI = WORD_ID.get('asyncapi')!;
export const W_SWAGGER = WORD_ID.get('swagger')!;
export const W_RESPONSES = WORD_ID.get('responses')!;
export const W_CALLBACKS = WORD_ID.get('callbacks')!;

/** Per word id: the key is an operation, status or method key. */
export const IS_OPERATION: readonly boolean[] = [false, ...KEY_WORDS.map((word) => OPERATION_KEYS.has(word))];
export const IS_STATUS: readonly boolean[] = [false, ...KEY_WORDS.map((word) => STATUS_KEYS.has(word))];
export const IS_METHOD: readonly boolean[] = [false, ...KEY_WORDS.map((word) => METHOD_KEYS.has(word))];

/** The key word of an id (0 is no word). */
export function wordText(id: number): string {
  return KEY_WORDS[id - 1];
}

/** Key info: word id | status code << 8. */
export function keyInfoOf(text: string): number {
  return (WORD_ID.get(text) ?? 0) | ((statusCodeOfSource(text) ?? 0) << 8);
}

export const keyWord = (info: number): number => info & 255;
export const keyCode = (info: number): number => info >> 8;

/** Scalar info: 1 when the text is known | method index + 1 << 1 | status code << 8; 0 when the text is not known. */
export function valueInfoOf(text: string | undefined): number {
  if (text === undefined) return 0;
  const method = normalizeMethod(text);
  const methodId = method === undefined ? 0 : (HTTP_METHODS as readonly string[]).indexOf(method) + 1;
  return 1 | (methodId << 1) | ((statusCodeOfSource(text) ?? 0) << 8);
}

export const valueKnown = (info: number): boolean => (info & 1) !== 0;
export const valueCode = (info: number): number => info >> 8;
/** The method a scalar names, upper case, or undefined. */
export function valueMethod(info: number): string | undefined {
  const id = (info >> 1) & 127;
  return id === 0 ? undefined : HTTP_METHODS[id - 1];
}
