/**
 * The README's Neovim 0.7–0.10 block, pasted as a user would: headless Neovim runs it against the built server on an
 * example file and must show statusdoc's diagnostics, in the language its settings ask for (proof that the settings
 * reach the server). Skips, saying why, where no Neovim from 0.7 to 0.10 is installed (`apt-get install neovim` on
 * Debian 12 gives 0.7.2).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../..');
const SERVER = path.join(ROOT, 'server/out/server.js');

function neovimVersion(): [number, number] | undefined {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const match = run.status === 0 ? /NVIM v(\d+)\.(\d+)/.exec(run.stdout) : null;
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** The Lua block that follows the README's "Neovim 0.7–0.10" heading. */
function readmeBlock(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const heading = readme.indexOf('**Neovim 0.7–0.10**');
  assert.ok(heading >= 0, 'README has no "Neovim 0.7–0.10" block');
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(heading));
  assert.ok(block, 'no lua block after the Neovim 0.7–0.10 heading');
  return block[1];
}

// Prints each diagnostic of the file once the server has sent some (or after 20 s), then quits.
const PRINT_DIAGNOSTICS = `
vim.cmd('edit orders.ts')
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 100)
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format('%d:%d %s %s\\n', d.lnum + 1, d.col + 1, tostring(d.code), d.message))
end
vim.cmd('qa!')
`;

const version = neovimVersion();
const skip = !version
  ? 'no `nvim` on PATH (apt-get install neovim)'
  : version[0] !== 0 || version[1] < 7 || version[1] > 10
    ? `nvim ${version.join('.')} is not 0.7–0.10`
    : !fs.existsSync(SERVER)
      ? 'the server is not built (npm run build)'
      : false;

test("the README's Neovim 0.7–0.10 block starts statusdoc and its settings reach the server", { skip, timeout: 60_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'statusdoc-nvim-'));
  try {
    const init = readmeBlock().replace('/path/to/statusdoc', ROOT).replace("language = 'en'", "language = 'zh-cn'");
    fs.writeFileSync(path.join(dir, 'init.lua'), init);
    fs.writeFileSync(path.join(dir, 'print.lua'), PRINT_DIAGNOSTICS);
    fs.copyFileSync(path.join(ROOT, 'examples/express/orders.ts'), path.join(dir, 'orders.ts'));
    const run = spawnSync('nvim', ['--headless', '-u', 'init.lua', '-c', 'luafile print.lua'], { cwd: dir, encoding: 'utf8', timeout: 50_000 });
    const lines = run.stdout.split('\n').filter(Boolean);
    assert.ok(
      lines.some((line) => /^20:16 wrong-success-code .*201 Created/.test(line)),
      `no wrong-success-code at 20:16:\n${run.stdout}${run.stderr}`,
    );
    // zh-cn from the block's settings: the messages are the Chinese ones.
    assert.ok(
      lines.every((line) => /[\u4e00-\u9fff]/.test(line)),
      `settings did not reach the server (messages not in zh-cn):\n${run.stdout}`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
