/**
 * Playwright: `route.fulfill({ status: 201 })` answers a mocked request inside `page.route(url, handler)`; the
 * method is known where the handler tests it (`route.request().method() === 'POST'`, methodTests.ts). API testing
 * (`expect(res.status()).toBe(201)` after `request.post(url)`) is read by the test patterns and methods.ts.
 */
import ts from 'typescript';
import { FULFILL, STATUS_PROPERTY } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { unwrap } from '../syntax';

export const PLAYWRIGHT_PATTERNS: readonly Pattern[] = [
  pattern('member-call', [FULFILL], ({ args }, context) => {
    const options = args[0] && unwrap(args[0]);
    if (!options || !ts.isObjectLiteralExpression(options)) return false;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || !STATUS_PROPERTY.test(property.name.getText(context.sourceFile))) continue;
      context.add(context.readCode(property.initializer), 'mock', { id: 'playwright.fulfill' }, { by: 'enclosing' });
    }
    return true;
  }),
];
