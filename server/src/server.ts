/**
 * The statusdoc language server's entry point. Any LSP editor can start it: `node server/out/server.js --stdio`.
 * stdout carries only JSON-RPC: everything else goes to the client's log.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';

const connection = createConnection(ProposedFeatures.all);

// A stray console.log from any dependency must not corrupt the JSON-RPC stream on stdout.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));

startServer(connection);
