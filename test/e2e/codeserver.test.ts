/**
 * statusdoc in a real editor: the packaged statusdoc.vsix installed into code-server (the browser build of VS Code),
 * driven through Debian's chromium by playwright-core. What a person does, what a person sees: hover over a 503,
 * read the Problems panel, apply the quick-fix, save, and find the fix on disk.
 *
 * Needs `bash test/e2e/setup-code-server.sh` (code-server, playwright-core, chromium) and a built statusdoc.vsix
 * (`npm run package`); `npm run test:e2e` does both first. Every wait is on what the page shows, never a fixed sleep.
 * Artifacts: test-results/hover.png (also docs/hover.png with STATUSDOC_UPDATE_SCREENSHOT=1), problems.png,
 * quickfix.png, matrix.png (also images/matrix.png with STATUSDOC_UPDATE_SCREENSHOT=1); on a failure, failure-*.png and code-server's logs in test-results/e2e-logs/.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const CACHE = process.env.STATUSDOC_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'statusdoc-e2e');
const CODE_SERVER = path.join(CACHE, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.STATUSDOC_CHROMIUM ?? '/usr/bin/chromium';
const VSIX = process.env.STATUSDOC_VSIX ?? path.join(ROOT, 'statusdoc.vsix');
const RESULTS = path.join(ROOT, 'test-results');
const SETUP_HINT = 'run `bash test/e2e/setup-code-server.sh` first (`npm run test:e2e` does)';

const ORDERS = 'express/orders.ts';
const LINE_20 = 'res.status(200).json(order); // the table says POST answers 201';
const LINE_20_FIXED = 'res.status(201).json(order); // the table says POST answers 201';
// On screen a line may carry inlay hints (`res.status(200 OK)`), so lines are found by a part that has none and
// status codes by their own token.
const LINE_20_ON_SCREEN = '.json(order); // the table says POST answers 201';
const LINE_22_ON_SCREEN = ".json({ error: 'order store unavailable' });";
const WRONG_SUCCESS = 'POST answers 201 Created in the documented table, not 200 OK.';
const QUICK_FIX = 'Change to 201 (documented for POST)';
const MEANING_ZH = '请求未完成，系统暂时异常。';
const MEANING_EN = 'The request was not completed: the system is temporarily abnormal.';

/** Generous: code-server on 2 busy cores starts the TypeScript server and ours side by side. */
const UI_TIMEOUT = 60_000;

// ---- the few playwright-core types used here (the package lives in the e2e cache, not in package.json) ----------
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface TextFilter {
  hasText?: string | RegExp;
}
interface Locator {
  locator(selector: string, options?: TextFilter): Locator;
  filter(options: TextFilter): Locator;
  first(): Locator;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  hover(options?: { timeout?: number; force?: boolean }): Promise<void>;
  click(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string): Promise<void>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  boundingBox(): Promise<Box | null>;
  count(): Promise<number>;
  getAttribute(name: string): Promise<string | null>;
}
interface FrameLocator {
  locator(selector: string, options?: TextFilter): Locator;
  frameLocator(selector: string): FrameLocator;
}
interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string, options?: TextFilter): Locator;
  frameLocator(selector: string): FrameLocator;
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  mouse: { move(x: number, y: number): Promise<void> };
  screenshot(options: { path: string; clip?: Box; scale?: 'css' | 'device' }): Promise<unknown>;
  /** `expression` is a string: tsx's compiled functions carry helpers that do not exist in the page. */
  waitForFunction(expression: string, arg?: unknown, options?: { timeout?: number; polling?: number }): Promise<unknown>;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  viewportSize(): { width: number; height: number } | null;
}
interface Browser {
  newContext(options: { viewport: { width: number; height: number }; deviceScaleFactor?: number; locale?: string }): Promise<{ newPage(): Promise<Page> }>;
  close(): Promise<void>;
}
interface Chromium {
  launch(options: { executablePath: string; args: string[]; timeout?: number }): Promise<Browser>;
}

// ---- progress and artifacts --------------------------------------------------------------------------------------
const started = Date.now();
function log(message: string): void {
  console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `probe` returns a value (not undefined), polling; for state outside the page (files, processes). */
async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await sleep(200);
  }
}

