/**
 * The statusdoc language server's entry point. Any LSP editor can start it: `node server/out/server.js --stdio`.
 * stdout carries only JSON-RPC: everything else goes to the client's log.
 */
import * as nodeModule from 'node:module';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';

// V8's code cache for this bundle and the TypeScript one where Node offers it (22.1 and later: recent VS Code).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const connection = createConnection(ProposedFeatures.all);

// A stray console.log from any dependency must not corrupt the JSON-RPC stream on stdout.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

startServer(connection);
