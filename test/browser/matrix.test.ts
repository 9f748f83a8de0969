/**
 * The HTML matrix in a real browser: `statusdoc matrix --out` on a project that drifts both ways, opened from file://
 * in Debian's chromium (driven by playwright-core) with the network cut off — no request but the page itself may be
 * made — then filtered, drift only, sorted with the mouse and the keyboard, a source hidden, and the drift cell found
 * marked, in light and dark; and a page opened for one row (a spec operation's code lens) showing that row.
 *
 * Needs chromium (STATUSDOC_CHROMIUM, default /usr/bin/chromium) and playwright-core, which
 * `bash test/e2e/setup-code-server.sh` installs into the e2e cache (nothing in package.json). Where either is missing
 * the test skips and says which, and how to get it; `.ci/run` runs it again after that setup, so CI never skips it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { buildMatrix, DEFAULT_TABLE, matrixRowId, renderMatrixHtml } from '../../server/src/core';
import { MATRIX_PROJECT } from '../cli/matrixProject';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'server/out/cli.js');
const CACHE = process.env.STATUSDOC_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'statusdoc-e2e');
const CHROMIUM = process.env.STATUSDOC_CHROMIUM ?? '/usr/bin/chromium';
const SETUP = "run `bash test/e2e/setup-code-server.sh` (it installs Debian's chromium and playwright-core into the e2e cache)";

// ---- the few playwright-core types used here --------------------------------------------------------------------
interface Locator {
  click(): Promise<void>;
  fill(value: string): Promise<void>;
  focus(): Promise<void>;
  uncheck(): Promise<void>;
  check(): Promise<void>;
  count(): Promise<number>;
  innerText(): Promise<string>;
  isVisible(): Promise<boolean>;
  getAttribute(name: string): Promise<string | null>;
  first(): Locator;
  locator(selector: string): Locator;
  allInnerTexts(): Promise<string[]>;
}
interface Request {
  url(): string;
}
interface Page {
  goto(url: string): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: { press(key: string): Promise<void> };
  evaluate<T>(expression: string): Promise<T>;
  emulateMedia(options: { colorScheme: 'light' | 'dark' }): Promise<void>;
  on(event: 'request', listener: (request: Request) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  route(url: string, handler: (route: { abort(): Promise<void>; continue(): Promise<void>; request(): Request }) => void): Promise<void>;
}
interface Browser {
  newContext(options: { offline?: boolean; javaScriptEnabled?: boolean }): Promise<{ newPage(): Promise<Page> }>;
  close(): Promise<void>;
}
interface Chromium {
  launch(options: { executablePath: string; args: string[]; timeout?: number }): Promise<Browser>;
}

/** playwright-core's chromium, or why the test cannot run here. */
function playwright(): { chromium: Chromium } | string {
  if (!fs.existsSync(CHROMIUM)) return `no chromium at ${CHROMIUM}: ${SETUP}, or set STATUSDOC_CHROMIUM`;
  try {
    return createRequire(path.join(CACHE, 'package.json'))('playwright-core') as { chromium: Chromium };
  } catch {
    return `no playwright-core in ${CACHE}: ${SETUP}`;
  }
}

const found = playwright();
const skip = typeof found === 'string' ? found : false;
if (skip) console.log(`test/browser skipped: ${skip}`);

