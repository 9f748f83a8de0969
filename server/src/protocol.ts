/** statusdoc's own LSP extensions, shared by the server and the VS Code client. Types and names only. */
import type { MatrixModel } from './core';

/** Request: which table is in force for a document. Params { uri }; result TableInfo. */
export const TABLE_INFO_REQUEST = 'statusdoc/tableInfo';
/** Notification from the server: the table, .statusdoc.json or settings changed; ask again. */
export const TABLE_CHANGED_NOTIFICATION = 'statusdoc/tableChanged';

export interface TableInfo {
  /** Workspace-relative path of the doc, or the default's name. */
  label: string;
  /** Absolute path of the doc; null for the bundled default. */
  path: string | null;
  /** What is wrong with the doc or .statusdoc.json (the last good table stays in force); null when all is well. */
  problem: string | null;
  /** The table as a Markdown pipe table, for clients that show the default table. */
  markdown: string;
}

/** What the client tells the server at initialize, beside the settings. */
export interface InitializationOptions {
  /** VS Code's workspace trust: an untrusted workspace reads no table doc from outside its folders. */
  trusted?: boolean;
  /** For clients without workspace/configuration: the `statusdoc` settings object. */
  settings?: unknown;
}

/**
 * Request: the endpoint status matrix of a workspace folder, once its route index is built. Params MatrixParams;
 * result MatrixResult, or null where the folder is not a file folder of the workspace.
 */
export const MATRIX_REQUEST = 'statusdoc/matrix';

export interface MatrixParams {
  /** A workspace folder, or a file in one; absent: the first folder. */
  uri?: string;
  /**
   * Also the page for a webview: the HTML renderer's page (the CLI's) with links that post
   * `{ command: 'open', file, line, column }`, its style and script under this nonce. The client stays thin.
   */
  html?: {
    nonce: string;
    /** A row to scroll to and mark when the page opens: its id as a spec operation's code lens gives it. */
    reveal?: string;
  };
}

export interface MatrixResult {
  /** The folder's URI: the model's places are paths relative to it, '/'-separated. */
  root: string;
  model: MatrixModel;
  /** Files that were not read, with why: the matrix is incomplete there. */
  leftOut: { file: string; reason: string }[];
  /** The page, when `html` was asked for. */
  html?: string;
}
