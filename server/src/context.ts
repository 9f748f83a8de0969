/** What every feature handler needs: documents, their facts, settings, the table in force, the user's language. */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { runChecks } from './core/checks';
import type { ConstantsSource } from './core/constants/source';
import { constantsSourceFor } from './project/constants';
import type { Finding } from './core/checks/types';
import type { DocumentFacts } from './core/sites/types';
import type { Lang } from './core/table/types';
import type { FactsCache } from './documents';
import type { Settings, SettingsStore } from './settings';
import type { Workspace } from './workspace';

export interface ServerContext {
  documents: TextDocuments<TextDocument>;
  facts: FactsCache;
  settings: SettingsStore;
  workspace: Workspace;
  /** The display language: the setting, or for `auto` the client's locale. */
  languageFor(settings: Settings): Lang;
}

/** 'zh-cn', 'zh-tw', 'zh' -> 'zh-cn'; anything else -> 'en'. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/*
 * The helpers below are synchronous on purpose: a handler awaits the document's settings first, then reads the
 * document, its facts and its table in one go, so no edit can arrive between reading offsets and using them.
 */

/** Where named constants come from for a document (see core/constants/source.ts). */
export function constantsSourceOf(context: ServerContext, document: TextDocument, facts: DocumentFacts, settings: Settings): ConstantsSource {
  const inForce = context.workspace.tableFor(document.uri, settings);
  const file = context.workspace.fileOf(document.uri) ?? path.join(context.workspace.defaultFolder() ?? process.cwd(), 'untitled.ts');
  return constantsSourceFor(file, facts.imports, settings.constants, inForce, context.workspace.folderOf(file));
}

/** A document's findings under the table, severities and language in force for it. */
export function findingsOf(context: ServerContext, document: TextDocument, settings: Settings): { facts: DocumentFacts; findings: Finding[] } {
  const facts = context.facts.facts(document);
  if (facts.sites.length === 0) return { facts, findings: [] };
  const inForce = context.workspace.tableFor(document.uri, settings);
  const severities = { ...inForce.rules, ...settings.rules };
  const findings = runChecks(facts, document.getText(), inForce.table, { severities, lang: context.languageFor(settings) });
  return { facts, findings };
}
