/**
 * One version of one document, the value every core feature takes: its text and language, and what is derived from
 * them (facts, line index, and whatever a feature derives), each computed once, on first use. A new version made with `edit` hands
 * the parse of this one to the adapters, which reuse what the change did not touch.
 */
import { analyze, type AnalyzeOptions, type ParseState, type PreviousParse } from './sites';
import type { DocumentFacts, DocumentLanguage } from './sites/types';
import { collapseChanges, LineIndex, type TextChange } from './text';

export class SourceDocument {
  private factsValue?: DocumentFacts;
  private linesValue?: LineIndex;
  private readonly derivedValues = new Map<object, unknown>();
  /** This version's parse, until the next version takes it over. */
  private state?: ParseState;

  constructor(
    readonly text: string,
    readonly language: DocumentLanguage,
    readonly version = 0,
    readonly options: AnalyzeOptions = {},
    /** An earlier version's parse and the change since, for the adapters to reuse (taken once). */
    private previous?: PreviousParse,
  ) {}

  /** The sites and facts of this version: one parse, shared by every feature. */
  get facts(): DocumentFacts {
    if (!this.factsValue) {
      const previous = this.previous;
      this.previous = undefined;
      const { facts, state } = analyze(this.text, this.language, this.options, previous);
      this.factsValue = facts;
      this.state = state;
    }
    return this.factsValue;
  }

  /** This version's parse while it holds it (until `edit` hands it on): for a feature to read, never to reuse. */
  get parse(): ParseState | undefined {
    void this.facts;
    return this.state;
  }

  /**
   * The earlier version's parse this one will start from, and the change since, while this version has not been read
   * yet: for a feature that can answer from it without reading the whole version (YAML completion), never to reuse.
   */
  get unreadBase(): PreviousParse | undefined {
    return this.factsValue ? undefined : this.previous;
  }

  get lines(): LineIndex {
    return (this.linesValue ??= new LineIndex(this.text));
  }

  /**
   * Something a feature derives from this version (its disable comments, say), computed once: `key` names the
   * derivation (the function itself serves), so the document need not know every feature built on it.
   */
  derived<T>(key: (document: SourceDocument) => T): T {
    if (!this.derivedValues.has(key)) this.derivedValues.set(key, key(this));
    return this.derivedValues.get(key) as T;
  }

  /**
   * The next version of this document. `change` says what changed (from this version's text to `text`); without it
   * nothing is reused. The parse state moves to the new version: this one keeps its facts but lends its parse once.
   */
  edit(text: string, version: number, change?: TextChange, options: AnalyzeOptions = this.options): SourceDocument {
    let previous: PreviousParse | undefined;
    if (change && options.maxChars === this.options.maxChars) {
      if (this.state) previous = { state: this.state, change };
      else if (this.previous) previous = { state: this.previous.state, change: collapseChanges(this.previous.change, change) };
    }
    this.state = undefined;
    this.previous = undefined;
    return new SourceDocument(text, this.language, version, options, previous);
  }
}
