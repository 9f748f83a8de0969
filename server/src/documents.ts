/**
 * The open documents, as the core sees them: one SourceDocument per version, parsed once and shared by every
 * feature. Edits are recorded as they arrive (offsets of each incremental change), so the next version's parse
 * reuses the last one's for whatever the edit did not touch.
 */
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { SizeSetting } from './context';
import { CLI_MESSAGES, collapseChanges, diffTexts, languageOfId, SourceDocument, type AnalyzeOptions, type NotChecked, type TextChange } from './core';

export interface DocumentEvents {
  /** Said once per document version: an adapter caught an exception (a statusdoc bug), or the document was skipped. */
  log(message: string): void;
  /**
   * A document that is not checked (in full): said once per document until the reason changes. `limit` names the
   * size setting when that is the reason.
   */
  skipped(uri: string, reason: NotChecked, limit?: SizeSetting): void;
}

export class DocumentStore {
  readonly documents: TextDocuments<TextDocument>;
  /** The change since the last SourceDocument made for a URI, collapsed across versions. */
  private readonly pending = new Map<string, TextChange>();
  private readonly current = new Map<string, SourceDocument>();
  private readonly reportedSkips = new Map<string, string>();
  private readonly reportedVersions = new Map<string, SourceDocument>();

  constructor(private readonly events: DocumentEvents) {
    this.documents = new TextDocuments({
      create: (uri, languageId, version, content) => {
        this.current.delete(uri);
        this.pending.delete(uri);
        return TextDocument.create(uri, languageId, version, content);
      },
      update: (document, changes, version) => this.update(document, changes, version),
    });
    this.documents.onDidClose(({ document }) => this.forget(document.uri));
  }

  /**
   * The core's view of an open document at its current version, or undefined if statusdoc does not serve it. Read
   * (parsed, and what went wrong reported) unless `read` is false: completion can answer some versions from the last
   * parse without reading them, and the next request that needs the facts reads them.
   */
  get(uri: string, options: AnalyzeOptions = {}, read = true, limit?: SizeSetting): SourceDocument | undefined {
    const document = this.documents.get(uri);
    const language = document && languageOfId(document.languageId);
    if (!document || !language) return undefined;
    const cached = this.current.get(uri);
    if (cached && cached.version === document.version && cached.language === language && cached.options.maxChars === options.maxChars) {
      if (read) this.report(uri, cached, limit);
      return cached;
    }
    const text = document.getText();
    let next: SourceDocument;
    if (cached && cached.language === language) {
      next = cached.edit(text, document.version, this.pending.get(uri) ?? diffTexts(cached.text, text), options);
    } else {
      next = new SourceDocument(text, language, document.version, options);
    }
    this.pending.delete(uri);
    this.current.set(uri, next);
    if (read) this.report(uri, next, limit);
    return next;
  }

  /** The document as last read, if it is still the open version (nothing is parsed here: the index asks this of any file). */
  latest(uri: string): SourceDocument | undefined {
    const cached = this.current.get(uri);
    return cached && cached.version === this.documents.get(uri)?.version ? cached : undefined;
  }

  forget(uri: string): void {
    this.current.delete(uri);
    this.reportedVersions.delete(uri);
    this.pending.delete(uri);
    this.reportedSkips.delete(uri);
  }

  /** Logs and shows what reading a version found wrong: once per version. */
  private report(uri: string, document: SourceDocument, limit?: SizeSetting): void {
    if (this.reportedVersions.get(uri) === document) return;
    this.reportedVersions.set(uri, document);
    const { failure, skipped, recovered } = document.facts;
    if (recovered)
      this.events.log(`statusdoc's fast reader failed on ${uri} (version ${document.version}); the full parse answered. Please report this:\n${recovered}`);
    if (failure)
      this.events.log(`statusdoc could not finish reading ${uri} (version ${document.version}); its sites are incomplete. Please report this:\n${failure}`);
    const reason: NotChecked | undefined = skipped ?? (failure ? { kind: 'failure', firstLine: failure.split('\n', 1)[0] } : undefined);
    if (!reason) {
      this.reportedSkips.delete(uri);
      return;
    }
    if (skipped) this.events.log(`Skipped ${uri}: ${CLI_MESSAGES.skipCause('en', skipped)}.`);
    if (this.reportedSkips.get(uri) !== reason.kind) this.events.skipped(uri, reason, reason.kind === 'too-large' ? limit : undefined);
    this.reportedSkips.set(uri, reason.kind);
  }

  /** Applies the changes one by one, noting where each fell in the text it applied to. */
  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    let collapsed = this.pending.get(document.uri);
    for (const change of changes) {
      let edit: TextChange;
      if ('range' in change) {
        const start = document.offsetAt(change.range.start);
        const oldEnd = document.offsetAt(change.range.end);
        edit = { start, oldEnd, newEnd: start + change.text.length };
        document = TextDocument.update(document, [change], version);
      } else {
        const before = document.getText();
        document = TextDocument.update(document, [change], version);
        edit = diffTexts(before, document.getText());
      }
      collapsed = collapsed ? collapseChanges(collapsed, edit) : edit;
    }
    if (collapsed) this.pending.set(document.uri, collapsed);
    return document;
  }
}
