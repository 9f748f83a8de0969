/** Reads a TS/JS file's imports and requires (top level only), for fixes that add a name in the file's style. */
import ts from 'typescript';
import type { ImportFact } from './types';

export function readImports(sourceFile: ts.SourceFile): ImportFact[] {
  return sourceFile.statements.flatMap((statement) => importsOf(statement, sourceFile));
}

/** The imports or requires one top-level statement makes. */
export function importsOf(statement: ts.Statement, sourceFile: ts.SourceFile): ImportFact[] {
  const facts: ImportFact[] = [];
  if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    const named = bindings && ts.isNamedImports(bindings) ? bindings : undefined;
    facts.push({
      module: statement.moduleSpecifier.text,
      style: 'esm',
      start: statement.getStart(sourceFile),
      end: statement.getEnd(),
      names:
        named?.elements.map((e) => ({
          name: (e.propertyName ?? e.name).text,
          local: e.name.text,
          typeOnly: e.isTypeOnly,
          start: e.getStart(sourceFile),
          end: e.getEnd(),
        })) ?? [],
      namedInsertAt: named ? namedInsertPoint(named.elements, named, sourceFile) : undefined,
      defaultName: clause?.name?.text,
      namespaceName: bindings && ts.isNamespaceImport(bindings) ? bindings.name.text : undefined,
      typeOnly: clause?.isTypeOnly ?? false,
    });
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      const module = requiredModule(declaration.initializer);
      if (module === undefined) continue;
      const pattern = ts.isObjectBindingPattern(declaration.name) ? declaration.name : undefined;
      facts.push({
        module,
        style: 'cjs',
        start: statement.getStart(sourceFile),
        end: statement.getEnd(),
        names:
          pattern?.elements.map((e) => ({
            name: (e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName : e.name).getText(sourceFile),
            local: e.name.getText(sourceFile),
            start: e.getStart(sourceFile),
            end: e.getEnd(),
          })) ?? [],
        namedInsertAt: pattern ? namedInsertPoint(pattern.elements, pattern, sourceFile) : undefined,
        defaultName: ts.isIdentifier(declaration.name) ? declaration.name.text : undefined,
        typeOnly: false,
      });
    }
  }
  return facts;
}

/** `require('x')` -> 'x'. */
function requiredModule(expr: ts.Expression | undefined): string | undefined {
  if (!expr || !ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression) || expr.expression.text !== 'require') return undefined;
  const [arg] = expr.arguments;
  return arg && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}

/** After the last element (before a trailing comma if any), or just inside `{` when empty. */
function namedInsertPoint(elements: ts.NodeArray<ts.Node>, braces: ts.Node, sourceFile: ts.SourceFile): number {
  return elements.length > 0 ? elements[elements.length - 1].getEnd() : braces.getStart(sourceFile) + 1;
}

/** Names bound at the top level: imports, functions, classes, variables, enums, types. */
export function readTopLevelNames(sourceFile: ts.SourceFile): string[] {
  return sourceFile.statements.flatMap((statement) => namesBoundBy(statement));
}

/** The names one top-level statement binds. */
export function namesBoundBy(statement: ts.Statement): string[] {
  const names: string[] = [];
  const bind = (name: ts.BindingName | ts.Identifier | undefined) => {
    if (!name) return;
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name);
  };
  if (ts.isImportDeclaration(statement)) {
    const clause = statement.importClause;
    bind(clause?.name);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) bind(bindings.name);
    else if (bindings) for (const element of bindings.elements) bind(element.name);
  } else if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) bind(declaration.name);
  } else if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  ) {
    if (statement.name && ts.isIdentifier(statement.name)) names.push(statement.name.text);
  } else if (ts.isImportEqualsDeclaration(statement)) {
    names.push(statement.name.text);
  }
  return names;
}
