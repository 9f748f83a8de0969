/**
 * Makes `statusdoc.trace.server` work on its own. vscode-languageclient 11 traces LSP traffic only while its channel's
 * log level is Trace (set through "Developer: Set Log Level…"), and then reads `trace.server` for the verbosity, so the
 * setting alone logs nothing. This channel reports the Trace level whenever the setting asks for a trace, and writes the
 * traffic into the statusdoc output channel at a level that channel shows.
 */
import * as vscode from 'vscode';

const SETTING = 'statusdoc.trace.server';

function traceRequested(): boolean {
  const value = vscode.workspace.getConfiguration().get<unknown>(SETTING, 'off');
  return typeof value === 'string' ? value !== 'off' : value !== undefined && value !== null;
}

export function traceChannelFor(output: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const level = () => (traceRequested() ? vscode.LogLevel.Trace : output.logLevel);
  const listeners = [
    output.onDidChangeLogLevel(() => levelChanged.fire(level())),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTING)) levelChanged.fire(level());
    }),
  ];
  return {
    name: output.name,
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: levelChanged.event,
    // Traffic asked for by the setting is shown whatever the channel's own level: `info` is shown by default.
    trace: (message: string, ...args: unknown[]) =>
      output.logLevel === vscode.LogLevel.Trace ? output.trace(message, ...args) : output.info(message, ...args),
    debug: (message: string, ...args: unknown[]) => output.debug(message, ...args),
    info: (message: string, ...args: unknown[]) => output.info(message, ...args),
    warn: (message: string, ...args: unknown[]) => output.warn(message, ...args),
    error: (error: string | Error, ...args: unknown[]) => output.error(error, ...args),
    append: (value: string) => output.append(value),
    appendLine: (value: string) => output.appendLine(value),
    replace: (value: string) => output.replace(value),
    clear: () => output.clear(),
    show: (columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean) =>
      typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined
        ? output.show(columnOrPreserveFocus)
        : output.show(columnOrPreserveFocus, preserveFocus),
    hide: () => output.hide(),
    // The statusdoc channel itself belongs to the extension; only this wrapper's listeners are released here.
    dispose: () => {
      for (const listener of listeners) listener.dispose();
      levelChanged.dispose();
    },
  };
}
