/**
 * textDocument/references on a status code: every place of that endpoint's code — the spec's response key, the
 * handler's sites that answer it, the tests that expect it, the mocks that answer it.
 */
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import { openDocument, type ServerContext } from '../context';
import { throwIfCancelled } from './cancellation';
import { locationsOf } from './definition';

export async function provideReferences(context: ServerContext, params: ReferenceParams, token?: CancellationToken): Promise<Location[] | null> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  const document = openDocument(context, params.textDocument.uri, settings);
  if (!document || !context.routes) return null;
  const offset = document.lsp.offsetAt(params.position);
  const places = context.routes.codePlaces(document.lsp.uri, document.source, offset, 'references');
  const found = locationsOf(context, places);
  return found === null ? null : Array.isArray(found) ? found : [found];
}
