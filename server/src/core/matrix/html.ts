/**
 * The matrix as one self-contained HTML page: inline style and script (nonce'd under a `default-src 'none'` policy, so
 * it can load nothing), a real table that reads without the script, and a script that sorts by any column, filters by
 * text, drift only and source, and follows a cell's places. The same page serves the CLI's file (links are relative
 * file links, `#L<line>`) and the VS Code webview (links post a message; the extension opens the file at the line).
 * Everything from the project (paths, file names) is escaped.
 */
import { MATRIX_SOURCES, matrixRowId, type MatrixCell, type MatrixModel, type MatrixPlace, type MatrixRow } from './model';
import { DRIFT_LABELS, DRIFT_SHORT, SOURCE_LABELS } from './words';

export type MatrixLinks =
  /** Relative links from the page to the files: `prefix` leads from the page's folder to the project root ('../'). */
  | { readonly kind: 'relative'; readonly prefix: string }
  /** Links that post `{ command: 'open', file, line, column }` to the host (VS Code's webview API). */
  | { readonly kind: 'message' };

export interface MatrixHtmlOptions {
  readonly links: MatrixLinks;
  /** The nonce of the page's one style and one script (base64 or hex); nothing else may load or run. */
  readonly nonce: string;
  /** Shown in the title and the heading, e.g. the project's folder name. */
  readonly title?: string;
  /** The id (`matrixRowId`) of a row to scroll to and mark when the page opens: a spec operation's code lens. */
  readonly reveal?: string;
}

