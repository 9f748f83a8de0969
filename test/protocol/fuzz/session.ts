/**
 * One fuzzed document over a real server: its edits as didChange, requests fired while the edits go on (some
 * cancelled at once), and every answer checked against the text it may have been computed on. Each check that fails
 * throws with the trail of the last steps, so that a failure reads as a story and replays from its seed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  LSPErrorCodes,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InlayHint,
  type PublishDiagnosticsParams,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestClient } from '../lspClient';
import { applyChange, type Step } from './edits';
import type { Random } from './random';
import { applyEdits, editsProblem, lastFirst, Lines } from './ranges';

export const FIX_ALL_KIND = 'source.fixAll.statusdoc';
export const USE_CONSTANTS_KIND = 'source.statusdoc.useConstants';

/** A check that failed: the message says what, the trail says after which steps. */
export class FuzzFailure extends Error {}

interface Pending {
  promise: Promise<void>;
}

export class FuzzedDocument {
  private text: string;
  private version = 1;
  /** Texts by version, from the oldest version a pending request may have been computed on. */
  private readonly history = new Map<number, string>();
  private readonly pending: Pending[] = [];
  /** In push mode, every version's text: diagnostics are published about a version after typing pauses. */
  private readonly everyVersion = new Map<number, string>();
  /** The diagnostics as the client last saw them: code actions echo them back, stale or not. */
  private shown: Diagnostic[] = [];
  private readonly trail: string[] = [];
  /** Where the last step left the cursor. */
  private cursor = 0;
  /** How many requests were answered, cancelled, and how many fixes were applied: the run's own figures. */
  readonly counts = { edits: 0, requests: 0, cancelled: 0, quickFixes: 0, sourceActions: 0, completions: 0 };

  constructor(
    private readonly client: TestClient,
    private readonly random: Random,
    readonly uri: string,
    private readonly languageId: string,
    text: string,
    private readonly pushed = false,
  ) {
    this.text = text;
    this.history.set(1, text);
    if (pushed) this.everyVersion.set(1, text);
  }

  /** Before it is opened: the text to open it with. */
  reset(text: string): void {
    this.text = text;
    this.history.set(1, text);
    if (this.pushed) this.everyVersion.set(1, text);
  }

  get currentVersion(): number {
    return this.version;
  }

  /** Published diagnostics name a version that was sent, and every range is inside that version's text. */
  checkPublished(params: PublishDiagnosticsParams): void {
    // After didClose the server clears the diagnostics, with no version.
    if (params.version === undefined && params.diagnostics.length === 0) return;
    const text = params.version === undefined ? undefined : this.everyVersion.get(params.version);
    if (text === undefined) this.fail(`diagnostics published for version ${params.version}, never sent`);
    for (const diagnostic of params.diagnostics) this.checkRange(`diagnostic published for version ${params.version}`, diagnostic.range, [new Lines(text)]);
  }

  get current(): string {
    return this.text;
  }

