/** The `statusdoc.*` settings the server reads, per resource, with defaults filled in here (not by the client). */
import type { Connection } from 'vscode-languageserver';
import { CONSTANTS_SETTINGS, EDITOR_MAX_CHARS, EDITOR_MAX_CODE_CHARS, type ConstantsSetting, type RuleSeverities } from './core';
import { parseRules } from './project/config';

export type LanguageSetting = 'auto' | 'en' | 'zh-cn';

export interface Settings {
  /** Table doc path relative to the workspace folder; empty for .statusdoc.json or the default. */
  table: string;
  language: LanguageSetting;
  /** statusdoc.rules: severities that override .statusdoc.json's for this editor. */
  rules: RuleSeverities;
  /** statusdoc.constants.*: where named constants come from ('auto' defers to .statusdoc.json, then the file). */
  constants: { source: ConstantsSetting; module: string };
  /** statusdoc.inlayHints: the reason phrase after a literal status code. */
  inlayHints: boolean;
  /** statusdoc.maxFileSizeMB: larger documents are skipped, and the editor says so once. */
  maxFileSizeMB: number;
  /** statusdoc.maxCodeFileSizeMB: the lower limit for TypeScript/JavaScript, whose parse costs more per keystroke. */
  maxCodeFileSizeMB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  table: '',
  language: 'auto',
  rules: {},
  constants: { source: 'auto', module: '' },
  inlayHints: true,
  maxFileSizeMB: EDITOR_MAX_CHARS / (1024 * 1024),
  maxCodeFileSizeMB: EDITOR_MAX_CODE_CHARS / (1024 * 1024),
};

/** Whatever the client sent, made into complete, valid Settings. */
export function normalizeSettings(raw: unknown): Settings {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    table: typeof given.table === 'string' ? given.table.trim() : DEFAULT_SETTINGS.table,
    language: given.language === 'en' || given.language === 'zh-cn' || given.language === 'auto' ? given.language : DEFAULT_SETTINGS.language,
    rules: validRules(given.rules),
    constants: validConstants(given.constants),
    inlayHints: typeof given.inlayHints === 'boolean' ? given.inlayHints : DEFAULT_SETTINGS.inlayHints,
    maxFileSizeMB: positive(given.maxFileSizeMB) ?? DEFAULT_SETTINGS.maxFileSizeMB,
    maxCodeFileSizeMB: positive(given.maxCodeFileSizeMB) ?? DEFAULT_SETTINGS.maxCodeFileSizeMB,
  };
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? value : undefined;
}

function validConstants(raw: unknown): Settings['constants'] {
  const given = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return {
    source: (CONSTANTS_SETTINGS as readonly unknown[]).includes(given.source) ? (given.source as ConstantsSetting) : 'auto',
    module: typeof given.module === 'string' ? given.module.trim() : '',
  };
}

/** The valid entries of statusdoc.rules; a bad entry is dropped, not fatal (the settings UI validates too). */
function validRules(raw: unknown): RuleSeverities {
  if (typeof raw !== 'object' || raw === null) return {};
  const rules: RuleSeverities = {};
  for (const [id, severity] of Object.entries(raw)) {
    const one = parseRules({ [id]: severity });
    if (one.ok) Object.assign(rules, one.value);
  }
  return rules;
}

/** Normalized settings are plain data written in one key order: equal settings give equal JSON. */
function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Settings per document URI. Pulls `workspace/configuration` where the client supports it; otherwise uses what
 * the client pushed (didChangeConfiguration or initializationOptions).
 */
export class SettingsStore {
  private readonly perResource = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.perResource.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'statusdoc' }).then(normalizeSettings, () => this.pushed);
      this.perResource.set(uri, settings);
    }
    return settings;
  }

  /**
   * After didChangeConfiguration: whether any setting in use changed. Pulled values are asked again for the documents
   * that had them and compared; pushed ones are compared with the last push. VS Code pushes once at start-up with
   * nothing changed: refreshing then would check every open document twice.
   */
  async changed(pushed?: unknown): Promise<boolean> {
    const pushedChanged = this.push(pushed);
    if (!this.canPull) return pushedChanged;
    const before = [...this.perResource];
    this.perResource.clear();
    const differ = await Promise.all(before.map(async ([uri, old]) => !sameSettings(await old, await this.get(uri))));
    return pushedChanged || differ.includes(true);
  }

  /** Settings the client pushed (initializationOptions or didChangeConfiguration); whether they differ from the last. */
  push(raw: unknown): boolean {
    if (raw === undefined || raw === null) return false;
    const next = normalizeSettings(raw);
    const changed = !sameSettings(next, this.pushed);
    this.pushed = next;
    return changed;
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
  }
}
