/**
 * `check --cache`: a file's findings kept between runs, ESLint-style. An entry is used only when the file's content
 * hash and the settings key match: the table in force (its content, not its path's age), the rule severities, the
 * language of the file and of the messages, the size limit; and only from a cache written by the same build of
 * statusdoc (its version and a hash of its source). A TS/JS file's entry also keeps what the route index needs of it
 * (its module facts: a cached run parses no unchanged file) and the route methods its findings were judged under,
 * which the caller compares with what the index gives the file now. Anything else in the cache file
 * (another tool's file, a damaged one, an entry of the wrong shape) is never trusted.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOfFile, type Lang, type StatusTable } from '../core';
import type { TableInForce } from '../project/tables';
import { decodeFacts, encodeFacts } from './cachedFacts';
import { isFileFindings } from './cacheEntry';
import type { FileFindings } from './report';
import type { FileRouteFacts } from './routeFacts';

export const DEFAULT_CACHE_FILE = '.statusdoccache';
/** The first key of every cache file statusdoc writes: how a damaged cache of ours is told from someone else's file. */
const MARKER = '{"statusdoc-cache":';
/** Bumped when the layout of the file changes; a cache of another layout is simply stale. */
const LAYOUT = 2;

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** --cache-location: a file, or a folder (existing, or written with a trailing slash) to hold .statusdoccache. */
export function cacheFileOf(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_FILE);
  const absolute = path.resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory());
  return isFolder ? path.join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

export interface RunSettings {
  version: string;
  lang: Lang;
  maxChars: number;
}

/** A file's size and modification time, taken before it was read. */
export interface Stamp {
  size: number;
  mtimeMs: number;
}

interface Entry extends FileFindings, Stamp {
  content: string;
  settings: string;
  /** TS/JS with the route index: its facts as written (`encodeFacts`), and the route methods judged under. */
  routes?: StoredRoutes;
  /** `methodsKey` of the specs' drift facts the findings were judged under; absent for none. */
  drift?: string;
}

interface StoredRoutes extends Omit<FileRouteFacts, 'module'> {
  facts?: unknown;
  methods: string;
}

/** A TS/JS file's part in the route index, and the key of the route methods its findings were judged under. */
export interface CachedRoutes {
  facts: FileRouteFacts;
  /** `methodsKey` of the route methods the findings were judged under. */
  methods: string;
}

/** A cached answer: the findings, and for TS/JS checked with the route index, its part in the index. */
export type CachedFile = FileFindings & { routes?: CachedRoutes; drift?: string };

/**
 * The key of what the route index gives a file to be judged by (its handlers' route methods, its tests' requests'
 * answers): '' for nothing.
 */
export function methodsKey(project: { routeMethods?: readonly unknown[]; requestAnswers?: readonly unknown[] } | undefined): string {
  const routeMethods = project?.routeMethods ?? [];
  const requestAnswers = project?.requestAnswers ?? [];
  if (routeMethods.length === 0 && requestAnswers.length === 0) return '';
  return contentHash(JSON.stringify(requestAnswers.length > 0 ? [routeMethods, requestAnswers] : routeMethods));
}

/** The key of the specs' drift facts a file is judged under: '' for none. */
export function driftKey(drift: readonly unknown[] | undefined): string {
  return drift && drift.length > 0 ? contentHash(JSON.stringify(drift)) : '';
}

export type CacheNote = { why: 'unreadable' | 'damaged' | 'foreign' };

