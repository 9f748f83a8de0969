/**
 * textDocument/definition: from a route registration's handler (`userController.createUser`) to where it is defined;
 * from a test's request (`request(app).post('/v1/users')`: its path or method) to the routes it hits.
 */
import * as fs from 'node:fs';
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { openDocument, type ServerContext } from '../context';
import { throwIfCancelled } from './cancellation';

export async function provideDefinition(context: ServerContext, params: DefinitionParams, token?: CancellationToken): Promise<Location | Location[] | null> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  const document = openDocument(context, params.textDocument.uri, settings);
  if (!document || !context.routes) return null;
  const offset = document.lsp.offsetAt(params.position);
  const routeTargets: { uri: string; at: number; end?: number }[] = context.routes.definitionAt(document.lsp.uri, document.source, offset);
  // Not a route or a request: a status code of an endpoint (a handler's site, a spec's response key).
  const targets = routeTargets.length > 0 ? routeTargets : context.routes.codePlaces(document.lsp.uri, document.source, offset, 'definition');
  return locationsOf(context, targets);
}

/** Locations of targets (file URIs and offsets) in the text the index read them from. */
export function locationsOf(context: ServerContext, targets: readonly { uri: string; at: number; end?: number }[]): Location | Location[] | null {
  const locations: Location[] = [];
  const texts = new Map<string, TextDocument | undefined>();
  for (const target of targets) {
    if (!texts.has(target.uri)) texts.set(target.uri, textOf(context, target.uri));
    const text = texts.get(target.uri);
    if (!text) continue;
    const position = text.positionAt(target.at);
    locations.push({ uri: target.uri, range: { start: position, end: target.end === undefined ? position : text.positionAt(target.end) } });
  }
  // One target as a Location (what clients have had from a handler's definition), several as a list.
  return locations.length === 0 ? null : locations.length === 1 ? locations[0] : locations;
}

/** The text the index read a file from: the editor's, if the file is open, else the disk's. */
function textOf(context: ServerContext, uri: string): TextDocument | undefined {
  const open = context.store.documents.get(uri);
  if (open) return open;
  try {
    return TextDocument.create(uri, 'typescript', 0, fs.readFileSync(URI.parse(uri).fsPath, 'utf8'));
  } catch {
    return undefined;
  }
}
