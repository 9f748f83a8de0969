/** Looking codes up in a table, with the standard reason phrase for what it does not document. */
import { STANDARD_REASONS } from '../httpStatus';
import type { StatusTable } from './types';

/** "Service Unavailable" for 503: the documented reason, else the standard one, else ''. */
export function reasonOf(table: StatusTable, code: number): string {
  return table.entries.get(code)?.reason ?? STANDARD_REASONS.get(code) ?? '';
}
