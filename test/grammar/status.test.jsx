// SYNTAX TEST "source.js.jsx" "statusdoc: status codes in JSX (injected through source.js, which the JSX scope extends)"
export function Status({ res }) {
  if (res.status === 404) return <NotFound code={404} />;
//                   ^^^ constant.numeric.status-code.client-error.statusdoc
//                                               ^^^ constant.numeric.decimal.js.jsx - constant.numeric.status-code.client-error.statusdoc
  return <p>statusCode: 200 {res.statusCode !== 200 && 'unexpected'}</p>;
//                      ^^^ meta.jsx.children.js.jsx - constant.numeric.status-code.success.statusdoc
//                                              ^^^ meta.embedded.expression.js.jsx constant.numeric.status-code.success.statusdoc
}
