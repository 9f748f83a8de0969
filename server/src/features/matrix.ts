/**
 * statusdoc/matrix: the endpoint status matrix of a workspace folder, for the VS Code client's webview (any client
 * may ask). It waits for the folder's route index, reads the open documents' text where the editor has it, and the
 * disk elsewhere. Asked with a nonce, it also draws the page for a webview (links that post a message to open a place).
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { buildMatrix, renderMatrixHtml } from '../core';
import { openDocument, type ServerContext } from '../context';
import { gatherMatrixInputs } from '../project/matrixInputs';
import type { MatrixParams, MatrixResult } from '../protocol';

export async function provideMatrix(context: ServerContext, params: MatrixParams | null | undefined): Promise<MatrixResult | null> {
  const uri = typeof params?.uri === 'string' ? params.uri : undefined;
  const folder = await context.routes?.builtFolder(uri);
  const specs = folder && context.routes?.specsOf(folder);
  if (!folder || !specs) return null;
  const root = URI.file(folder.root).toString();
  const settings = await context.settings.get(root);
  // The folder's own table: asked for a file directly inside it, as a document there would be.
  const inForce = context.workspace.tableFor(URI.file(path.join(folder.root, '.statusdoc.json')).toString(), settings);
  // The editor's documents of the folder as they are now, not as they were when typing last paused: the handlers'
  // answers and the specs' operations come from the index, which takes an edit only after that pause.
  const open = context.store.documents.keys().filter((key) => key.startsWith('file:') && folder.contains(URI.parse(key).fsPath));
  for (const key of open) {
    const document = openDocument(context, key, await context.settings.get(key));
    if (document) context.routes?.documentChanged(key, document.source, context.store.documents.keys());
  }
  const textOf = (file: string) => context.store.documents.get(URI.file(file).toString())?.getText();
  const gathered = gatherMatrixInputs(folder, specs, { textOf });
  const model = buildMatrix(gathered.inputs, inForce.table);
  const result: MatrixResult = {
    root,
    model,
    leftOut: [...folder.leftOut, ...gathered.leftOut.filter((left) => !folder.leftOut.some((known) => known.file === left.file))],
  };
  const nonce = params?.html?.nonce;
  if (typeof nonce === 'string' && /^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) {
    const reveal = params?.html?.reveal;
    result.html = renderMatrixHtml(model, {
      links: { kind: 'message' },
      nonce,
      title: path.basename(folder.root),
      ...(typeof reveal === 'string' && reveal.length <= 2000 ? { reveal } : {}),
    });
  }
  return result;
}
