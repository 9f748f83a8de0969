/**
 * What a name is bound to where it is used: a local `const`/`let`, an import or `require`, an enum of the file, or
 * something else (a parameter, a function, a destructured value). Codes in local bindings and the sources of named
 * constants are read from here. The walk goes up the scopes around the use; the top level is looked up in a map built
 * once per parse, and told to the scope (`onTopLevel`) so a cached statement is walked again when what it read changes.
 */
import ts from 'typescript';

export type Binding =
  | { kind: 'variable'; declaration: ts.VariableDeclaration & { name: ts.Identifier }; constant: boolean; topLevel: boolean }
  /** `imported` is the exported name, 'default' or '*'. */
  | { kind: 'import'; module: string; imported: string }
  | { kind: 'enum'; declaration: ts.EnumDeclaration }
  | { kind: 'function'; declaration: ts.FunctionDeclaration }
  | { kind: 'other' };

/** How the names of the top level are looked up: in the parsed file, or (completion's region) in the last parse. */
export interface TopLevelNames {
  bindingOf(name: string): Binding | undefined;
}

/** For a question about local bindings only. */
export const NO_TOP_LEVEL: TopLevelNames = { bindingOf: () => undefined };

/** The file's own top level, each lookup told to `onRead` (the incremental parse walks a statement again when what it read changes). */
export function fileTopLevel(sourceFile: ts.SourceFile, onRead: (name: string) => void): TopLevelNames {
  return {
    bindingOf(name) {
      onRead(name);
      return topLevelBindings(sourceFile).get(name);
    },
  };
}

const TOP_LEVEL = new WeakMap<ts.SourceFile, Map<string, Binding>>();

/** The binding a use of `name` refers to, or undefined when nothing in the file binds it (a global). */
export function bindingOf(use: ts.Identifier, topLevel: TopLevelNames): Binding | undefined {
  const name = use.text;
  for (let node: ts.Node = use, child: ts.Node | undefined; node; child = node, node = node.parent) {
    if (ts.isSourceFile(node)) return topLevel.bindingOf(name);
    if (ts.isFunctionLike(node)) {
      if (node.parameters.some((parameter) => binds(parameter.name, name))) return { kind: 'other' };
      if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name?.text === name) return { kind: 'other' };
    } else if (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      for (const statement of node.statements) {
        const found = statementBinding(statement, name, false);
        if (found) return found;
      }
    } else if (ts.isCatchClause(node)) {
      if (node.variableDeclaration && binds(node.variableDeclaration.name, name)) return { kind: 'other' };
    } else if ((ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) && child !== node.initializer) {
      const init = node.initializer;
      if (init && ts.isVariableDeclarationList(init) && init.declarations.some((d) => binds(d.name, name))) return { kind: 'other' };
    }
  }
  return undefined;
}

function topLevelBindings(sourceFile: ts.SourceFile): Map<string, Binding> {
  let map = TOP_LEVEL.get(sourceFile);
  if (!map) TOP_LEVEL.set(sourceFile, (map = bindingsOf(sourceFile.statements)));
  return map;
}

/** The names some statements bind at the top level, the first binding of each. */
export function bindingsOf(statements: Iterable<ts.Statement>): Map<string, Binding> {
  const map = new Map<string, Binding>();
  for (const statement of statements) {
    for (const name of boundNames(statement)) {
      const found = statementBinding(statement, name, true);
      if (found && !map.has(name)) map.set(name, found);
    }
  }
  return map;
}

/** The names a statement binds in its scope. */
function boundNames(statement: ts.Statement): string[] {
  const names: string[] = [];
  const add = (binding: ts.BindingName) => {
    if (ts.isIdentifier(binding)) names.push(binding.text);
    else for (const element of binding.elements) if (!ts.isOmittedExpression(element)) add(element.name);
  };
  if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) add(d.name);
  else if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    if (clause?.name) names.push(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    else if (bindings) for (const e of bindings.elements) names.push(e.name.text);
  } else if (ts.isImportEqualsDeclaration(statement)) names.push(statement.name.text);
  else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
    names.push(statement.name.text);
  }
  return names;
}

