/**
 * The OpenAPI/Swagger specs of a workspace folder and which code each describes: the `apis` of `.statusdoc.json`
 * when it names them, else every spec among the folder's files (`openapi:`/`swagger:` at the top, YAML or JSON), each
 * describing all code. Kept current per file; linked to the route index's endpoints on demand (core `linkSpecs`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  languageOfFile,
  LineIndex,
  linkSpecs,
  readSpec,
  ResponseDrift,
  type DriftFact,
  type Endpoint,
  type SpecFacts,
  type SpecLinks,
  type SpecSource,
} from '../core';
import { findConfigFile, parseConfig, type ApiMapping } from './config';
import { projectPath } from './routeIndex';
import type { WorkspaceRoutes } from './workspaceRoutes';

interface Configured {
  /** Absolute path of the spec file. */
  readonly file: string;
  readonly prefix?: string;
  /** Project paths of the folders it describes. */
  readonly code?: readonly string[];
}

export class WorkspaceSpecs {
  /** Specs by project path, with their facts. */
  private readonly specs = new Map<string, SpecFacts>();
  /** The `apis` of `.statusdoc.json`, resolved; undefined: specs are discovered. */
  private configured: Configured[] | undefined;
  private linked: { endpoints: readonly Endpoint[]; links: SpecLinks } | undefined;
  /** Specs whose text came from an editor: the disk does not overwrite them until they are closed. */
  private readonly fromEditor = new Set<string>();
  private builtValue = false;
  /** Each spec's text and lines, for the `file:line` messages, hovers and navigation. */
  private readonly lineIndexes = new Map<string, LineIndex>();
  private readonly texts = new Map<string, string>();
  /** The drift per file under the links it was found with (the links change whenever a route or handler file does). */
  private driftMemo: { links: SpecLinks; responses: ResponseDrift; byFile: Map<string, DriftFact[]> } | undefined;

  constructor(
    readonly root: string,
    private readonly maxChars: number,
  ) {
    this.readConfig();
  }

  /** Reads `apis` from the folder's `.statusdoc.json` again (a bad one leaves specs discovered, its problem is the table resolver's to tell). */
  readConfig(): void {
    this.linked = undefined;
    const configFile = findConfigFile(this.root);
    let apis: ApiMapping[] | undefined;
    try {
      const read = configFile ? parseConfig(fs.readFileSync(configFile, 'utf8')) : undefined;
      apis = read?.ok ? read.config.apis : undefined;
    } catch {
      apis = undefined;
    }
    const base = configFile ? path.dirname(configFile) : this.root;
    this.configured = apis?.map((api) => ({
      file: path.resolve(base, api.spec),
      ...(api.prefix !== undefined ? { prefix: api.prefix } : {}),
      ...(api.code ? { code: api.code.map((folder) => projectPath(this.root, path.resolve(base, folder))) } : {}),
    }));
    if (this.configured) {
      for (const relative of [...this.specs.keys()]) if (!this.isConfigured(relative)) this.specs.delete(relative);
      for (const api of this.configured) this.readFromDisk(api.file);
    }
  }

  /** Reads the specs among `files` (absolute), or the configured ones. */
  build(files: readonly string[]): void {
    this.builtValue = true;
    if (this.configured) return; // read by readConfig
    for (const file of files) if (isSpecCandidate(file) && !this.fromEditor.has(projectPath(this.root, file))) this.readFromDisk(file);
  }

  /** Whether `build` has run (the editor reads the specs only once there are routes to compare them with). */
  get built(): boolean {
    return this.builtValue;
  }

  /** An editor's text of a spec, newer than the disk's. */
  editorText(file: string, text: string): void {
    if (!this.mayBeSpec(file)) return;
    this.fromEditor.add(projectPath(this.root, file));
    this.textChanged(file, text);
  }

  /** The editor closed a spec: the disk's text is the truth again. */
  editorClosed(file: string): void {
    if (this.fromEditor.delete(projectPath(this.root, file))) this.readFromDisk(file);
  }