/** Tries a start-up step (never an assertion) up to `tries` times. */
async function withRetries<T>(what: string, tries: number, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= tries) throw error;
      log(`${what} failed (try ${n} of ${tries}), retrying: ${(error as Error).message.split('\n')[0]}`);
      await sleep(2_000 * n);
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.setTimeout(5_000, () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

/** code-server's environment: ours, less what would make it talk to another VS Code (a terminal's IPC hook). */
function codeServerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return env;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'window.restoreWindows': 'none',
  // The setting alone must trace LSP traffic into the statusdoc channel (no log-level change).
  'statusdoc.trace.server': 'messages',
};

interface Session {
  dir: string;
  workspace: string;
  userData: string;
  serverLog: string;
  server?: ChildProcess;
  browser?: Browser;
  page?: Page;
  pageErrors: string[];
}

function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null || server.pid === undefined) return Promise.resolve();
  const pid = server.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => signalGroup(pid, 'SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(kill);
      // The extension host and the language servers are in the same process group: end the stragglers.
      signalGroup(pid, 'SIGKILL');
      resolve();
    });
    signalGroup(pid, 'SIGTERM');
  });
}

/** Signals the process group that code-server leads (it was started detached, so the group is ours alone). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

async function startCodeServer(session: Session): Promise<string> {
  return withRetries('starting code-server', 3, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const args = [
      '--config',
      path.join(session.dir, 'config.yaml'),
      '--user-data-dir',
      session.userData,
      '--extensions-dir',
      path.join(session.dir, 'extensions'),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      session.workspace,
    ];
    const out = fs.openSync(session.serverLog, 'a');
    const server = spawn(CODE_SERVER, args, { env: codeServerEnv(), stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    session.server = server;
    let exited: string | undefined;
    server.once('exit', (code, signal) => {
      exited = `code-server exited (${signal ?? code}) before it listened`;
    });
    try {
      await until(`code-server to answer on ${url}`, 60_000, async () => {
        if (exited) throw new Error(`${exited}; its output:\n${tail(session.serverLog, 20)}`);
        return (await httpStatus(`${url}/healthz`)) === 200 ? true : undefined;
      });
    } catch (error) {
      await stopServer(server);
      throw error;
    }
    log(`code-server ${url} (pid ${server.pid}) is up`);
    return url;
  });
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

function findFiles(dir: string, name: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => name.test(path.basename(file)))
    .map((file) => path.join(dir, file));
}

/** The most recently changed file that goes into statusdoc.vsix: its sources and its manifest. */
function newestSource(): { file: string; mtimeMs: number } {
  const files = [path.join(ROOT, 'package.json')];
  for (const dir of ['client/src', 'server/src']) {
    for (const file of findFiles(path.join(ROOT, dir), /\.ts$/)) files.push(file);
  }
  return files.map((file) => ({ file, mtimeMs: fs.statSync(file).mtimeMs })).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
}

/** On a failure: a screenshot, code-server's logs into test-results/e2e-logs, and the tails that tell the most. */
async function saveFailure(session: Session, step: string): Promise<string> {
  const slug = step.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  const notes: string[] = [];
  if (session.page) {
    const shot = path.join(RESULTS, `failure-${slug}.png`);
    await session.page.screenshot({ path: shot }).then(
      () => notes.push(`screenshot: ${shot}`),
      () => undefined,
    );
  }
  const logs = path.join(RESULTS, 'e2e-logs');
  fs.rmSync(logs, { recursive: true, force: true });
  fs.mkdirSync(logs, { recursive: true });
  if (fs.existsSync(session.serverLog)) fs.copyFileSync(session.serverLog, path.join(logs, 'code-server.out.log'));
  const logRoot = path.join(session.userData, 'logs');
  if (fs.existsSync(logRoot)) fs.cpSync(logRoot, path.join(logs, 'user-data-logs'), { recursive: true });
  notes.push(`logs: ${logs}`);
  for (const file of [...findFiles(logRoot, /^remoteexthost\.log$/), ...findFiles(logRoot, /^statusdoc\.log$/)]) {
    notes.push(`--- ${path.relative(session.userData, file)} ---\n${tail(file, 15)}`);
  }
  if (session.pageErrors.length > 0) notes.push(`--- page errors ---\n${session.pageErrors.slice(-10).join('\n')}`);
  return notes.join('\n');
}

