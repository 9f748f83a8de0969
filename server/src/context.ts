/** What every feature handler needs: documents, their sites, settings, the table in force, the user's language. */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from './core/table/types';
import type { SiteCache } from './documents';
import type { Settings, SettingsStore } from './settings';
import type { Workspace } from './workspace';

export interface ServerContext {
  documents: TextDocuments<TextDocument>;
  sites: SiteCache;
  settings: SettingsStore;
  workspace: Workspace;
  /** The hover language: the setting, or for `auto` the client's display language. */
  languageFor(settings: Settings): Lang;
}

/** 'zh-cn', 'zh-tw', 'zh' -> 'zh-cn'; anything else -> 'en'. */
export function langOfLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
