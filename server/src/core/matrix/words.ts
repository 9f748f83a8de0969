/** The words the matrix's renderers share: drift and sources as people read them. */
import type { CellDrift, MatrixSource, RowDrift } from './model';

export const SOURCE_LABELS: Record<MatrixSource, string> = { spec: 'spec', handler: 'handler', tests: 'tests', mocks: 'mocks' };

export const DRIFT_LABELS: Record<CellDrift | RowDrift, string> = {
  'handler-not-in-spec': 'the handler answers it, the spec does not list it',
  'spec-not-in-handler': 'the spec lists it, the handler never answers it',
  'tests-not-answered': 'tests expect it, the handler never answers it',
  'operation-without-route': 'in the spec, no route serves it',
  'route-not-in-spec': 'a route the spec does not describe',
};

/** Short forms for table cells. */
export const DRIFT_SHORT: Record<CellDrift | RowDrift, string> = {
  'handler-not-in-spec': 'not in spec',
  'spec-not-in-handler': 'never answered',
  'tests-not-answered': 'expected, never answered',
  'operation-without-route': 'no route',
  'route-not-in-spec': 'not in spec',
};
