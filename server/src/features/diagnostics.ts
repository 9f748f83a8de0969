/**
 * Diagnostics, pulled (textDocument/diagnostic) where the client supports it, pushed otherwise.
 * Recomputed on edit, and refreshed for every open document when the table, .statusdoc.json or settings change.
 */
import type { CancellationToken, Connection, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import { findingsOf, openDocument, type ServerContext } from '../context';
import { toDiagnostic } from '../convert';
import { betweenPhases, throwIfCancelled } from './cancellation';

/** The diagnostics of the document as it is once its settings are known (read in one synchronous go). */
export async function diagnosticsOf(
  context: ServerContext,
  uri: string,
  token?: CancellationToken,
): Promise<{ version: number; diagnostics: Diagnostic[] } | undefined> {
  const settings = await context.settings.get(uri);
  throwIfCancelled(token);
  const document = openDocument(context, uri, settings);
  if (!document) return undefined;
  // The parse is done; the checks run on the same version, or not at all.
  await betweenPhases(token, document, true);
  const findings = findingsOf(context, document, settings);
  return { version: document.lsp.version, diagnostics: findings.map((finding) => toDiagnostic(document.lsp, finding)) };
}

export async function provideDocumentDiagnostics(context: ServerContext, uri: string, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
  return { kind: DocumentDiagnosticReportKind.Full, items: (await diagnosticsOf(context, uri, token))?.diagnostics ?? [] };
}

/** Push mode: publish after a short pause in typing, newest version only. */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly context: ServerContext,
    private readonly delayMs = 150,
  ) {}

  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => void this.publish(uri), this.delayMs),
    );
  }

  async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    const result = await diagnosticsOf(this.context, uri);
    if (result) await this.connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Stop every pending publish (the server is shutting down). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
