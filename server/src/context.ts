/** What every feature handler needs: documents, their facts, settings, the table in force, the user's language. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, isScriptLanguage, languageOfId, type ConstantsSource, type DocumentLanguage, type Finding, type Lang, type SourceDocument } from './core';
import type { DocumentStore } from './documents';
import type { ServerRoutes } from './routes';
import { constantsSourceFor } from './project/constants';
import type { Settings, SettingsStore } from './settings';
import type { Workspace } from './workspace';

export interface ServerContext {
  store: DocumentStore;
  settings: SettingsStore;
  workspace: Workspace;
  /** The display language: the setting, or for `auto` the client's locale. */
  languageFor(settings: Settings): Lang;
  /** The project's routes, for the methods routes in other files give a document's handlers. */
  routes?: ServerRoutes;
}

/** An open document as LSP sees it (positions, version) and as the core sees it (text, facts). */
export interface OpenDocument {
  lsp: TextDocument;
  source: SourceDocument;
}

/** 'zh-cn', 'zh-tw', 'zh' -> 'zh-cn'; anything else -> 'en'. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/*
 * The helpers below are synchronous on purpose: a handler awaits the document's settings first, then reads the
 * document, its facts and its table in one go, so no edit can arrive between reading offsets and using them.
 */

/**
 * The open document at its current version, or undefined if it is not open or not served. `read: false` leaves the
 * version unparsed until something needs its facts (completion may answer from the last parse).
 */
export function openDocument(context: ServerContext, uri: string, settings: Settings, read = true): OpenDocument | undefined {
  const lsp = context.store.documents.get(uri);
  if (!lsp) return undefined;
  const limit = sizeLimitOf(languageOfId(lsp.languageId), settings);
  const source = context.store.get(uri, { maxChars: Math.floor(limit.megabytes * 1024 * 1024) }, read, limit.setting);
  return source && { lsp, source };
}

/** The size limit for a document in the editor, and the setting that sets it (named when a document is skipped). */
function sizeLimitOf(language: DocumentLanguage | undefined, settings: Settings): { megabytes: number; setting: SizeSetting } {
  const code = isScriptLanguage(language) && settings.maxCodeFileSizeMB < settings.maxFileSizeMB;
  return code
    ? { megabytes: settings.maxCodeFileSizeMB, setting: 'statusdoc.maxCodeFileSizeMB' }
    : { megabytes: settings.maxFileSizeMB, setting: 'statusdoc.maxFileSizeMB' };
}

export type SizeSetting = 'statusdoc.maxFileSizeMB' | 'statusdoc.maxCodeFileSizeMB';

/** Where named constants come from for a document (see core/constants/source.ts). */
export function constantsSourceOf(context: ServerContext, document: OpenDocument, settings: Settings): ConstantsSource {
  const dir = context.workspace.dirOf(document.lsp.uri);
  const inForce = context.workspace.tableForFolder(dir, settings);
  return constantsSourceFor(dir, document.source.facts.imports, settings.constants, inForce, context.workspace.folderOf(dir));
}

/** A document's findings under the table, severities and language in force for it. */
export function findingsOf(context: ServerContext, document: OpenDocument, settings: Settings): Finding[] {
  if (document.source.facts.sites.length === 0) return [];
  const inForce = context.workspace.tableFor(document.lsp.uri, settings);
  const routeMethods = context.routes?.routeMethodsFor(document.lsp.uri, document.source);
  const drift = context.routes?.driftFor(document.lsp.uri);
  const requestAnswers = context.routes?.requestAnswersFor(document.lsp.uri, document.source);
  return check(document.source, inForce.table, {
    severities: { ...inForce.rules, ...settings.rules },
    lang: context.languageFor(settings),
    routeMethods,
    drift,
    requestAnswers,
  });
}
