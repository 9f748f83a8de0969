/**
 * The server's stdin and stdout as JSON-RPC, with what the library leaves out. A framing error (a corrupt
 * Content-Length) leaves the library's reader waiting for a header that never comes: the server would hang without
 * a word. Instead it is logged and the server exits, so the client restarts it with a clean stream.
 */
import { StreamMessageReader, StreamMessageWriter, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

export class StdinReader extends StreamMessageReader {
  readonly writer = new StreamMessageWriter(process.stdout);
  private shutdownRequested = false;
  private brokenListeners: ((message: string) => void)[] = [];

  constructor() {
    super(process.stdin);
    // What the library does itself when handed a stream rather than a reader: the client is gone, so is the server.
    for (const event of ['end', 'close'] as const) process.stdin.on(event, () => process.exit(this.shutdownRequested ? 0 : 1));
    this.onError((error) => this.broken(error));
  }

  /** Called with a line for the client's log before the server exits on a broken stream. */
  onBroken(listener: (message: string) => void): void {
    this.brokenListeners.push(listener);
  }

  override listen(callback: DataCallback): Disposable {
    return super.listen((message: Message) => {
      if ((message as { method?: string }).method === 'shutdown') this.shutdownRequested = true;
      callback(message);
    });
  }

  private broken(error: Error): void {
    const message = `statusdoc: the message stream from the client is corrupt (${error.message}); the server exits so that the client can restart it.`;
    process.stderr.write(`${message}\n`);
    for (const listener of this.brokenListeners) listener(message);
    // Let the log line reach the client, then go: nothing after a broken frame can be trusted.
    setTimeout(() => process.exit(1), 100);
  }
}
