/**
 * Diagnostics, pulled (textDocument/diagnostic) where the client supports it, pushed otherwise.
 * Recomputed on edit, and refreshed for every open document when the table, .statusdoc.json or settings change.
 */
import type { Connection, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingsOf, type ServerContext } from '../context';
import { toDiagnostic } from '../convert';

export async function diagnosticsOf(context: ServerContext, document: TextDocument): Promise<Diagnostic[]> {
  const { findings } = await findingsOf(context, document);
  return findings.map((finding) => toDiagnostic(document, finding));
}

export async function provideDocumentDiagnostics(context: ServerContext, uri: string): Promise<DocumentDiagnosticReport> {
  const document = context.documents.get(uri);
  return { kind: DocumentDiagnosticReportKind.Full, items: document ? await diagnosticsOf(context, document) : [] };
}

/** Push mode: publish after a short pause in typing, newest version only. */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly context: ServerContext,
    private readonly delayMs = 150,
  ) {}

  schedule(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => void this.publish(document.uri), this.delayMs),
    );
  }

  async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    const document = this.context.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const diagnostics = await diagnosticsOf(this.context, document);
    // An edit that arrived meanwhile has its own publish scheduled.
    if (this.context.documents.get(uri)?.version !== version) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
