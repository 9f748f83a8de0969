// SYNTAX TEST "source.tsx" "statusdoc: status codes in TSX; JSX text and attributes are not status positions"
import { NextResponse } from 'next/server';

export async function POST(request: Request) {
  return NextResponse.json(order, { status: 201 });
//                                          ^^^ constant.numeric.status-code.success.statusdoc
//                                              ^ punctuation.definition.block.tsx
}

export function Orders({ items }: Props) {
  const onSave = () => fetch('/orders').then((r) => r.status === 204 && done());
//                                                               ^^^ constant.numeric.status-code.success.statusdoc
//                                                                   ^^ keyword.operator.logical.tsx
  return (
    <section width={200} data-status={201}>
//                  ^^^ meta.embedded.expression.tsx constant.numeric.decimal.tsx - constant.numeric.status-code.success.statusdoc
//                                    ^^^ constant.numeric.decimal.tsx - constant.numeric.status-code.success.statusdoc
      <p>status: 500</p>
//               ^^^ meta.jsx.children.tsx - constant.numeric.status-code.server-error.statusdoc
      <p>{res.status === 404 ? 'missing' : 'ok'}</p>
//                       ^^^ meta.embedded.expression.tsx constant.numeric.status-code.client-error.statusdoc
      <Retry delay={setTimeout(retry, 300)} />
//                                    ^^^ constant.numeric.decimal.tsx - constant.numeric.status-code.redirect.statusdoc
    </section>
  );
}
