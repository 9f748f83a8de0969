/** textDocument/definition: from a route registration's handler (`userController.createUser`) to where it is defined. */
import * as fs from 'node:fs';
import type { CancellationToken, DefinitionParams, Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { openDocument, type ServerContext } from '../context';
import { throwIfCancelled } from './cancellation';

export async function provideDefinition(context: ServerContext, params: DefinitionParams, token?: CancellationToken): Promise<Location | null> {
  const settings = await context.settings.get(params.textDocument.uri);
  throwIfCancelled(token);
  const document = openDocument(context, params.textDocument.uri, settings);
  if (!document || !context.routes) return null;
  const target = context.routes.definitionAt(document.lsp.uri, document.source, document.lsp.offsetAt(params.position));
  if (!target) return null;
  // The offset is in the text the index read: the editor's, if the file is open, else the disk's.
  const open = context.store.documents.get(target.uri);
  let text: string;
  try {
    text = open ? open.getText() : fs.readFileSync(URI.parse(target.uri).fsPath, 'utf8');
  } catch {
    return null;
  }
  const position = TextDocument.create(target.uri, 'typescript', 0, text).positionAt(target.at);
  return { uri: target.uri, range: { start: position, end: position } };
}
