/** The keys of a map of responses (`{ 201: …, '400': … }`) as the codes a route declares: spec sites, one per key. */
import ts from 'typescript';
import { isStatusCodeNumber } from '../../../httpStatus';
import type { Site, SiteMethod } from '../../types';
import type { SiteContext } from '../pattern';

export function pushResponseKeys(object: ts.ObjectLiteralExpression, context: SiteContext, method: SiteMethod | undefined, idiom: Site['idiom']): void {
  for (const property of object.properties) {
    const key = property.name;
    if (!key || !(ts.isNumericLiteral(key) || ts.isStringLiteral(key)) || !/^\d{3}$/.test(key.text)) continue;
    const code = Number(key.text);
    if (!isStatusCodeNumber(code)) continue;
    context.push({ start: key.getStart(context.sourceFile), end: key.getEnd(), code, form: { kind: 'literal' }, role: 'spec', idiom, method });
  }
}