const made: string[] = [];
let browser: Browser | undefined;
after(async () => {
  await browser?.close();
  made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

/** The page `statusdoc matrix --out reports/matrix.html` writes for the drifting project. */
function writeMatrix(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-matrix-browser-'));
  made.push(dir);
  for (const [name, text] of Object.entries(MATRIX_PROJECT)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.mkdirSync(path.join(dir, 'reports'));
  const run = spawnSync(process.execPath, [CLI, 'matrix', '--out', 'reports/matrix.html'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return path.join(dir, 'reports/matrix.html');
}

test('the HTML matrix from file://, offline: filter, drift only, sort, sources, a drift cell marked, light and dark', { skip }, async () => {
  const { chromium } = found as { chromium: Chromium };
  const file = writeMatrix();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ offline: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  const url = pathToFileURL(file).href;
  // Anything but the page itself would be a network request: refused, and recorded above.
  await page.route('**/*', (route) => void (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);

  const visibleRows = () =>
    page.evaluate<string[]>(
      `Array.from(document.querySelectorAll('#matrix tbody tr')).filter((r) => !r.hidden).map((r) => r.dataset.method + ' ' + r.dataset.path)`,
    );
  assert.equal(await page.locator('#count').innerText(), '5 of 5 endpoints');

  // The text filter, on method and path.
  await page.locator('#filter').fill('delete');
  assert.deepEqual(await visibleRows(), ['DELETE /v1/users/{userId}']);
  await page.locator('#filter').fill('users/{');
  assert.equal((await visibleRows()).length, 3);
  assert.equal(await page.locator('#count').innerText(), '3 of 5 endpoints');
  await page.locator('#filter').fill('');

  // Drift only: the request no route serves goes (the GET's handler never answers the spec's 404: it stays).
  await page.locator('#drift-only').check();
  assert.deepEqual((await visibleRows()).sort(), ['DELETE /v1/users/{userId}', 'GET /v1/users/{userId}', 'POST /v1/users', 'PUT /v1/users/{id}']);

  // The drift cell: the handler's 409, which the spec does not list, marked and linked to its place.
  const conflict = page.locator('tr[data-method="POST"] td[data-code="409"]');
  assert.equal(await conflict.getAttribute('data-drift'), 'handler-not-in-spec');
  assert.match(await conflict.innerText(), /⚠ not in spec/);
  assert.equal(await conflict.locator('a.place').first().getAttribute('href'), '../src/users.controller.js#L3');
  const markColor = await page.evaluate<string>(`getComputedStyle(document.querySelector('tr[data-method="POST"] td[data-code="409"]')).backgroundColor`);
  await page.locator('#drift-only').uncheck();
  assert.equal((await visibleRows()).length, 5);

  // Sort by a code column (its drift first), then by endpoint with the keyboard, both ways.
  await page.locator('th[data-code="409"] button').click();
  assert.equal((await visibleRows())[0], 'POST /v1/users');
  assert.equal(await page.locator('th[data-code="409"]').getAttribute('aria-sort'), 'ascending');
  await page.locator('th[data-code="201"] button').click();
  assert.equal((await visibleRows())[0], 'POST /v1/users');
  await page.locator('th[data-code="204"] button').click();
  assert.equal((await visibleRows())[0], 'DELETE /v1/users/{userId}');
  await page.locator('button[data-sort="path"]').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await visibleRows(), ['GET /v1/nowhere', 'POST /v1/users', 'GET /v1/users/{userId}', 'PUT /v1/users/{id}', 'DELETE /v1/users/{userId}']);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('button[data-sort="path"]').locator('xpath=..').getAttribute('aria-sort'), 'descending');
  assert.equal((await visibleRows())[0], 'DELETE /v1/users/{userId}');

  // A source hidden: its links go, the others stay.
  const handlerLink = page.locator('tr[data-method="POST"] td[data-code="201"] a[data-source="handler"]');
  const specLink = page.locator('tr[data-method="POST"] td[data-code="201"] a[data-source="spec"]');
  assert.equal(await handlerLink.isVisible(), true);
  await page.locator('[data-source-toggle="handler"]').uncheck();
  assert.equal(await handlerLink.isVisible(), false);
  assert.equal(await specLink.isVisible(), true);

  // Dark: other colours, the drift still marked apart from a plain cell.
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate<string[]>(
    `[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('tr[data-method="POST"] td[data-code="409"]')).backgroundColor, getComputedStyle(document.querySelector('tr[data-method="POST"] td[data-code="201"]')).backgroundColor]`,
  );
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate<string>(`getComputedStyle(document.body).backgroundColor`);
  assert.notEqual(dark[0], light, 'the page follows prefers-color-scheme');
  assert.notEqual(dark[1], dark[2], 'a drift cell stands out in dark too');
  assert.notEqual(dark[1], markColor, 'with its dark colour');

  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url], 'no request but the page itself');
});

test('opened for one row (a spec operation lens): that row scrolled into view and marked, the others not', { skip }, async () => {
  const { chromium } = found as { chromium: Chromium };
  const endpoints = Array.from({ length: 80 }, (_, i) => ({
    method: 'GET',
    path: `/items${String(i).padStart(2, '0')}/:id`,
    route: { file: 'src/app.js', line: i + 1, column: 1 },
    answers: [{ code: '200', place: { file: 'src/app.js', line: i + 1, column: 20 } }],
    answersKnown: true,
  }));
  const model = buildMatrix({ endpoints, operations: [], requests: [] }, DEFAULT_TABLE);
  const wanted = matrixRowId('get', '/items70/{itemId}');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-matrix-reveal-'));
  made.push(dir);
  const file = path.join(dir, 'matrix.html');
  fs.writeFileSync(file, renderMatrixHtml(model, { links: { kind: 'relative', prefix: '' }, nonce: 'revealnonce0123456', reveal: wanted }));
  browser ??= await chromium.launch({ executablePath: CHROMIUM, timeout: 60_000, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const page = await (await browser.newContext({ offline: true })).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  const revealed = await page.evaluate<string[]>(`Array.from(document.querySelectorAll('tr.revealed')).map((r) => r.dataset.path)`);
  assert.deepEqual(revealed, ['/items70/{id}']);
  const inView = await page.evaluate<boolean>(
    `(() => { const box = document.querySelector('tr.revealed').getBoundingClientRect(); return window.scrollY > 0 && box.top >= 0 && box.bottom <= window.innerHeight; })()`,
  );
  assert.equal(inView, true, 'scrolled to, in view');
  assert.deepEqual(errors, []);
});