describe('statusdoc in code-server (VS Code in the browser)', () => {
  const session: Session = {
    dir: '',
    workspace: '',
    userData: '',
    serverLog: '',
    pageErrors: [],
  };
  let failed = false;
  let original = '';

  /** Runs one step of a test; a failure brings the screenshot and the logs along in its message. */
  async function step<T>(name: string, body: () => Promise<T>): Promise<T> {
    log(name);
    try {
      return await body();
    } catch (error) {
      failed = true;
      const notes = await saveFailure(session, name).catch((saveError) => `(could not save the failure: ${saveError})`);
      const message = error instanceof Error ? error.message : String(error);
      throw Object.assign(new Error(`${name}: ${message}\n${notes}`), { cause: error });
    }
  }

  before(async () => {
    // What the test needs, each with what to do when it is missing.
    assert.ok(fs.existsSync(path.join(CACHE, '.ready')) && fs.existsSync(CODE_SERVER), `code-server is not set up in ${CACHE}: ${SETUP_HINT}`);
    assert.ok(fs.existsSync(CHROMIUM), `no chromium at ${CHROMIUM}: ${SETUP_HINT} (it installs Debian's chromium)`);
    assert.ok(fs.existsSync(VSIX), `no ${path.relative(ROOT, VSIX)}: run \`npm run package\` first (\`npm run test:e2e\` does)`);
    if (!process.env.STATUSDOC_VSIX) {
      const newest = newestSource();
      assert.ok(
        fs.statSync(VSIX).mtimeMs >= newest.mtimeMs,
        `statusdoc.vsix is older than ${path.relative(ROOT, newest.file)}: run \`npm run package\` first (\`npm run test:e2e\` does)`,
      );
    }
    const requireFromCache = createRequire(path.join(CACHE, 'package.json'));
    const { chromium } = requireFromCache('playwright-core') as { chromium: Chromium };
    log(`vsix ${VSIX} built ${fs.statSync(VSIX).mtime.toISOString()}; code-server and playwright-core from ${CACHE}`);

    fs.mkdirSync(RESULTS, { recursive: true });
    // A failure's artifacts from an earlier run would only mislead.
    fs.rmSync(path.join(RESULTS, 'e2e-logs'), { recursive: true, force: true });
    for (const file of fs.readdirSync(RESULTS)) if (/^failure-.*\.png$/.test(file)) fs.rmSync(path.join(RESULTS, file));
    session.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-e2e-'));
    session.workspace = path.join(session.dir, 'workspace');
    session.userData = path.join(session.dir, 'user-data');
    session.serverLog = path.join(session.dir, 'code-server.out.log');
    fs.cpSync(path.join(ROOT, 'examples'), session.workspace, { recursive: true });
    original = fs.readFileSync(path.join(session.workspace, ORDERS), 'utf8');
    assert.ok(original.includes(LINE_20), `examples/${ORDERS} no longer has the line this test fixes: ${LINE_20}`);
    fs.mkdirSync(path.join(session.userData, 'User'), { recursive: true });
    fs.writeFileSync(path.join(session.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
    fs.writeFileSync(path.join(session.dir, 'config.yaml'), 'auth: none\n');
    log(`workspace ${session.workspace}`);

    await step('install statusdoc.vsix into a fresh extensions folder', async () => {
      const install = spawnSync(
        CODE_SERVER,
        [
          '--config',
          path.join(session.dir, 'config.yaml'),
          '--user-data-dir',
          session.userData,
          '--extensions-dir',
          path.join(session.dir, 'extensions'),
          '--install-extension',
          VSIX,
          '--force',
        ],
        { env: codeServerEnv(), encoding: 'utf8', timeout: 120_000 },
      );
      const output = `${install.stdout}${install.stderr}`;
      assert.equal(install.status, 0, `code-server --install-extension failed: ${install.error ?? ''}\n${output}`);
      assert.match(output, /successfully installed/, output);
    });

    const url = await step('start code-server on 127.0.0.1', () => startCodeServer(session));

    await step('launch chromium', async () => {
      session.browser = await withRetries('launching chromium', 3, () =>
        chromium.launch({
          executablePath: CHROMIUM,
          timeout: 60_000,
          // playwright adds --headless and a fresh --user-data-dir of its own.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--lang=en-US',
          ],
        }),
      );
      const context = await session.browser.newContext({
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 2,
        locale: 'en-US',
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => session.pageErrors.push(error.message));
      session.page = page;
    });

    await step('open the workspace in code-server', async () => {
      const page = session.page!;
      await withRetries('loading the workbench', 2, async () => {
        await page.goto(`${url}/?folder=${encodeURIComponent(session.workspace)}`, { timeout: UI_TIMEOUT });
        await page.locator('.monaco-workbench').waitFor({ timeout: UI_TIMEOUT });
      });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'express' }).first().waitFor({ timeout: UI_TIMEOUT });
    });

    await step(`open ${ORDERS} with Quick Open`, async () => {
      const page = session.page!;
      // F1 opens the command palette with '>'; replacing the text with a file name turns it into Quick Open.
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: UI_TIMEOUT });
      await input.fill(ORDERS);
      const pick = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'orders.ts' }).filter({ hasText: 'express' }).first();
      await pick.waitFor({ timeout: UI_TIMEOUT });
      await pick.click();
      await page.locator('.tabs-container .tab.active', { hasText: 'orders.ts' }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.monaco-editor .view-line', { hasText: LINE_22_ON_SCREEN }).waitFor({ timeout: UI_TIMEOUT });
    });

    await step('wait for statusdoc to squiggle the 200 on line 20 (its server is up and has checked the file)', async () => {
      await session.page!.waitForFunction(SQUIGGLE_UNDER_LINE_20_200, undefined, { timeout: 120_000, polling: 250 });
    });
  });

  after(async () => {
    await session.browser?.close().catch(() => undefined);
    await stopServer(session.server);
    if (!session.dir) return;
    if (failed || process.env.STATUSDOC_E2E_KEEP === '1') {
      log(`kept ${session.dir} (code-server's user data, workspace and output)`);
    } else {
      fs.rmSync(session.dir, { recursive: true, force: true });
    }
  });

  test('hover over 503 shows the documented meaning', { timeout: 180_000 }, async () => {
    const page = session.page!;
    const line = page.locator('.monaco-editor .view-line').filter({ hasText: LINE_22_ON_SCREEN }).first();
    const token = line.locator('span > span').filter({ hasText: /^503$/ }).first();
    const hover = page.locator('.monaco-hover').filter({ hasText: '503' }).first();

    const text = await step('hover over the 503 in res.status(503)', async () => {
      await token.waitFor({ timeout: UI_TIMEOUT });
      // The gesture is repeated (mouse away, mouse back) until the hover shows: a person wiggles the mouse too.
      // What the hover says is asserted once, below.
      await until('the hover widget over 503', UI_TIMEOUT, async () => {
        const box = await page.locator('.monaco-editor .view-lines').first().boundingBox();
        if (box) await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20);
        await token.hover();
        return hover.waitFor({ timeout: 10_000 }).then(
          () => true,
          () => undefined,
        );
      });
      return hover.innerText();
    });
    log(`hover says: ${JSON.stringify(text)}`);
    assert.match(text, /503 Service Unavailable/);
    assert.ok(
      text.includes(MEANING_ZH) || text.includes(MEANING_EN),
      `the hover should give the documented meaning ("${MEANING_ZH}" / "${MEANING_EN}"), it says:\n${text}`,
    );

    await step('screenshot the hover', async () => {
      const shot = path.join(RESULTS, 'hover.png');
      // From the editor's left edge (line numbers) to past the hover and the code, the hover and line 22 inside.
      const editor = line.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " monaco-editor ")][1]');
      const [hoverBox, codeBox, editorBox] = [await hover.boundingBox(), await line.locator('span').first().boundingBox(), await editor.boundingBox()];
      assert.ok(hoverBox && codeBox && editorBox, 'the hover, line 22 or the editor has no box on the page');
      await page.screenshot({ path: shot, clip: around(page, [hoverBox, codeBox], editorBox.x) });
      log(`screenshot ${path.relative(ROOT, shot)}`);
      if (process.env.STATUSDOC_UPDATE_SCREENSHOT === '1') {
        fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
        fs.copyFileSync(shot, path.join(ROOT, 'docs', 'hover.png'));
        log('copied to docs/hover.png (STATUSDOC_UPDATE_SCREENSHOT=1)');
      }
      await page.keyboard.press('Escape');
      await hover.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    });
  });

  test('the Problems panel lists wrong-success-code for orders.ts', { timeout: 180_000 }, async () => {
    const page = session.page!;
    const marker = page.locator('.markers-panel .monaco-list-row').filter({ hasText: WRONG_SUCCESS }).first();
    const rows = await step('open the Problems panel (Ctrl+Shift+M)', async () => {
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').first().waitFor({ timeout: UI_TIMEOUT });
      await marker.waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: path.join(RESULTS, 'problems.png') });
      return page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    });
    const flat = rows.map((row) => row.replace(/\s+/g, ' ').trim());
    for (const row of flat) log(`problems: ${row}`);
    const fileRow = flat.findIndex((row) => row.startsWith('orders.ts') && row.includes('express'));
    const markerRow = flat.findIndex((row) => row.includes(WRONG_SUCCESS));
    assert.ok(fileRow >= 0, `the Problems panel should list express/orders.ts; it shows:\n${flat.join('\n')}`);
    assert.ok(markerRow > fileRow, `"${WRONG_SUCCESS}" should be listed under orders.ts:\n${flat.join('\n')}`);
    const nextFile = flat.findIndex((row, i) => i > fileRow && !/\[Ln \d+, Col \d+\]/.test(row));
    assert.ok(nextFile < 0 || markerRow < nextFile, `"${WRONG_SUCCESS}" is listed under another file:\n${flat.join('\n')}`);
    assert.match(flat[markerRow], /statusdoc/);
    assert.match(flat[markerRow], /wrong-success-code/);
    assert.match(flat[markerRow], /\[Ln 20, Col 16\]/);
  });

  test('the quick-fix changes 200 to 201 and the saved file has it', { timeout: 180_000 }, async () => {
    const page = session.page!;
    const file = path.join(session.workspace, ORDERS);
    await step('put the cursor on the 200 of line 20 (Go to Line :20:16)', async () => {
      await focusEditor(page);
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: UI_TIMEOUT });
      await input.fill(':20:16');
      await input.press('Enter');
      await page.locator('.statusbar-item', { hasText: 'Ln 20, Col 16' }).first().waitFor({ timeout: UI_TIMEOUT });
    });

    await step('wait for the lightbulb on line 20 (code actions computed at the cursor)', async () => {
      await page.waitForFunction(LIGHTBULB_ON_LINE_20, undefined, { timeout: UI_TIMEOUT, polling: 250 });
    });

    const menu = await step('open the quick-fix menu (Ctrl+.)', async () => {
      const widget = page.locator('.action-widget').first();
      const fix = widget.locator('.monaco-list-row', { hasText: QUICK_FIX }).first();
      // VS Code drops a request for code actions when an extension registers a provider meanwhile (the TypeScript
      // extension does as its server comes up) and says "No code actions available": press again, as a person would.
      // Which actions the menu offers is asserted once it is open.
      await until('the quick-fix menu', UI_TIMEOUT * 2, async () => {
        await page.keyboard.press('Control+.');
        const shown = await fix.waitFor({ timeout: 15_000 }).then(
          () => true,
          () => undefined,
        );
        if (!shown) {
          const message = await page.locator('.monaco-editor-overlaymessage').allInnerTexts();
          log(`no quick-fix menu yet (${JSON.stringify(message.join(' ').trim())}), pressing Ctrl+. again`);
          await page.keyboard.press('Escape');
        }
        return shown;
      });
      await page.screenshot({ path: path.join(RESULTS, 'quickfix.png') });
      return widget.allInnerTexts();
    });
    log(`quick-fix menu: ${JSON.stringify(menu.join('\n').split('\n').filter(Boolean))}`);

    await step(`pick "${QUICK_FIX}" and save (Ctrl+S)`, async () => {
      const fix = page.locator('.action-widget .monaco-list-row', { hasText: QUICK_FIX }).first();
      // The menu lays an invisible pointer block over the page until the mouse moves: move first, as a hand does.
      const box = await fix.boundingBox();
      assert.ok(box, 'the quick-fix row has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.locator('.context-view-pointerBlock').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await fix.click();
      await page
        .locator('.monaco-editor .view-line')
        .filter({ hasText: LINE_20_ON_SCREEN })
        .locator('span > span')
        .filter({ hasText: /^201$/ })
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.tabs-container .tab.active.dirty', { hasText: 'orders.ts' }).waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await until(`${ORDERS} on disk to change`, UI_TIMEOUT, () => (fs.readFileSync(file, 'utf8') !== original ? true : undefined));
    });

    const saved = fs.readFileSync(file, 'utf8');
    assert.ok(saved.includes(LINE_20_FIXED), `the saved file should have "${LINE_20_FIXED}"`);
    assert.equal(saved, original.replace(LINE_20, LINE_20_FIXED), 'the quick-fix should change that 200 and nothing else');
    log(`saved ${ORDERS}: line 20 is now "${saved.split('\n')[19].trim()}"`);

    await step('the squiggle and the problem go away', async () => {
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: WRONG_SUCCESS }).first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    });
  });

  test('Show Output: the LSP trace is there, and the status bar stays while the Output panel has focus', { timeout: 180_000 }, async () => {
    const page = session.page!;
    await step('run "statusdoc: Show Output" from the command palette', () => runCommand(page, 'statusdoc: Show Output'));
    await step('the statusdoc channel shows the traced LSP traffic', async () => {
      const traced = page.locator('.part.panel .view-line', { hasText: /(Sending|Received)\s(request|response|notification)/ }).first();
      await traced.waitFor({ timeout: UI_TIMEOUT });
      log(`output: "${(await traced.innerText()).trim().slice(0, 120)}"`);
    });
    await step('the table item is still in the status bar (orders.ts is still visible)', async () => {
      await page.locator('.statusbar-item').filter({ hasText: 'statusdoc default table' }).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    });
  });

  test('Open Status-Code Table shows the bundled table read-only, and it closes without asking to be saved', { timeout: 180_000 }, async () => {
    const page = session.page!;
    const tab = page.locator('.tabs-container .tab', { hasText: 'statusdoc default table' }).first();
    await step('click the editor, then run "statusdoc: Open Status-Code Table"', async () => {
      await focusEditor(page);
      await runCommand(page, 'statusdoc: Open Status-Code Table');
      await tab.waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.monaco-editor .view-line', { hasText: 'Created' }).first().waitFor({ timeout: UI_TIMEOUT });
    });
    await step('typing into it is refused and leaves it clean', async () => {
      await page.locator('.monaco-editor .view-line', { hasText: 'Created' }).first().click();
      await page.keyboard.type('x');
      await page
        .locator('.monaco-editor-overlaymessage', { hasText: /read-only/i })
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'no tab may be dirty');
    });
    await step('Ctrl+W closes it with no save dialog', async () => {
      await page.keyboard.press('Control+W');
      await tab.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'closing the table must not ask to save it');
    });
  });

  test('the code lenses of a handler and of a spec operation, and the endpoint status matrix in a webview', { timeout: 300_000 }, async () => {
    const page = session.page!;
    await step('open express-app/src/controllers/user.controller.js: its handler lens names the endpoint and its answers', async () => {
      await quickOpen(page, 'express-app/src/controllers/user.controller.js', 'user.controller.js');
      const lens = page.locator('.codelens-decoration', { hasText: 'POST /v1/users · answers' }).first();
      await lens.waitFor({ timeout: UI_TIMEOUT });
      log(`handler lens: "${(await lens.innerText()).trim()}"`);
    });
    const specLens = page.locator('.codelens-decoration', { hasText: /^spec 201 400 · code / }).first();
    await step('open express-app/docs/openapi.yaml: a lens above the POST operation', async () => {
      // The Output panel (an earlier test's) away: the GET of /users, below the spec's opening comment, is on screen.
      await runCommand(page, 'View: Hide Panel');
      await quickOpen(page, 'express-app/docs/openapi.yaml', 'openapi.yaml');
      await specLens.waitFor({ timeout: UI_TIMEOUT });
      // Only the lenses of the lines on screen are drawn: the POST's and the GET's of /users.
      const lenses = (await page.locator('.codelens-decoration').allInnerTexts()).map((text) => text.trim()).filter(Boolean);
      for (const text of lenses) log(`spec lens: "${text}"`);
      assert.ok(lenses.includes('spec 200 · code 200 · no tests'), 'GET /users: its handler answers 200, and only that');
    });
    // The webview's page sits in an iframe inside the webview's own iframe.
    const matrix = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await step('run "statusdoc: Show Endpoint Status Matrix": the table, a drift cell marked', async () => {
      await runCommand(page, 'statusdoc: Show Endpoint Status Matrix');
      await page.locator('.tabs-container .tab.active', { hasText: 'Endpoint Status Matrix' }).waitFor({ timeout: UI_TIMEOUT });
      const conflict = matrix.locator('tr[data-row="POST /v1/users"] td[data-code="409"]').first();
      await conflict.waitFor({ timeout: UI_TIMEOUT });
      assert.equal(await conflict.getAttribute('data-drift'), 'handler-not-in-spec');
      assert.match(await conflict.innerText(), /not in spec/);
      assert.ok((await matrix.locator('td[data-drift]').count()) > 1);
    });
    await step('screenshot the matrix (1000×650)', async () => {
      const shot = path.join(RESULTS, 'matrix.png');
      // The side bar away (the panel went before the spec's lenses): the matrix has the room. Its filter shows the
      // users API of express-app, drifting both ways.
      await page.keyboard.press('Control+B');
      await page.setViewportSize({ width: 1000, height: 650 });
      await matrix.locator('#filter').first().fill('users');
      await matrix.locator('tr[data-row="POST /v1/users"]').first().waitFor({ timeout: UI_TIMEOUT });
      await page.mouse.move(500, 640); // no tooltip over the page
      await page.screenshot({ path: shot, scale: 'css' });
      await matrix.locator('#filter').first().fill('');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.keyboard.press('Control+B');
      log(`screenshot ${path.relative(ROOT, shot)}`);
      if (process.env.STATUSDOC_UPDATE_SCREENSHOT === '1') {
        fs.mkdirSync(path.join(ROOT, 'images'), { recursive: true });
        fs.copyFileSync(shot, path.join(ROOT, 'images', 'matrix.png'));
        log('copied to images/matrix.png (STATUSDOC_UPDATE_SCREENSHOT=1)');
      }
    });
    await step("click the spec's POST lens: the matrix comes back on that row, marked", async () => {
      await page.locator('.tabs-container .tab', { hasText: 'openapi.yaml' }).first().click();
      await specLens.locator('a').first().click();
      await matrix.locator('tr.revealed[data-row="POST /v1/users"]').first().waitFor({ timeout: UI_TIMEOUT });
      assert.equal(await matrix.locator('tr.revealed').count(), 1);
    });
    await step('back to orders.ts, as the next test expects', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'orders.ts' }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: 'orders.ts' }).waitFor({ timeout: UI_TIMEOUT });
    });
  });

  test('the status bar names the table in force, and turns to a warning when the table doc breaks', { timeout: 180_000 }, async () => {
    const page = session.page!;
    const item = () => page.locator('.statusbar-item').filter({ hasText: 'statusdoc default table' }).first();
    await step('the status bar shows the bundled default table', async () => {
      await item().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      assert.equal(await item().locator('.codicon-warning').count(), 0);
    });
    await step('point .statusdoc.json at a broken table doc: the item turns to a warning', async () => {
      fs.mkdirSync(path.join(session.workspace, 'docs'), { recursive: true });
      const doc = [
        '| Code | Reason | Meaning |',
        '|---|---|---|',
        '| 200 | OK | GET和PUT操作正常返回。 |',
        '| 2O1 | Created | POST操作正常返回。 |',
        '| 204 | No Content | DELETE操作正常返回。 |',
      ];
      fs.writeFileSync(path.join(session.workspace, 'docs', 'status.md'), `${doc.join('\n')}\n`);
      fs.writeFileSync(path.join(session.workspace, '.statusdoc.json'), '{ "table": "docs/status.md" }');
      await item().locator('.codicon-warning').waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      log(`status bar: "${(await item().innerText()).trim()}" with a warning`);
    });
    await step('the warning names the file and the row', async () => {
      const toast = page.locator('.notifications-toasts .notification-list-item-message').filter({ hasText: 'status.md' }).first();
      await toast.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      const text = await toast.innerText();
      log(`notification: "${text.trim()}"`);
      assert.match(text, /status\.md:4: row 2: expected a status code from 100 to 599, found "2O1"/);
    });
  });
});

