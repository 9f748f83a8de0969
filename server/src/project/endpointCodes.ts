/**
 * One endpoint's status code wherever it is written: the spec's response key, the handler's sites that answer it,
 * the tests that expect it and the mocks that answer it. From any of those places: go to definition (a handler's
 * site to the spec key that speaks for its code; a spec key to the handler sites that answer it) and find references
 * (every place of that endpoint's code). Places are project paths and offsets.
 */
import { coveringResponse, handlerFileOf, type Endpoint, type LinkedOperation, type SpecLinks, type SpecResponse } from '../core';
import type { WorkspaceRoutes } from './workspaceRoutes';
import type { WorkspaceSpecs } from './workspaceSpecs';

export interface CodePlace {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'spec' | 'handler' | 'test' | 'mock';
}

/** What a place speaks of: the endpoints, the code, and for a spec key the key and its operation. */
interface CodeAt {
  readonly kind: CodePlace['kind'];
  readonly endpoints: readonly Endpoint[];
  readonly code: number;
  readonly spec?: { readonly linked: LinkedOperation; readonly response: SpecResponse };
}

export class EndpointCodes {
  private readonly links: SpecLinks;

  constructor(
    private readonly routes: WorkspaceRoutes,
    private readonly specs: WorkspaceSpecs,
  ) {
    this.links = specs.links(routes.endpoints());
  }

  /** From a handler's site to its operations' keys; from a spec key to the sites that answer it. */
  definition(file: string, offset: number): CodePlace[] {
    const at = this.at(file, offset);
    if (!at) return [];
    if (at.spec) {
      const { linked, response } = at.spec;
      const speaksFor = (code: number) => coveringResponse(linked.operation, code) === response;
      return this.handlerPlaces(at.endpoints, speaksFor);
    }
    if (at.kind !== 'handler') return [];
    return this.specPlaces(at.endpoints, (operation) => coveringResponse(operation.operation, at.code));
  }

  /** Every place of the endpoint's code: spec keys (the code's own), handler sites, test expectations, mocks. */
  references(file: string, offset: number): CodePlace[] {
    const at = this.at(file, offset);
    if (!at) return [];
    const code = at.code;
    const places = [
      ...this.specPlaces(at.endpoints, (linked) => linked.operation.responses.find((r) => r.kind === 'code' && r.code === code)),
      ...this.handlerPlaces(at.endpoints, (answered) => answered === code),
      ...this.requestPlaces(at.endpoints, code),
    ];
    // The spec key itself where its operation has no route: still a place of that code.
    if (at.spec && !places.some((p) => p.file === file && p.start === at.spec!.response.start))
      places.unshift({ file, start: at.spec.response.start, end: at.spec.response.end, kind: 'spec' });
    const seen = new Set<string>();
    return places.filter((p) => !seen.has(`${p.file}:${p.start}`) && seen.add(`${p.file}:${p.start}`) !== undefined);
  }

  private at(file: string, offset: number): CodeAt | undefined {
    if (this.specs.isSpec(this.routes.absolute(file))) {
      const linked = this.links.operationAt(file, offset);
      const response = linked?.operation.responses.find((r) => r.start <= offset && offset <= r.end);
      if (!linked || !response) return undefined;
      return { kind: 'spec', endpoints: linked.endpoints, code: response.code ?? 0, spec: { linked, response } };
    }
    const endpoints: Endpoint[] = [];
    let code: number | undefined;
    for (const endpoint of this.routes.endpoints()) {
      if (handlerFileOf(endpoint) !== file) continue;
      const answer = this.routes.answersOf(endpoint)?.codes.find((c) => !c.implicit && c.file === file && c.start <= offset && offset <= c.end);
      if (!answer) continue;
      endpoints.push(endpoint);
      code = answer.code;
    }
    if (code !== undefined) return { kind: 'handler', endpoints, code };
    const absolute = this.routes.absolute(file);
    const site = this.routes
      .factsOf(file)
      ?.sites.find((s) => (s.role === 'expectation' || s.role === 'mock') && s.start <= offset && offset <= s.end && s.method?.pathStart !== undefined);
    const hit = site && this.routes.endpointsAt(absolute, site.method!.pathStart!);
    if (!site || !hit || hit.endpoints.length === 0) return undefined;
    return { kind: site.role === 'mock' ? 'mock' : 'test', endpoints: hit.endpoints, code: site.code };
  }

  private specPlaces(endpoints: readonly Endpoint[], keyOf: (linked: LinkedOperation) => SpecResponse | undefined): CodePlace[] {
    return endpoints.flatMap((endpoint) =>
      this.links.operationsOf(endpoint).flatMap((linked) => {
        const key = keyOf(linked);
        return key ? [{ file: linked.spec, start: key.start, end: key.end, kind: 'spec' as const }] : [];
      }),
    );
  }

  private handlerPlaces(endpoints: readonly Endpoint[], answers: (code: number) => boolean): CodePlace[] {
    return endpoints.flatMap((endpoint) => {
      const found = this.routes.answersOf(endpoint);
      if (!found) return [];
      return found.codes.filter((c) => answers(c.code)).map((c) => ({ file: c.file, start: c.start, end: c.end, kind: 'handler' as const }));
    });
  }

  private requestPlaces(endpoints: readonly Endpoint[], code: number): CodePlace[] {
    const requests = [...new Set(endpoints.flatMap((endpoint) => [...this.routes.testsOf(endpoint), ...this.routes.mocksOf(endpoint)]))];
    return requests
      .filter((request) => request.codes.includes(code))
      .flatMap((request) =>
        (this.routes.factsOf(request.file)?.sites ?? [])
          .filter((s) => (s.role === 'expectation' || s.role === 'mock') && s.code === code && s.method?.pathStart === request.start)
          .map((s) => ({ file: request.file, start: s.start, end: s.end, kind: request.mock ? ('mock' as const) : ('test' as const) })),
      );
  }
}
