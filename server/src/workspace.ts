/** Maps documents to their workspace folder and the documented table in force there; reports broken tables once. */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { caughtText, problemKey, type Problem } from './core';
import type { TableInForce } from './project/tables';
import { TableResolver } from './project/tables';
import { isInsideReally } from './project/realPath';
import type { Settings } from './settings';

export class Workspace {
  private folders: string[] = [];
  private readonly resolver = new TableResolver();
  /** The key of the problem last reported per (config, table) pair, so each is shown once until it is fixed. */
  private readonly reported = new Map<string, string>();
  private readonly seenFiles = new Set<string>();

  /**
   * @param report a new problem with a table doc or .statusdoc.json, to show once
   * @param watch a table doc or .statusdoc.json met for the first time, for the client to watch
   */
  constructor(
    private readonly report: (problem: Problem) => void,
    private readonly watch: (file: string) => void = () => undefined,
    /** False in an untrusted workspace (VS Code's workspace trust): no table doc is read outside its folders. */
    private readonly trusted = true,
    /** What a loader caught while reading a table doc or .statusdoc.json (a statusdoc bug): logged once per read. */
    private readonly caught: (text: string) => void = () => undefined,
  ) {}

  private readonly loggedCaught = new WeakSet<unknown[]>();

  setFolders(uris: string[]): void {
    // Longest first, so a nested folder wins over its parent.
    this.folders = uris.map((uri) => URI.parse(uri).fsPath).sort((a, b) => b.length - a.length);
  }

  changeFolders(added: string[], removed: string[]): void {
    const gone = new Set(removed.map((uri) => URI.parse(uri).fsPath));
    const kept = this.folders.filter((folder) => !gone.has(folder)).map((folder) => URI.file(folder).toString());
    this.setFolders([...kept, ...added]);
  }

  /** The outermost workspace folder, for documents that are not files. */
  defaultFolder(): string | undefined {
    return this.folders[this.folders.length - 1];
  }

  folderOf(file: string): string | undefined {
    return this.folders.find((folder) => file === folder || file.startsWith(folder + path.sep));
  }

  /** The file path of a document URI, if it is a file. */
  fileOf(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  }

  /** Whether the server may write a file there: anywhere when trusted, inside the workspace otherwise. */
  mayWrite(file: string): boolean {
    return this.trusted || this.isInside(file);
  }

  /** On real paths: a link inside the workspace to a file or folder outside it counts as outside (for reads too). */
  private isInside(file: string): boolean {
    return this.folders.some((folder) => isInsideReally(file, folder));
  }

  /** The folder a document's relative names are resolved from: its own folder, else the workspace's. */
  dirOf(uri: string): string {
    const file = this.fileOf(uri);
    return file ? path.dirname(file) : (this.defaultFolder() ?? process.cwd());
  }

  /** The table in force for a document; a new problem with it is reported once. */
  tableFor(uri: string, settings: Settings): TableInForce & { label: string } {
    return this.tableForFolder(this.dirOf(uri), settings);
  }

  /** The table in force for the files of a folder; a new problem with it is reported once. */
  tableForFolder(dir: string, settings: Settings): TableInForce & { label: string } {
    const folder = this.folderOf(dir) ?? this.defaultFolder();
    const mayRead = this.trusted ? undefined : (file: string) => this.isInside(file);
    // .statusdoc.json is looked for upwards like the CLI does (a monorepo's root config counts in a package folder);
    // an untrusted workspace looks no further than its own folder.
    const stopAt = this.trusted ? undefined : folder;
    const inForce = this.resolver.resolve({ dir, explicit: settings.table || undefined, base: folder ?? dir, stopAt, mayRead });
    const reportedKey = `${inForce.configFile ?? ''}|${inForce.path ?? ''}`;
    if (inForce.problem && this.reported.get(reportedKey) !== problemKey(inForce.problem)) {
      this.reported.set(reportedKey, problemKey(inForce.problem));
      this.report(inForce.problem);
    } else if (!inForce.problem) {
      // Fixed: a later breakage deserves a new message.
      this.reported.delete(reportedKey);
    }
    if (inForce.caught && !this.loggedCaught.has(inForce.caught)) {
      this.loggedCaught.add(inForce.caught);
      this.caught(inForce.caught.map(caughtText).join('\n'));
    }
    for (const file of [inForce.path, inForce.configFile]) {
      if (file && !this.seenFiles.has(file)) {
        this.seenFiles.add(file);
        this.watch(file);
      }
    }
    const label = inForce.path ? (folder ? path.relative(folder, inForce.path) : inForce.path) : 'statusdoc default table (状态码)';
    return { ...inForce, label };
  }

  /** A watched file changed: re-read it on next use. */
  fileChanged(uri: string): void {
    this.resolver.invalidate(URI.parse(uri).fsPath);
  }
}