export class ResultsCache {
  private readonly tableKeys = new WeakMap<StatusTable, string>();
  private readonly seen = new Set<string>();
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly run: RunSettings,
    private readonly entries: Map<string, Entry>,
    /** False for a file that is not statusdoc's: it is left as it is. */
    private readonly writable: boolean,
  ) {}

  static open(file: string, run: RunSettings): { cache: ResultsCache; note?: CacheNote } {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return { cache: new ResultsCache(file, run, new Map(), true), ...(missing ? {} : { note: { why: 'unreadable' } }) };
    }
    if (text.trim() === '') return { cache: new ResultsCache(file, run, new Map(), true) };
    if (!text.startsWith(MARKER)) return { cache: new ResultsCache(file, run, new Map(), false), note: { why: 'foreign' } };
    const entries = readEntries(text, run.version);
    if (entries === 'stale') return { cache: new ResultsCache(file, run, new Map(), true) };
    if (entries === undefined) return { cache: new ResultsCache(file, run, new Map(), true), note: { why: 'damaged' } };
    return { cache: new ResultsCache(file, run, entries, true) };
  }

  /** Everything besides the file's text that its findings depend on, as one hash. */
  settingsKey(absolute: string, inForce: TableInForce): string {
    let table = this.tableKeys.get(inForce.table);
    if (table === undefined) {
      const { source, entries, successCodeByMethod } = inForce.table;
      table = contentHash(JSON.stringify([source, [...entries.entries()], [...successCodeByMethod.entries()]]));
      this.tableKeys.set(inForce.table, table);
    }
    const rules = Object.entries(inForce.rules).sort(([a], [b]) => a.localeCompare(b));
    const { lang, maxChars } = this.run;
    return contentHash(JSON.stringify([lang, maxChars, languageOfFile(absolute), table, rules]));
  }

  /**
   * The cached findings of a file, if its content and settings are those of the entry. The content is hashed only
   * when the file's size or modification time differ from the entry's (a fresh checkout in CI); then a matching
   * hash is a hit too, and the entry takes the new stamp.
   */
  get(absolute: string, stamp: Stamp, contentOf: () => string | undefined, settings: string): CachedFile | undefined {
    const key = this.keyOf(absolute);
    this.seen.add(key);
    const entry = this.entries.get(key);
    if (!entry || entry.settings !== settings) return undefined;
    if (entry.size !== stamp.size || entry.mtimeMs !== stamp.mtimeMs) {
      if (contentOf() !== entry.content) return undefined;
      this.entries.set(key, { ...entry, size: stamp.size, mtimeMs: stamp.mtimeMs });
      this.dirty = true;
    }
    const { findings, notChecked, caught, routes, drift } = entry;
    const found: CachedFile = { findings, ...(notChecked ? { notChecked } : {}), ...(caught ? { caught } : {}), ...(drift ? { drift } : {}) };
    if (!routes) return found;
    const { facts, methods, ...rest } = routes;
    const module = facts === undefined ? undefined : decodeFacts(facts);
    // Facts that do not read back as facts: a miss, so the file is parsed again.
    if (facts !== undefined && !module) return undefined;
    return { ...found, routes: { facts: { ...rest, ...(module ? { module } : {}) }, methods } };
  }

  set(absolute: string, stamp: Stamp | undefined, content: string, settings: string, found: FileFindings, routes?: CachedRoutes, drift = ''): void {
    const key = this.keyOf(absolute);
    this.seen.add(key);
    const { findings, notChecked, caught } = found;
    // Without a stamp from before the file was read, the next run hashes it.
    const { size, mtimeMs } = stamp ?? { size: -1, mtimeMs: -1 };
    const entry: Entry = { content, settings, size, mtimeMs, findings, ...(notChecked ? { notChecked } : {}), ...(caught ? { caught } : {}) };
    if (drift !== '') entry.drift = drift;
    if (routes) {
      const { module, ...rest } = routes.facts;
      entry.routes = { ...rest, ...(module ? { facts: encodeFacts(module) } : {}), methods: routes.methods };
    }
    this.entries.set(key, entry);
    this.dirty = true;
  }

  /**
   * Writes the cache if anything changed: this run's entries, and others' (another shard, another path given) while
   * their files exist. Written beside and renamed over, so a reader never sees half a file. A failure to write is
   * the caller's to mention: it never fails the run.
   */
  save(): string | undefined {
    if (!this.dirty || !this.writable) return undefined;
    const base = path.dirname(this.file);
    const files: Record<string, Entry> = {};
    for (const [key, entry] of [...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (this.seen.has(key) || fs.existsSync(path.join(base, key))) files[key] = entry;
    }
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(base, { recursive: true });
      fs.writeFileSync(temporary, `${MARKER}${LAYOUT},"version":${JSON.stringify(this.run.version)},"files":${JSON.stringify(files)}}\n`);
      fs.renameSync(temporary, this.file);
      return undefined;
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      return (error as Error).message;
    }
  }

  /** Paths relative to the cache file, with forward slashes: a cache restored into another checkout still applies. */
  private keyOf(absolute: string): string {
    return path.relative(path.dirname(this.file), absolute).split(path.sep).join('/');
  }
}

/** The entries of a cache file of ours; 'stale' for another layout or version; undefined when it is damaged. */
function readEntries(text: string, version: string): Map<string, Entry> | 'stale' | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { 'statusdoc-cache': layout, version: written, files } = parsed as Record<string, unknown>;
  if (layout !== LAYOUT) return typeof layout === 'number' ? 'stale' : undefined;
  if (typeof written !== 'string') return undefined;
  if (written !== version) return 'stale';
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return undefined;
  const entries = new Map<string, Entry>();
  for (const [key, value] of Object.entries(files)) {
    const entry = value as Partial<Entry> | null;
    // An entry of the wrong shape is left out (a miss), never handed to the formats.
    const stamped = entry && typeof entry.size === 'number' && typeof entry.mtimeMs === 'number';
    if (
      stamped &&
      typeof entry.content === 'string' &&
      typeof entry.settings === 'string' &&
      isFileFindings(entry) &&
      isStoredRoutes((value as Partial<Entry>).routes)
    )
      entries.set(key, entry as Entry);
  }
  return entries;
}

/** The routes part of an entry, its facts left to `decodeFacts` (read only on a hit). */
function isStoredRoutes(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { declares, methodsMatter, methods, leftOut, requests, answers } = value as Record<string, unknown>;
  return (
    typeof declares === 'boolean' &&
    typeof methodsMatter === 'boolean' &&
    typeof methods === 'string' &&
    (leftOut === undefined || typeof leftOut === 'string') &&
    (requests === undefined || (Array.isArray(requests) && requests.every(isRequest))) &&
    (answers === undefined || isAnswerFacts(answers))
  );
}

function isRequest(value: unknown): boolean {
  const { method, path } = (value ?? {}) as Record<string, unknown>;
  return typeof method === 'string' && typeof path === 'string';
}

function isAnswerFacts(value: unknown): boolean {
  const { read, answers, openEnds } = (value ?? {}) as Record<string, unknown>;
  const spans = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item?.start === 'number' && typeof item?.end === 'number');
  return typeof read === 'boolean' && spans(answers) && spans(openEnds);
}
