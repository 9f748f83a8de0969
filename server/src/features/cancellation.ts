/**
 * `$/cancelRequest`: a request the client no longer wants is answered with the LSP "cancelled" error instead of being
 * computed in full. The library cancels the token; a handler looks at it where it can stop: once its settings are
 * known (a request queued behind others is often cancelled by then), and between its phases.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { OpenDocument } from '../context';

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Between two phases of a request (the parse, then the checks and fixes): lets waiting messages in — a
 * `$/cancelRequest`, an edit — and stops if the request was cancelled or the document changed meanwhile (positions
 * would no longer match the text read). Two turns of the event loop: messages that arrive during the first are handed
 * to the handlers by the library in the next.
 */
export async function betweenPhases(token: CancellationToken | undefined, document: OpenDocument, staleRetry = false): Promise<void> {
  throwIfCancelled(token);
  if (!token) return;
  const version = document.lsp.version;
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(token);
  if (document.lsp.version !== version || document.source.version !== version) {
    // Pulled diagnostics: ask the client to pull again (LSP 3.17's retrigger); other requests: the content moved on.
    if (staleRetry) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed.', { retriggerRequest: true });
    throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.');
  }
}
