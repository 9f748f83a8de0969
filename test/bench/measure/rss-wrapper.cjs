// Used only where /usr/bin/time is missing: runs a Node script in this process and, when it exits, writes this
// process's peak resident set size (kilobytes, from process.resourceUsage()) to the file named by STATUSDOC_BENCH_RSS.
//   node rss-wrapper.cjs SCRIPT [ARGS…]
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => fs.writeFileSync(process.env.STATUSDOC_BENCH_RSS, String(process.resourceUsage().maxRSS)));
import(pathToFileURL(script).href);
