/** Which matrix rows a linked spec operation goes on: the matrix's inputs and the spec's code lens agree on it. */
import type { LinkedOperation } from '../spec/link';

/**
 * Its routes' paths where it has routes (the code's spelling and prefix, so route and operation share a row), else
 * the first path it stands for (as the drift finding names it).
 */
export function operationRowPaths(linked: Pick<LinkedOperation, 'endpoints' | 'paths'>): string[] {
  const routed = [...new Set(linked.endpoints.flatMap((endpoint) => (endpoint.path === undefined ? [] : [endpoint.path])))];
  return routed.length > 0 ? routed : linked.paths.slice(0, 1);
}
