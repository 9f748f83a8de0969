/**
 * Status helpers local to the file, Lambda-style: `const json = (statusCode, body) => ({ statusCode, body })` makes
 * the first argument of `json(429, …)` a status. A helper is a function whose returned object literal has a status
 * property holding one of its parameters as it is.
 */
import ts from 'typescript';
import { STATUS_PROPERTY } from '../../vocabulary';
import type { Binding } from './bindings';
import { functionExpression, returnedExpressions, unwrap } from './syntax';

const STATUS_PARAMETER = new WeakMap<ts.Node, number | null>();

/** The function a binding names, when it is one: `function json(…)`, `const json = (…) => …`. */
export function functionOf(binding: Binding | undefined): ts.SignatureDeclaration | undefined {
  if (binding?.kind === 'function') return binding.declaration;
  if (binding?.kind === 'variable' && binding.constant) return functionExpression(binding.declaration.initializer);
  return undefined;
}

/** The index of the parameter a helper returns as its status, if it is a status helper. */
export function statusParameterOf(fn: ts.SignatureDeclaration): number | undefined {
  let index = STATUS_PARAMETER.get(fn);
  // Its own file: completion's region reads a helper defined in the last parse of the document.
  if (index === undefined) STATUS_PARAMETER.set(fn, (index = findStatusParameter(fn, fn.getSourceFile()) ?? null));
  return index ?? undefined;
}

function findStatusParameter(fn: ts.SignatureDeclaration, sourceFile: ts.SourceFile): number | undefined {
  for (const returned of returnedExpressions(fn)) {
    const object = unwrap(returned);
    if (!ts.isObjectLiteralExpression(object)) continue;
    for (const property of object.properties) {
      if (!property.name || !STATUS_PROPERTY.test(property.name.getText(sourceFile))) continue;
      const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) ? unwrap(property.initializer) : undefined;
      if (!value || !ts.isIdentifier(value)) continue;
      const index = fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === value.text);
      if (index !== -1 && !fn.parameters[index].dotDotDotToken) return index;
    }
  }
  return undefined;
}
