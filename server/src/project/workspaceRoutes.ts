/**
 * The route index of a workspace folder, kept current: built once from the files on disk (in slices, yielding
 * between them, so a server keeps answering while it builds), then updated one file at a time as files change on
 * disk or in the editor. It gives each file the methods routes elsewhere give its handlers (`scopesFor`), with the
 * place of the route as people read it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOfFile, LineIndex, mayDeclareRoutes, moduleFactsOf, ProjectIndex, type Endpoint, type ModuleFacts, type RouteMethodScope } from '../core';
import { collectFiles } from './files';
import { pathAliases, projectPath } from './routeIndex';

/** Files read per slice of the first build before yielding to other work. */
const SLICE = 25;

export class WorkspaceRoutes {
  private readonly index: ProjectIndex;
  private readonly lines = new Map<string, LineIndex>();
  /** Files whose facts came from an editor's text, by version: the disk does not overwrite them. */
  private readonly fromEditor = new Map<string, number>();
  /** Files left out (project paths), with why: they are named, never guessed at. */
  private readonly leftOutFiles = new Map<string, string>();
  private builtValue = false;

  constructor(
    readonly root: string,
    private readonly maxChars: number,
  ) {
    this.index = new ProjectIndex(pathAliases(root));
  }

  get built(): boolean {
    return this.builtValue;
  }

  get fileCount(): number {
    return this.index.fileCount;
  }

  /** The files that could not be read or were too large, with why. */
  get leftOut(): { file: string; reason: string }[] {
    return [...this.leftOutFiles].map(([file, reason]) => ({ file, reason }));
  }

  endpoints(): readonly Endpoint[] {
    return this.index.endpoints();
  }

  /** The 1-based line of an offset in a file of the index (read from disk if its lines were not kept). */
  lineOf(file: string, offset: number): number | undefined {
    return this.positionOf(file, offset)?.line;
  }

  /** The 1-based line and column (UTF-16) of an offset in a file of the index. */
  positionOf(file: string, offset: number): { line: number; column: number } | undefined {
    let lines = this.lines.get(file);
    if (!lines) {
      try {
        lines = new LineIndex(fs.readFileSync(path.join(this.root, ...file.split('/')), 'utf8'));
      } catch {
        return undefined;
      }
      this.lines.set(file, lines);
    }
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  }

  /**
   * Reads every TS/JS file of the folder (or of `only`: the CLI's files); `onProgress(done, total)` after each slice.
   * Stops early when cancelled.
   */
  async build(
    onProgress?: (done: number, total: number) => void,
    cancelled?: () => boolean,
    only?: readonly string[],
    maxFiles = Infinity,
  ): Promise<{ indexed: boolean; files: number }> {
    const files = only ?? collectFiles([this.root]).files;
    const scripts = files.filter((file) => languageOfFile(file) && languageOfFile(file) !== 'yaml');
    // Past the limit the folder is not indexed at all (its files are judged alone), rather than half indexed.
    if (scripts.length > maxFiles) return { indexed: false, files: scripts.length };
    for (let start = 0; start < scripts.length; start += SLICE) {
      if (cancelled?.()) return { indexed: false, files: scripts.length };
      for (const file of scripts.slice(start, start + SLICE)) this.readFromDisk(file);
      onProgress?.(Math.min(start + SLICE, scripts.length), scripts.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.builtValue = true;
    return { indexed: true, files: scripts.length };
  }

  /** A file changed (or appeared) on disk. Ignored while an editor holds a newer text of it. */
  fileChangedOnDisk(file: string): void {
    if (!this.contains(file) || this.fromEditor.has(projectPath(this.root, file))) return;
    this.readFromDisk(file);
  }

  fileDeleted(file: string): void {
    const relative = projectPath(this.root, file);
    this.index.removeFile(relative);
    this.lines.delete(relative);
    this.fromEditor.delete(relative);
  }

  /** An editor's text of a file, newer than the disk's. */
  editorText(file: string, text: string, version: number): void {
    if (!this.contains(file) || !isScript(file)) return;
    const relative = projectPath(this.root, file);
    if (this.fromEditor.get(relative) === version) return;
    this.fromEditor.set(relative, version);
    this.setText(file, relative, text);
  }

  /** An editor's version of a file, its facts already read (from the document's own parse). */
  editorFacts(file: string, version: number, facts: ModuleFacts, lines: LineIndex): void {
    if (!this.contains(file) || !isScript(file)) return;
    const relative = projectPath(this.root, file);
    if (this.fromEditor.get(relative) === version) return;
    this.fromEditor.set(relative, version);
    this.index.setFile(relative, facts);
    this.lines.set(relative, lines);
  }

  /** The editor closed the file: the disk's text is the truth again. */
  editorClosed(file: string): void {
    const relative = projectPath(this.root, file);
    if (!this.fromEditor.delete(relative)) return;
    if (fs.existsSync(file)) this.readFromDisk(file);
    else this.fileDeleted(file);
  }

  contains(file: string): boolean {
    const relative = path.relative(this.root, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
  }

  /** The handler a route registration at `offset` of `file` names: its file (absolute) and the offset of its name. */
  handlerAt(file: string, offset: number): { file: string; at: number } | undefined {
    if (!this.contains(file)) return undefined;
    const found = this.index.handlerAt(projectPath(this.root, file), offset);
    return found?.at !== undefined ? { file: path.join(this.root, ...found.file.split('/')), at: found.at } : undefined;
  }

  /** The methods routes in other files give the handlers of `file`, with where each route is registered. */
  scopesFor(file: string): RouteMethodScope[] {
    if (!this.contains(file)) return [];
    return this.index.handlerScopes(projectPath(this.root, file)).map((scope) => {
      const route = scope.routes.find((r) => r.file !== projectPath(this.root, file)) ?? scope.routes[0];
      const registeredAt = `${route.file}:${this.lineOf(route.file, route.at) ?? '?'}`;
      const endpoints = [...new Set(scope.routes.map((r) => `${r.method} ${r.path ?? '(path not literal)'}`))];
      return { name: scope.name, start: scope.start, end: scope.end, at: scope.at, method: scope.method, registeredAt, endpoints };
    });
  }

  private readFromDisk(file: string): void {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      this.fileDeleted(file); // gone or unreadable: its routes are not known, never guessed
      this.leftOutFiles.set(projectPath(this.root, file), (error as NodeJS.ErrnoException).code ?? (error as Error).message);
      return;
    }
    this.setText(file, projectPath(this.root, file), text);
  }

  private setText(file: string, relative: string, text: string): void {
    this.leftOutFiles.delete(relative);
    if (text.length > this.maxChars) {
      this.index.removeFile(relative);
      this.lines.delete(relative);
      this.leftOutFiles.set(relative, 'too large');
      return;
    }
    try {
      if (mayDeclareRoutes(text, relative)) {
        this.index.setFile(relative, moduleFactsOf(text, file));
        // Lines are needed where routes are registered (`registered at file:line`), and only there.
        this.lines.set(relative, new LineIndex(text));
      } else {
        // A module that declares no route is parsed only if a link goes through it, from the disk: its text is not
        // kept meanwhile (an editor's text of it is, by editorFacts).
        this.index.setFile(relative, () => moduleFactsOf(fs.readFileSync(file, 'utf8'), file));
        this.lines.delete(relative);
      }
    } catch (error) {
      this.index.removeFile(relative);
      this.lines.delete(relative);
      this.leftOutFiles.set(relative, `not read: ${(error as Error).message}`);
    }
  }
}

function isScript(file: string): boolean {
  const language = languageOfFile(file);
  return language !== undefined && language !== 'yaml';
}
