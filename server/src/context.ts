/** What every feature handler needs: documents, their facts, settings, the table in force, the user's language. */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runChecks } from './core/checks';
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

/** A document's findings under the table, severities and language in force for it. */
export async function findingsOf(context: ServerContext, document: TextDocument): Promise<{ facts: DocumentFacts; findings: Finding[] }> {
  const facts = context.facts.facts(document);
  if (facts.sites.length === 0) return { facts, findings: [] };
  const settings = await context.settings.get(document.uri);
  const inForce = context.workspace.tableFor(document.uri, settings);
  const severities = { ...inForce.rules, ...settings.rules };
  const findings = runChecks(facts, document.getText(), inForce.table, { severities, lang: context.languageFor(settings) });
  return { facts, findings };
}