  /** Opens the document and waits for its first diagnostics (the server has its settings from then on). */
  async open(): Promise<void> {
    await this.client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: this.languageId, version: 1, text: this.text },
    });
    this.shown = await this.pull();
  }

  async close(): Promise<void> {
    await this.settle();
    await this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri } });
  }

  /** Sends one step as a didChange, then fires the requests an editor would while the user types. */
  async edit(step: Step): Promise<void> {
    const changes = [];
    let mirror = TextDocument.create(this.uri, this.languageId, this.version, this.text);
    for (const change of step.changes) {
      const range = { start: mirror.positionAt(change.start), end: mirror.positionAt(change.end) };
      changes.push({ range, text: change.insert });
      mirror = TextDocument.update(mirror, [{ range, text: change.insert }], this.version + 1);
      this.text = applyChange(this.text, change);
    }
    // The server applies the LSP change, not the offsets: a step LSP cannot say would make the two texts differ.
    if (mirror.getText() !== this.text) throw new Error(`the fuzz made a step LSP cannot express: ${JSON.stringify(step)}`);
    this.note(`${step.kind} ${JSON.stringify(step.changes)}`);
    await this.change(changes);
    this.cursor = step.cursor;
    this.fireRequests(step);
  }

  /** Waits for every request in flight and checks its answer. */
  async settle(): Promise<void> {
    const all = this.pending.splice(0);
    await Promise.all(all.map((request) => request.promise));
    // Nothing in flight: only the current version can be asked about from now on.
    for (const version of this.history.keys()) if (version !== this.version) this.history.delete(version);
  }

  /** Pulls the diagnostics of the current version (nothing else in flight) and checks them. */
  async pull(): Promise<Diagnostic[]> {
    await this.settle();
    const report = await this.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: this.uri } });
    const items = (report as { items: Diagnostic[] }).items;
    for (const diagnostic of items) this.expectInside('diagnostic', diagnostic.range, [this.version]);
    this.shown = items;
    return items;
  }

  /**
   * Every statusdoc diagnostic, asked about with its own range, has at least one quick fix; each fix's edit applies to
   * the version it names. One of them, chosen at random, is applied; two pulls after it agree.
   */
  async quickFixRound(): Promise<void> {
    const diagnostics = await this.pull();
    if (diagnostics.length === 0) return;
    const diagnostic = this.random.pick(diagnostics);
    const actions = await this.codeActions(diagnostic.range, [diagnostic], undefined);
    const fixes = actions.filter((action) => action.kind === 'quickfix' && action.edit && action.diagnostics?.length);
    if (fixes.length === 0) this.fail(`no quick fix for the diagnostic ${JSON.stringify(diagnostic)}`);
    const fix = this.random.pick(fixes);
    this.note(`apply quick fix "${fix.title}"`);
    await this.apply(fix.edit!);
    this.counts.quickFixes++;
    const first = await this.pull();
    const second = await this.pull();
    this.expectEqual(second, first, 'two pulls after a quick fix');
  }

  /**
   * A file-wide source action (fix all, use named constants), applied, and asked again: the second time there is
   * nothing left to do.
   */
  async sourceActionRound(kind: string): Promise<void> {
    await this.pull();
    const first = await this.sourceActionEdit(kind);
    if (!first) return;
    this.note(`apply ${kind}`);
    await this.apply(first);
    this.counts.sourceActions++;
    await this.pull();
    const second = await this.sourceActionEdit(kind);
    if (second) this.fail(`${kind} is not idempotent: after applying it, it offers ${JSON.stringify(second)}`);
  }

  /** Completion where the cursor is, one of its items accepted (its edit and its import together), then a stable pull. */
  async completionRound(): Promise<void> {
    await this.settle();
    const document = TextDocument.create(this.uri, this.languageId, this.version, this.text);
    const result = await this.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: this.uri },
      position: document.positionAt(this.cursor),
    });
    this.checkCompletion(result, [new Lines(this.text)]);
    const items = (Array.isArray(result) ? result : (result?.items ?? [])).filter((item) => item.textEdit && 'range' in item.textEdit);
    if (items.length === 0) return;
    const item = this.random.pick(items);
    this.note(`accept completion ${item.label}`);
    await this.apply({ changes: { [this.uri]: [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])] } });
    this.counts.completions++;
    const first = await this.pull();
    this.expectEqual(await this.pull(), first, 'two pulls after a completion');
  }

  /** Diagnostics, hovers and inlay hints of this document equal those of `fresh`, opened with the same text. */
  async expectSameAs(fresh: FuzzedDocument): Promise<void> {
    await this.settle();
    this.expectEqual(await fresh.pull(), await this.pull(), 'diagnostics after the last edit, and of the same text opened fresh');
    const lines = TextDocument.create(this.uri, this.languageId, this.version, this.text);
    const offsets = new Set<number>();
    for (const diagnostic of this.shown) offsets.add(lines.offsetAt(diagnostic.range.start));
    // Where hovers are: every diagnostic, and 80 of the codes and constants (a spec has hundreds).
    const candidates = [...this.text.matchAll(/\d{3}|HttpStatus\.\w+|StatusCodes\.\w+/g)].map((match) => match.index! + this.random.int(2));
    while (candidates.length > 0 && offsets.size < this.shown.length + 80) offsets.add(candidates.splice(this.random.int(candidates.length), 1)[0]);
    for (const offset of offsets) {
      const position = lines.positionAt(offset);
      const edited = await this.request<Hover | null>('textDocument/hover', { textDocument: { uri: this.uri }, position });
      const opened = await fresh.request<Hover | null>('textDocument/hover', { textDocument: { uri: fresh.uri }, position });
      this.expectEqual(opened, edited, `hover at ${position.line}:${position.character}`);
    }
    const everything = { start: { line: 0, character: 0 }, end: lines.positionAt(this.text.length) };
    const hints = await this.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: this.uri }, range: everything });
    const freshHints = await fresh.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: fresh.uri }, range: everything });
    this.expectEqual(freshHints, hints, 'inlay hints');
  }

  private async sourceActionEdit(kind: string): Promise<WorkspaceEdit | undefined> {
    const lines = TextDocument.create(this.uri, this.languageId, this.version, this.text);
    const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(this.text.length) };
    const actions = await this.codeActions(whole, this.shown, [kind]);
    const edit = actions.find((action) => action.kind === kind)?.edit;
    return edit && this.editsOf(edit).length > 0 ? edit : undefined;
  }

  private async codeActions(range: Range, diagnostics: Diagnostic[], only: string[] | undefined): Promise<CodeAction[]> {
    await this.settle();
    const actions =
      (await this.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: this.uri }, range, context: { diagnostics, only } })) ?? [];
    this.checkActions(actions, [this.version]);
    return actions;
  }

  /** Applies a workspace edit of the current version as a client does: one didChange, its edits last first. */
  private async apply(edit: WorkspaceEdit): Promise<void> {
    const edits = this.editsOf(edit);
    const problem = editsProblem(this.text, edits);
    if (problem) this.fail(`an edit to apply is not applicable: ${problem}`);
    const changes = lastFirst(this.text, edits).map((one) => ({ range: one.range, text: one.newText }));
    this.text = applyEdits(this.text, edits);
    await this.change(changes);
  }

  private async change(contentChanges: { range: Range; text: string }[]): Promise<void> {
    this.version++;
    this.counts.edits++;
    this.history.set(this.version, this.text);
    if (this.pushed) this.everyVersion.set(this.version, this.text);
    await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges });
  }

  /** Hover, completion, code actions, inlay hints and pulls, each now and then, some cancelled as soon as sent. */
  private fireRequests(step: Step): void {
    const document = TextDocument.create(this.uri, this.languageId, this.version, this.text);
    const cursor = document.positionAt(step.cursor);
    const somewhere = document.positionAt(this.random.int(this.text.length + 1));
    const textDocument = { uri: this.uri };
    if (step.completes ? this.random.chance(0.8) : this.random.chance(0.1))
      this.fire('textDocument/completion', { textDocument, position: cursor }, (result: CompletionList | CompletionItem[] | null, lines) =>
        this.checkCompletion(result, lines),
      );
    if (this.random.chance(0.3))
      this.fire('textDocument/hover', { textDocument, position: this.random.chance(0.5) ? cursor : somewhere }, (result: Hover | null, lines) =>
        this.checkRange('hover', result?.range, lines),
      );
    if (this.random.chance(0.25)) {
      const range = { start: cursor, end: this.random.chance(0.7) ? cursor : somewhere };
      if (document.offsetAt(range.end) < document.offsetAt(range.start)) [range.start, range.end] = [range.end, range.start];
      const only = this.random.pick([undefined, undefined, ['quickfix'], [FIX_ALL_KIND], [USE_CONSTANTS_KIND], ['source']]);
      this.fire(
        'textDocument/codeAction',
        { textDocument, range, context: { diagnostics: this.shown, only } },
        (result: CodeAction[] | null, _lines, versions) => this.checkActions(result ?? [], versions),
      );
    }
    if (this.random.chance(0.15)) {
      const range = { start: { line: 0, character: 0 }, end: document.positionAt(this.text.length) };
      this.fire('textDocument/inlayHint', { textDocument, range }, (result: InlayHint[] | null, lines) => {
        for (const hint of result ?? []) this.checkRange('inlay hint', { start: hint.position, end: hint.position }, lines);
      });
    }
    if (this.random.chance(0.3))
      this.fire('textDocument/diagnostic', { textDocument }, (result: DocumentDiagnosticReport, lines) => {
        for (const diagnostic of (result as { items: Diagnostic[] }).items) this.checkRange('diagnostic', diagnostic.range, lines);
      });
  }

  /**
   * Sends a request without waiting; its answer is checked when it comes, against every version it may have been
   * computed on (from the one current when it was sent to the one current when it was answered).
   */
  private fire<T>(method: string, params: object, check: (result: T, lines: Lines[], versions: number[]) => void): void {
    const sentAt = this.version;
    const cancel = this.random.chance(0.2);
    const source = new CancellationTokenSource();
    const answer = this.client.connection.sendRequest<T>(method, params, source.token);
    if (cancel) {
      if (this.random.chance(0.5)) source.cancel();
      else setImmediate(() => source.cancel());
    }
    const promise = answer.then(
      (result) => {
        this.counts.requests++;
        const versions = [...this.history.keys()].filter((version) => version >= sentAt && version <= this.version);
        check(
          result,
          versions.map((version) => new Lines(this.history.get(version)!)),
          versions,
        );
      },
      (error: { code?: number; message?: string }) => {
        // A cancelled request may be answered "cancelled"; a pull may be cancelled by the server; a request the document
        // changed under may be answered "content modified" (LSP 3.17). Nothing else.
        const cancelled =
          (cancel && error.code === LSPErrorCodes.RequestCancelled) ||
          (method === 'textDocument/diagnostic' && error.code === LSPErrorCodes.ServerCancelled) ||
          (this.version > sentAt && error.code === LSPErrorCodes.ContentModified);
        if (!cancelled) this.fail(`${method} answered with an error: ${error.code} ${error.message}`);
        this.counts.cancelled++;
      },
    );
    // Marked handled now (a failure surfaces when the request is settled), so Node does not abort on it first.
    promise.catch(() => undefined);
    this.pending.push({ promise });
  }

  /** An awaited request of the current version; any error fails. */
  async request<T>(method: string, params: object): Promise<T> {
    try {
      return await this.client.connection.sendRequest<T>(method, params);
    } catch (error) {
      return this.fail(`${method} answered with an error: ${(error as Error).message}`);
    }
  }

  private checkCompletion(result: CompletionList | CompletionItem[] | null, lines: Lines[]): void {
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    for (const item of items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) this.checkRange('completion', edit.range, lines);
      if (edit && 'insert' in edit) {
        this.checkRange('completion (insert)', edit.insert, lines);
        this.checkRange('completion (replace)', edit.replace, lines);
      }
      const together = [...(edit && 'range' in edit ? [edit] : []), ...(item.additionalTextEdits ?? [])];
      if (together.length > 1 && !lines.some((one) => editsProblem(one.text, together) === undefined))
        this.fail(`completion ${item.label}: its edits cannot be applied together: ${JSON.stringify(item.additionalTextEdits)}`);
    }
  }

  /** Each action's edit applies to the version it names (or, unversioned, to one the request may have seen). */
  private checkActions(actions: CodeAction[], versions: number[]): void {
    for (const action of actions) {
      if (!action.edit) continue;
      for (const change of action.edit.documentChanges ?? []) {
        if (!('textDocument' in change)) continue;
        const version = change.textDocument.version;
        if (change.textDocument.uri !== this.uri) this.fail(`code action "${action.title}" edits another document: ${change.textDocument.uri}`);
        if (version === null || !versions.includes(version))
          this.fail(`code action "${action.title}" names version ${version}, not one of ${versions.join(', ')}`);
        const problem = editsProblem(this.history.get(version)!, change.edits as TextEdit[]);
        if (problem) this.fail(`code action "${action.title}": ${problem}`);
      }
      for (const edits of Object.values(action.edit.changes ?? {})) {
        const problems = versions.map((version) => editsProblem(this.history.get(version)!, edits));
        if (problems.every(Boolean)) this.fail(`code action "${action.title}": ${problems[0]}`);
      }
    }
  }

  private editsOf(edit: WorkspaceEdit): TextEdit[] {
    const versioned = (edit.documentChanges ?? []).flatMap((change) => ('edits' in change ? (change.edits as TextEdit[]) : []));
    return [...versioned, ...Object.values(edit.changes ?? {}).flat()];
  }

  private checkRange(what: string, range: Range | undefined, lines: Lines[]): void {
    if (!range) return;
    const problems = lines.map((one) => one.rangeProblem(range));
    if (problems.every(Boolean)) this.fail(`${what} range ${JSON.stringify(range)} is not inside the document: ${problems[problems.length - 1]}`);
  }

  private expectInside(what: string, range: Range, versions: number[]): void {
    this.checkRange(
      what,
      range,
      versions.map((version) => new Lines(this.history.get(version)!)),
    );
  }

  private expectEqual(actual: unknown, expected: unknown, what: string): void {
    const a = JSON.stringify(actual);
    const b = JSON.stringify(expected);
    if (a !== b) this.fail(`${what} differ:\n  expected ${b}\n  actual   ${a}`);
  }

  private note(line: string): void {
    this.trail.push(`v${this.version + 1}: ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
    if (this.trail.length > 12) this.trail.shift();
  }

  /** Fails with what went wrong, the last steps, and the text as it is now in a file beside the report. */
  fail(message: string): never {
    const saved = path.join(os.tmpdir(), `statusdoc-fuzz-${process.pid}-${path.posix.basename(this.uri)}`);
    fs.writeFileSync(saved, this.text);
    throw new FuzzFailure(`${this.uri}: ${message}\nlast steps:\n  ${this.trail.join('\n  ')}\nthe text now: ${saved}`);
  }
}
