/**
 * The evaluation corpus across files (test/fixtures/projects): each folder is one project, judged as the editor and
 * the CLI judge it, with its route index (route methods, tests' requests resolved to their handlers' answers). Every
 * line that must be flagged is marked `// expect: <rule>`; every other line must stay clean.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { check, DEFAULT_TABLE, languageOfFile, requestsOf, SourceDocument } from '../../server/src/core';
import { collectFiles } from '../../server/src/project/files';
import { WorkspaceRoutes } from '../../server/src/project/workspaceRoutes';

const PROJECTS = path.resolve(__dirname, '../fixtures/projects');
const MARKER = /\/\/\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/;

function expectedIn(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const match = MARKER.exec(line);
    return match ? match[1].split(',').map((rule) => `${index + 1}:${rule.trim()}`) : [];
  });
}

describe('evaluation corpus across files', () => {
  for (const name of fs.readdirSync(PROJECTS).sort()) {
    test(name, async () => {
      const root = path.join(PROJECTS, name);
      const routes = new WorkspaceRoutes(root, 1_000_000);
      await routes.build();
      const files = collectFiles([root]).files.filter((file) => languageOfFile(file));
      let judgedByHandlers = 0;
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const document = new SourceDocument(text, languageOfFile(file)!);
        const requestAnswers = routes.requestAnswers(file, requestsOf(document.facts.sites));
        judgedByHandlers += requestAnswers.length;
        const findings = check(document, DEFAULT_TABLE, { severities: {}, lang: 'en', routeMethods: routes.scopesFor(file), requestAnswers });
        const actual = findings.map((finding) => `${document.lines.lineOf(finding.start) + 1}:${finding.rule}`).sort();
        assert.deepEqual(actual, expectedIn(text).sort(), path.relative(root, file));
      }
      assert.ok(judgedByHandlers > 0, 'some request resolves to a route');
    });
  }
});