export function renderMatrixHtml(model: MatrixModel, options: MatrixHtmlOptions): string {
  const nonce = escapeHtml(options.nonce);
  const title = `Endpoint status matrix${options.title ? ` — ${options.title}` : ''}`;
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
  const head = [
    '<th scope="col" aria-sort="ascending"><button type="button" data-sort="path">Endpoint</button></th>',
    '<th scope="col"><button type="button" data-sort="method">Method</button></th>',
    ...model.columns.map(
      (column) =>
        `<th scope="col" data-code="${escapeHtml(column.code)}"${column.undocumented ? ' class="undocumented"' : ''}>` +
        `<button type="button" data-sort="${escapeHtml(column.code)}">${escapeHtml(column.code)}` +
        `${column.undocumented ? ' <span class="tag" title="the table does not document this code">undocumented</span>' : ''}</button></th>`,
    ),
  ].join('');
  const body = model.rows.map((row, index) => renderRow(row, index, model, options.links)).join('\n');
  const sourceToggles = MATRIX_SOURCES.map(
    (source) => `<label><input type="checkbox" data-source-toggle="${source}" checked> ${SOURCE_LABELS[source]}</label>`,
  ).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body data-links="${options.links.kind}"${options.reveal ? ` data-reveal="${escapeHtml(options.reveal)}"` : ''}>
<h1>${escapeHtml(title)}</h1>
<form class="controls" role="search" aria-label="Filter the matrix">
<label>Filter <input type="search" id="filter" placeholder="method or path" autocomplete="off"></label>
<label><input type="checkbox" id="drift-only"> drift only</label>
<fieldset><legend>Sources</legend>
${sourceToggles}
</fieldset>
</form>
<p id="count" aria-live="polite">${model.rows.length} endpoint${model.rows.length === 1 ? '' : 's'}</p>
<table id="matrix">
<caption>A row per endpoint, a column per status code: where each code appears (spec, handler, tests, mocks).
✓ the documented success code of the method; ⚠ drift between spec and code.${model.hasSpec ? '' : ' No spec operation was found: spec drift is not judged.'}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

function renderRow(row: MatrixRow, index: number, model: MatrixModel, links: MatrixLinks): string {
  const byCode = new Map(row.cells.map((cell) => [cell.code, cell]));
  const drifting = row.drift.length > 0 || row.cells.some((cell) => cell.drift.length > 0);
  const rowDrift = row.drift.map((drift) => driftMark(drift)).join(' ');
  const where = [...row.routes.map((p) => placeLink(p, 'route', links)), ...row.operations.map((p) => placeLink(p, 'operation', links))].join(' ');
  const cells = model.columns.map((column) => renderCell(byCode.get(column.code), column.code, links)).join('');
  // What the table says of the method, even where no cell has that code (a POST answering only 200).
  const success =
    row.documentedSuccess === null
      ? ''
      : `<span class="documented" title="the documented success code of ${escapeHtml(row.method)}">✓ ${row.documentedSuccess}</span>`;
  return (
    `<tr data-index="${index}" data-row="${escapeHtml(matrixRowId(row.method, row.path))}" data-method="${escapeHtml(row.method)}" data-path="${escapeHtml(row.path)}" data-drift="${drifting ? 1 : 0}"` +
    `${row.drift.length > 0 ? ' class="drift"' : ''}>` +
    `<th scope="row"><code>${escapeHtml(row.path)}</code> ${rowDrift}<span class="where">${where}</span></th>` +
    `<td class="method">${escapeHtml(row.method)}${success}</td>${cells}</tr>`
  );
}

function renderCell(cell: MatrixCell | undefined, code: string, links: MatrixLinks): string {
  if (!cell) return `<td data-code="${escapeHtml(code)}" data-rank="2"></td>`;
  const classes = [
    'has',
    ...(cell.documentedSuccess ? ['success'] : []),
    ...(cell.undocumented ? ['undocumented'] : []),
    ...(cell.drift.length > 0 ? ['drift'] : []),
  ];
  const places = MATRIX_SOURCES.flatMap((source) =>
    cell[source].map((place, i) => placeLink(place, `${SOURCE_LABELS[source]}${i > 0 ? ` ${i + 1}` : ''}`, links, source)),
  );
  const marks = [
    ...(cell.documentedSuccess ? ['<span class="mark success-mark" title="the documented success code of the method">✓ documented</span>'] : []),
    ...cell.drift.map((drift) => driftMark(drift)),
  ];
  return (
    `<td data-code="${escapeHtml(code)}" data-rank="${cell.drift.length > 0 ? 0 : 1}" class="${classes.join(' ')}"` +
    `${cell.drift.length > 0 ? ` data-drift="${cell.drift.join(' ')}"` : ''}>${places.join(' ')}${marks.length > 0 ? ` ${marks.join(' ')}` : ''}</td>`
  );
}

function driftMark(drift: keyof typeof DRIFT_LABELS): string {
  return `<span class="mark drift-mark" data-kind="${drift}" title="${escapeHtml(DRIFT_LABELS[drift])}">⚠ ${escapeHtml(DRIFT_SHORT[drift])}</span>`;
}

function placeLink(place: MatrixPlace, label: string, links: MatrixLinks, source?: string): string {
  const where = `${place.file}:${place.line}:${place.column}`;
  const href = links.kind === 'relative' ? `${links.prefix}${place.file.split('/').map(encodeURIComponent).join('/')}#L${place.line}` : '#';
  return (
    `<a class="place" href="${escapeHtml(href)}"${source ? ` data-source="${source}"` : ''} data-file="${escapeHtml(place.file)}"` +
    ` data-line="${place.line}" data-column="${place.column}" title="${escapeHtml(where)}">${escapeHtml(label)}</a>`
  );
}

/** Text and attribute values: the five characters that could end one or start markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --head: #f6f8fa;
  --ok: #1a7f37; --warn-bg: #fff1c2; --warn: #7d4e00; --link: #0550ae; --focus: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --ok: #3fb950; --warn-bg: #3b2e00; --warn: #f2cc60; --link: #4493f8; --focus: #4493f8; }
}
body { margin: 1rem; font: 14px/1.4 system-ui, sans-serif; background: var(--vscode-editor-background, var(--bg)); color: var(--vscode-editor-foreground, var(--fg)); }
body.vscode-light { --ok: #1a7f37; --warn-bg: #fff1c2; --warn: #7d4e00; --link: #0550ae; --line: #d1d9e0; --head: #f6f8fa; --muted: #59636e; }
body.vscode-dark, body.vscode-high-contrast { --ok: #3fb950; --warn-bg: #3b2e00; --warn: #f2cc60; --link: #4493f8; --line: #3d444d; --head: #151b23; --muted: #9198a1; }
h1 { font-size: 1.3rem; margin: 0 0 .75rem; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; margin-bottom: .5rem; }
.controls fieldset { border: 1px solid var(--line); padding: .1rem .6rem .3rem; display: flex; gap: .75rem; }
.controls legend { color: var(--muted); font-size: .85rem; }
input[type=search] { font: inherit; padding: .2rem .4rem; color: inherit; background: transparent; border: 1px solid var(--line); }
#count { color: var(--muted); margin: .25rem 0 .5rem; }
table { border-collapse: collapse; }
caption { text-align: left; color: var(--muted); caption-side: bottom; padding-top: .5rem; max-width: 60rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); position: sticky; top: 0; }
thead button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
thead th[aria-sort=ascending] button::after { content: " ▲"; }
thead th[aria-sort=descending] button::after { content: " ▼"; }
button:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
th[scope=row] { font-weight: normal; }
.documented { display: block; font-size: .8rem; color: var(--ok); }
.where { display: block; font-size: .8rem; }
.where a { margin-right: .4rem; }
a { color: var(--link); }
.tag { font-size: .75rem; font-weight: normal; color: var(--warn); }
td.success { box-shadow: inset 3px 0 0 var(--ok); }
.success-mark { color: var(--ok); }
td.drift, tr.drift > th { background: var(--warn-bg); }
.drift-mark { color: var(--warn); font-weight: 600; }
.mark { display: inline-block; font-size: .8rem; }
tr[hidden] { display: none; }
tr.revealed { outline: 2px solid var(--focus); outline-offset: -2px; }
tr.revealed > th { box-shadow: inset 4px 0 0 var(--focus); }
body.hide-spec .place[data-source=spec], body.hide-handler .place[data-source=handler],
body.hide-tests .place[data-source=tests], body.hide-mocks .place[data-source=mocks] { display: none; }
`;

// Plain ES2019 in a string: it runs as written in the page (no bundler, no template literals inside).
const SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('matrix');
  var tbody = table.tBodies[0];
  var filter = document.getElementById('filter');
  var driftOnly = document.getElementById('drift-only');
  var count = document.getElementById('count');
  var methodOrder = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];
  var host = document.body.getAttribute('data-links') === 'message' && typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;

  function apply() {
    var text = filter.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(tbody.rows, function (row) {
      var name = (row.getAttribute('data-method') + ' ' + row.getAttribute('data-path')).toLowerCase();
      var visible = (!text || name.indexOf(text) !== -1) && (!driftOnly.checked || row.getAttribute('data-drift') === '1');
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = shown + ' of ' + tbody.rows.length + ' endpoint' + (tbody.rows.length === 1 ? '' : 's');
  }
  filter.addEventListener('input', apply);
  driftOnly.addEventListener('change', apply);
  document.querySelector('form.controls').addEventListener('submit', function (event) { event.preventDefault(); });

  Array.prototype.forEach.call(document.querySelectorAll('[data-source-toggle]'), function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.getAttribute('data-source-toggle'), !box.checked);
    });
  });

  function methodRank(method) {
    var i = methodOrder.indexOf(method);
    return i === -1 ? methodOrder.length : i;
  }
  function keyOf(row, by) {
    // The model's order is by path (parameters unnamed), then method: the endpoint sort is that order.
    var index = Number(row.getAttribute('data-index'));
    if (by === 'path') return [index];
    if (by === 'method') return [methodRank(row.getAttribute('data-method')), index];
    var cell = row.querySelector('td[data-code="' + by + '"]');
    return [cell ? Number(cell.getAttribute('data-rank')) : 2, index];
  }
  function compare(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] < b[i]) return -1;
      if (a[i] > b[i]) return 1;
    }
    return 0;
  }
  Array.prototype.forEach.call(table.tHead.querySelectorAll('button[data-sort]'), function (button) {
    button.addEventListener('click', function () {
      var th = button.parentElement;
      var by = button.getAttribute('data-sort');
      var descending = th.getAttribute('aria-sort') === 'ascending';
      Array.prototype.forEach.call(table.tHead.querySelectorAll('th'), function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var order = compare(keyOf(a, by), keyOf(b, by));
        return descending ? -order : order;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  });

  if (host) {
    document.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a.place') : null;
      if (!link) return;
      event.preventDefault();
      host.postMessage({ command: 'open', file: link.getAttribute('data-file'), line: Number(link.getAttribute('data-line')), column: Number(link.getAttribute('data-column')) });
    });
  }
  apply();
  // Opened for one row (a spec operation's code lens): that row in view and marked.
  var reveal = document.body.getAttribute('data-reveal');
  var target = reveal ? Array.prototype.filter.call(tbody.rows, function (row) { return row.getAttribute('data-row') === reveal; })[0] : null;
  if (target) {
    target.classList.add('revealed');
    target.scrollIntoView({ block: 'center' });
  }
})();
`;