  /** Whether a file (absolute) is one of the specs in force, or could become one when its text changes. */
  mayBeSpec(file: string): boolean {
    return this.configured ? this.isConfigured(projectPath(this.root, file)) : isSpecCandidate(file) && this.contains(file);
  }

  isSpec(file: string): boolean {
    return this.specs.has(projectPath(this.root, file));
  }

  /** A spec file's text (from the editor or the disk): read again. */
  textChanged(file: string, text: string): void {
    if (!this.mayBeSpec(file)) return;
    const relative = projectPath(this.root, file);
    const facts = text.length > this.maxChars ? undefined : readSpec(text, languageOfFile(file) === 'json' ? 'json' : 'yaml');
    if (facts) {
      this.specs.set(relative, facts);
      this.lineIndexes.set(relative, new LineIndex(text));
      this.texts.set(relative, text);
    } else {
      this.specs.delete(relative);
      this.lineIndexes.delete(relative);
      this.texts.delete(relative);
    }
    this.linked = undefined;
  }

  fileChangedOnDisk(file: string): void {
    if (this.mayBeSpec(file) && !this.fromEditor.has(projectPath(this.root, file))) this.readFromDisk(file);
  }

  fileDeleted(file: string): void {
    this.lineIndexes.delete(projectPath(this.root, file));
    this.texts.delete(projectPath(this.root, file));
    if (this.specs.delete(projectPath(this.root, file))) this.linked = undefined;
  }

  /** The specs in force, as the linker takes them. */
  sources(): SpecSource[] {
    return [...this.specs].map(([file, facts]) => {
      const api = this.configured?.find((candidate) => projectPath(this.root, candidate.file) === file);
      if (!api) return { file, facts, discovered: true };
      return { file, facts, ...(api.prefix !== undefined ? { prefix: api.prefix } : {}), ...(api.code ? { code: api.code } : {}) };
    });
  }

  /** The specs linked to the endpoints of the route index (the same endpoints array: the same links). */
  links(endpoints: readonly Endpoint[]): SpecLinks {
    if (this.linked?.endpoints !== endpoints) this.linked = { endpoints, links: linkSpecs(endpoints, this.sources()) };
    return this.linked.links;
  }

  /** The text a spec's facts were read from (project path). */
  textOf(relative: string): string | undefined {
    return this.texts.get(relative);
  }

  /** 1-based line of an offset in a spec (project path), from the text its facts were read from. */
  lineOf(relative: string, offset: number): number | undefined {
    const lines = this.lineIndexes.get(relative);
    return lines ? lines.lineOf(offset) + 1 : undefined;
  }

  /**
   * Everything the specs and routes say of a file (project path): the endpoint drift of the links, and the drift per
   * status code between operations and the answers of their handlers (read through `routes.answersOf`).
   */
  driftIn(routes: WorkspaceRoutes, relative: string): DriftFact[] {
    const links = this.links(routes.endpoints());
    if (this.driftMemo?.links !== links) {
      const responses = new ResponseDrift(links, {
        answersOf: (endpoint) => routes.answersOf(endpoint),
        lineOf: (file, offset) => (this.specs.has(file) ? this.lineOf(file, offset) : routes.lineOf(file, offset)),
      });
      this.driftMemo = { links, responses, byFile: new Map() };
    }
    let found = this.driftMemo.byFile.get(relative);
    if (!found) {
      const responses = this.driftMemo.responses.in(relative);
      const endpoints = links.driftIn(relative);
      found = responses.length === 0 ? [...endpoints] : [...endpoints, ...responses].sort((a, b) => a.start - b.start);
      this.driftMemo.byFile.set(relative, found);
    }
    return found;
  }

  contains(file: string): boolean {
    const relative = path.relative(this.root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
  }

  private isConfigured(relative: string): boolean {
    return this.configured?.some((api) => projectPath(this.root, api.file) === relative) ?? false;
  }

  private readFromDisk(file: string): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      this.fileDeleted(file); // gone or unreadable: what it says is not known
      return;
    }
    this.textChanged(file, text.startsWith('\uFEFF') ? text.slice(1) : text);
  }
}

function isSpecCandidate(file: string): boolean {
  const language = languageOfFile(file);
  return language === 'yaml' || language === 'json';
}