/** Opens a file with Quick Open (F1, then the path in place of '>'), and waits for its tab. */
async function quickOpen(page: Page, file: string, tab: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(file);
  const pick = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: tab }).first();
  await pick.waitFor({ timeout: UI_TIMEOUT });
  await pick.click();
  await page.locator('.tabs-container .tab.active', { hasText: tab }).waitFor({ timeout: UI_TIMEOUT });
}

/** Runs a command by its title from the command palette (F1), as a person does. */
/** Focuses the editor of orders.ts from wherever the focus is (a panel), whatever the editor's scroll. */
async function focusEditor(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus Active Editor Group');
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT });
  await input.fill(`>${title}`);
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await pick.waitFor({ timeout: UI_TIMEOUT });
  await input.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/**
 * True once an error squiggle lies under the `200` of line 20 (`res.status(200).json(order); // the table says…`):
 * statusdoc's server is running and has checked the file (the TypeScript server's own error is on line 1).
 * A string, evaluated in the page.
 */
const SQUIGGLE_UNDER_LINE_20_200 = `(() => {
  const text = (el) => (el.textContent || '').replace(/\\u00a0/g, ' ');
  const line = [...document.querySelectorAll('.monaco-editor .view-line')]
    .find((el) => text(el).includes(${JSON.stringify(LINE_20_ON_SCREEN)}));
  if (!line) return false;
  const token = [...line.querySelectorAll('span > span')].find((el) => text(el) === '200');
  if (!token) return false;
  const t = token.getBoundingClientRect();
  return [...document.querySelectorAll('.monaco-editor .squiggly-error')].some((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.left < t.right && r.right > t.left && r.top < t.bottom + 4 && r.bottom > t.top - 4;
  });
})()`;

/** True once the lightbulb shows beside line 20, where the cursor is. A string, evaluated in the page. */
const LIGHTBULB_ON_LINE_20 = `(() => {
  const line = [...document.querySelectorAll('.monaco-editor .view-line')]
    .find((el) => (el.textContent || '').replace(/\\u00a0/g, ' ').includes(${JSON.stringify(LINE_20_ON_SCREEN)}));
  const bulb = document.querySelector('.monaco-editor .lightBulbWidget');
  if (!line || !bulb || getComputedStyle(bulb).display === 'none') return false;
  const l = line.getBoundingClientRect();
  const b = bulb.getBoundingClientRect();
  return b.height > 0 && b.top < l.bottom && b.bottom > l.top;
})()`;

/** A screenshot clip around the given boxes, with a margin, from `left` (when given), inside the page. */
function around(page: Page, boxes: Box[], left?: number, margin = 24): Box {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const x = Math.max(0, left ?? Math.min(...boxes.map((b) => b.x)) - margin);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin);
  const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + margin);
  const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
  return { x, y, width: right - x, height: bottom - y };
}
