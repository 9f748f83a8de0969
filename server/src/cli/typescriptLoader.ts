/**
 * The TypeScript compiler as the CLI and the server load it (scripts/build.mjs resolves `typescript` here for both bundles):
 * server/out/typescript.js compiled from V8's code cache when there is one, which cuts loading the 9 MB compiler
 * severalfold, in the server, the CLI process and each of its worker threads. Still required lazily, on the first TS/JS file.
 *
 * The cache is one file per compiler content and Node version in the user's cache folder ($XDG_CACHE_HOME or
 * ~/.cache, then statusdoc/); STATUSDOC_CODE_CACHE=off turns it off. V8 rejects a cache that does not fit (then the
 * main thread writes it anew, at exit, so that it holds what this run compiled too); any failure to read or write it
 * only means loading the compiler the plain way.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

function cacheFolder(): string | undefined {
  if (process.env.STATUSDOC_CODE_CACHE === 'off') return undefined;
  try {
    const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    return path.join(base, 'statusdoc');
  } catch {
    return undefined; // no home folder to be found: no cache
  }
}

function writeCache(file: string, script: vm.Script): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, file);
  } catch {
    // A cache folder we may not write (another user's HOME): no cache, and no stack trace at exit either.
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there.
    }
  }
}

function loadTypeScript(): unknown {
  const compiler = path.join(__dirname, 'typescript.js');
  const bytes = fs.readFileSync(compiler);
  const folder = cacheFolder();
  // Named by the compiler's content: V8 itself only checks the source's length.
  const cache =
    folder && path.join(folder, `typescript-${createHash('sha1').update(bytes).digest('hex').slice(0, 20)}-${process.version}-${process.arch}.v8cache`);
  let cachedData: Buffer | undefined;
  try {
    if (cache) cachedData = fs.readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrap(bytes.toString('utf8')), { filename: compiler, cachedData });
  const module = { exports: {} as unknown };
  script.runInThisContext()(module.exports, createRequire(compiler), module, compiler, path.dirname(compiler));
  if (cache && isMainThread && (cachedData === undefined || script.cachedDataRejected)) process.once('exit', () => writeCache(cache, script));
  return module.exports;
}

/**
 * Every `import ts from 'typescript'` in the bundle copies this module's properties (esbuild's interop): as an ES
 * module with one default export that is two properties, not the compiler's thousands, at each of a dozen sites.
 */
export = { __esModule: true, default: loadTypeScript() };