/** What `statement` binds `name` to, if it binds it. */
function statementBinding(statement: ts.Statement, name: string, topLevel: boolean): Binding | undefined {
  if (ts.isVariableStatement(statement)) {
    const list = statement.declarationList;
    for (const declaration of list.declarations) {
      if (!binds(declaration.name, name)) continue;
      const module = requiredModule(declaration.initializer);
      if (ts.isIdentifier(declaration.name)) {
        if (module !== undefined) return { kind: 'import', module, imported: 'default' };
        const constant = (list.flags & ts.NodeFlags.Const) !== 0;
        return { kind: 'variable', declaration: declaration as ts.VariableDeclaration & { name: ts.Identifier }, constant, topLevel };
      }
      // const { HttpStatus } = require('@nestjs/common'), const { constants: h2 } = require('http2')
      if (module !== undefined && ts.isObjectBindingPattern(declaration.name)) {
        for (const element of declaration.name.elements) {
          if (!ts.isIdentifier(element.name) || element.name.text !== name) continue;
          const property = element.propertyName;
          return { kind: 'import', module, imported: property && ts.isIdentifier(property) ? property.text : name };
        }
      }
      return { kind: 'other' };
    }
    return undefined;
  }
  if (ts.isImportDeclaration(statement)) {
    if (!ts.isStringLiteral(statement.moduleSpecifier)) return undefined;
    const module = statement.moduleSpecifier.text;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) return undefined;
    if (clause.name?.text === name) return { kind: 'import', module, imported: 'default' };
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) return bindings.name.text === name ? { kind: 'import', module, imported: '*' } : undefined;
    for (const element of bindings?.elements ?? []) {
      if (element.name.text === name) return element.isTypeOnly ? undefined : { kind: 'import', module, imported: (element.propertyName ?? element.name).text };
    }
    return undefined;
  }
  if (ts.isEnumDeclaration(statement)) return statement.name.text === name ? { kind: 'enum', declaration: statement } : undefined;
  if (ts.isFunctionDeclaration(statement)) return statement.name?.text === name ? { kind: 'function', declaration: statement } : undefined;
  if (ts.isImportEqualsDeclaration(statement)) {
    // import status = require('http-status')
    if (statement.name.text !== name) return undefined;
    const reference = statement.moduleReference;
    const module = ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) ? reference.expression.text : undefined;
    return module === undefined || statement.isTypeOnly ? { kind: 'other' } : { kind: 'import', module, imported: 'default' };
  }
  if (ts.isClassDeclaration(statement)) {
    return statement.name?.text === name ? { kind: 'other' } : undefined;
  }
  return undefined;
}

function binds(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && binds(element.name, name));
}

/** `require('x')` -> 'x'. */
function requiredModule(expr: ts.Expression | undefined): string | undefined {
  if (!expr || !ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression) || expr.expression.text !== 'require') return undefined;
  const [arg] = expr.arguments;
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/** The value of an enum member written as a number literal: `enum S { CREATED = 201 }`. */
export function enumMemberValue(declaration: ts.EnumDeclaration, member: string): { value: number; members: Record<number, string> } | undefined {
  const members: Record<number, string> = {};
  let value: number | undefined;
  for (const m of declaration.members) {
    const init = m.initializer;
    if (!init || !ts.isNumericLiteral(init) || !ts.isIdentifier(m.name)) continue;
    const number = Number(init.text);
    members[number] ??= m.name.text;
    if (m.name.text === member) value = number;
  }
  return value === undefined ? undefined : { value, members };
}

/**
 * Every assignment to a `let`/`var` in the scope it is declared in: the right sides, or undefined when one is not a
 * plain `=` (`+=`, `++`, a destructuring target), which leaves its value unknown.
 */
export function assignedValues(binding: Extract<Binding, { kind: 'variable' }>): ts.Expression[] | undefined {
  const declaration = binding.declaration;
  const name = declaration.name.text;
  const scope = declaration.parent.parent.parent; // declaration -> list -> statement -> block
  const values: ts.Expression[] = [];
  let unknown = false;
  const visit = (node: ts.Node): void => {
    if (unknown) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name && writes(node)) {
      const parent = node.parent;
      if (ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const found = bindingOf(node, NO_TOP_LEVEL);
        if (found?.kind === 'variable' && found.declaration === declaration) values.push(parent.right);
      } else {
        const found = bindingOf(node, NO_TOP_LEVEL);
        if (found?.kind === 'variable' && found.declaration === declaration) unknown = true;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return unknown ? undefined : values;
}

/** Whether an identifier is written: the left of an assignment, `x++`, or a destructuring target. */
function writes(id: ts.Identifier): boolean {
  let node: ts.Node = id;
  let parent = node.parent;
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
    return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  }
  // Up through a destructuring pattern (`[a, b] = …`, `({ a } = …)`) to the assignment it is the target of.
  while (
    ts.isShorthandPropertyAssignment(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === node) ||
    ts.isArrayLiteralExpression(parent) ||
    ts.isObjectLiteralExpression(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isSpreadAssignment(parent) ||
    ts.isParenthesizedExpression(parent)
  ) {
    node = parent;
    parent = node.parent;
  }
  return ts.isBinaryExpression(parent) && parent.left === node && isAssignmentOperator(parent.operatorToken.kind);
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}
