/** Hono: `c.json(body, 201)`, `c.text` / `c.body` / `c.html`, `new HTTPException(401)`. (`c.redirect` is Express's pattern.) */
import ts from 'typescript';
import { HONO_BODIES, HONO_EXCEPTION } from '../../../vocabulary';
import { pattern, type Pattern } from '../pattern';
import { unwrap } from '../syntax';

export const HONO_PATTERNS: readonly Pattern[] = [
  pattern('member-call', HONO_BODIES, ({ name, args, receiver }, context) => {
    // The third argument is headers; a number there is a coordinate (pdfkit doc.text('Title', 100, 150)).
    if (args.length < 2 || (args[2] && ts.isNumericLiteral(unwrap(args[2])))) return false;
    context.add(context.readCodes(args[1]), 'response', { id: 'hono.body', detail: name }, { by: 'enclosing' });
    context.statusValue(args[1], receiver);
    return true;
  }),
  pattern('new', [HONO_EXCEPTION], ({ args }, context) => {
    context.add(context.readCodes(args[0]), 'response', { id: 'hono.http-exception' }, { by: 'enclosing' });
    context.statusValue(args[0]);
    return true;
  }),
];
