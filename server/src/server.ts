/**
 * The statusdoc language server's entry point. Any LSP editor can start it: `node server/out/server.js --stdio`.
 * stdout carries only JSON-RPC: everything else goes to the client's log.
 */
import * as nodeModule from 'node:module';
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';
import { StdinReader } from './stdio';

// V8's code cache for this bundle and the TypeScript one where Node offers it (22.1 and later: recent VS Code).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const reader = new StdinReader();
const connection = createConnection(ProposedFeatures.all, reader, reader.writer);

// A stray console.log (or dir, table, debug…) from any dependency must not corrupt the JSON-RPC stream on stdout. The
// library does this itself only when it opens stdio from --stdio; it is handed a reader here (see stdio.ts).
const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
console.log = (...args: unknown[]) => connection.console.log(text(args));
console.info = console.debug = console.dir = console.table = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(text(args));
console.error = console.trace = (...args: unknown[]) => connection.console.error(text(args));
console.assert = (condition?: boolean, ...args: unknown[]) => {
  if (!condition) connection.console.error(`Assertion failed: ${text(args)}`);
};

reader.onBroken((message) => connection.console.error(message));

startServer(connection);
