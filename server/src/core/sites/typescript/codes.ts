/**
 * Reading the code an expression writes: a three-digit literal, a named constant read from its real source (the
 * library it is imported from, or an enum of the file), and in a status position the codes behind branches,
 * fallbacks and local bindings.
 */
import ts from 'typescript';
import { isStatusCodeNumber } from '../../httpStatus';
import { codeOfConstant, codeOfMember, libraryOfImport, libraryOfReceiver, mayNameConstant, prefixedLibrary } from '../constants';
import type { ConstantLibrary } from '../types';
import { assignedValues, bindingOf, enumMemberValue, type Binding, type TopLevelNames } from './bindings';
import type { Code } from './pattern';
import { unwrap } from './syntax';

const { isIdentifier, isNumericLiteral, isPropertyAccessExpression } = ts;
const { BarBarToken, QuestionQuestionToken } = ts.SyntaxKind;

/** How far codes are followed through bindings and branches (`const a = b; const b = c ? 201 : 200`). */
const MAX_DEPTH = 8;

export class CodeReader {
  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly topLevel: TopLevelNames,
  ) {}

  /** A literal or a named constant. In a status position any enum of the file counts; elsewhere only the known objects. */
  readCode(expr: ts.Expression | undefined, statusPosition = true): Code | undefined {
    if (!expr) return undefined;
    const node = unwrap(expr);
    if (isNumericLiteral(node)) {
      // The source text, not node.text: the scanner normalises 0x1F4 to "500" and 1e2 to "100".
      const raw = node.getText(this.sourceFile);
      const code = Number(raw);
      return /^\d{3}$/.test(raw) && isStatusCodeNumber(code) ? { code, form: { kind: 'literal' }, node } : undefined;
    }
    if (isPropertyAccessExpression(node) && isIdentifier(node.name)) return this.memberCode(node, statusPosition);
    if (isIdentifier(node)) {
      const found = codeOfConstant(undefined, node.text);
      if (found) return { code: found.code, form: { kind: 'constant', library: found.library, text: node.text }, node };
    }
    return undefined;
  }

  readCodes(expr: ts.Expression | undefined, depth = 0, answeredAt?: ts.Node): Code[] {
    if (!expr || depth > MAX_DEPTH) return [];
    const node = unwrap(expr);
    const single = this.readCode(node);
    if (single) return [answeredAt ? { ...single, answeredAt } : single];
    if (ts.isConditionalExpression(node)) {
      return [...this.readCodes(node.whenTrue, depth + 1, answeredAt), ...this.readCodes(node.whenFalse, depth + 1, answeredAt)];
    }
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === BarBarToken || node.operatorToken.kind === QuestionQuestionToken)) {
      // err.status || err.statusCode || 500: the fallback (a code on the left is answered too, when it is truthy).
      return [...this.readCodes(node.left, depth + 1, answeredAt), ...this.readCodes(node.right, depth + 1, answeredAt)];
    }
    if (isIdentifier(node)) return this.bindingCodes(node, depth, answeredAt ?? node);
    return [];
  }

  /**
   * Whether every value a status expression can take is a code (readCodes reads what it can: the 500 of
   * `err.status || 500`, where `err.status` is still not known). What a handler answers is known only then.
   */
  whollyKnown(expr: ts.Expression | undefined, depth = 0): boolean {
    if (!expr || depth > MAX_DEPTH) return false;
    const node = unwrap(expr);
    if (this.readCode(node)) return true;
    if (ts.isConditionalExpression(node)) return this.whollyKnown(node.whenTrue, depth + 1) && this.whollyKnown(node.whenFalse, depth + 1);
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === BarBarToken || node.operatorToken.kind === QuestionQuestionToken)) {
      return this.whollyKnown(node.left, depth + 1) && this.whollyKnown(node.right, depth + 1);
    }
    if (!isIdentifier(node)) return false;
    const binding = bindingOf(node, this.topLevel);
    if (binding?.kind !== 'variable' || binding.topLevel) return false;
    const initializer = binding.declaration.initializer;
    if (binding.constant) return this.whollyKnown(initializer, depth + 1);
    const assigned = assignedValues(binding);
    if (!assigned) return false;
    return (initializer ? [initializer, ...assigned] : assigned).every((value) => this.whollyKnown(value, depth + 1));
  }

  /**
   * The codes a local `const` holds, or a `let` (`var`) every assignment of which writes codes. Top-level bindings are
   * not followed: one may be answered by several handlers, under several methods.
   */
  private bindingCodes(use: ts.Identifier, depth: number, answeredAt: ts.Node): Code[] {
    const binding = bindingOf(use, this.topLevel);
    if (binding?.kind !== 'variable' || binding.topLevel) return [];
    const initializer = binding.declaration.initializer;
    if (binding.constant) return this.readCodes(initializer, depth + 1, answeredAt);
    const assigned = assignedValues(binding);
    if (!assigned) return [];
    const values = initializer ? [initializer, ...assigned] : assigned;
    const codes: Code[] = [];
    for (const value of values) {
      const found = this.readCodes(value, depth + 1, answeredAt);
      if (found.length === 0) return [];
      codes.push(...found);
    }
    return codes;
  }

  /** `R.NAME`: a member of a constants object, read from where `R` comes from. */
  private memberCode(node: ts.PropertyAccessExpression, statusPosition: boolean): Code | undefined {
    const name = node.name.text;
    if (!mayNameConstant(name)) return undefined;
    const receiver = node.expression;
    const text = () => node.getText(this.sourceFile);
    if (!isIdentifier(receiver)) {
      // `http2.constants.HTTP_STATUS_OK`: the prefix tells the library. Other paths (`grpc.status.NOT_FOUND`) do not.
      const found = codeOfConstant(isPropertyAccessExpression(receiver) ? receiver.name.text : undefined, name);
      return found?.library === 'node' ? { code: found.code, form: { kind: 'constant', library: found.library, text: text() }, node } : undefined;
    }
    const known = libraryOfReceiver(receiver.text);
    const prefixed = prefixedLibrary(name);
    if (known === undefined && prefixed === undefined) {
      // Any other name is read only in a status position, and only when the top level binds it to an enum or imports
      // a constants object under it (`{ status: s } = require('http-status')`): one lookup, where the walk asks about
      // every `X.NAME`. The scopes between are then walked for a shadow.
      const top = statusPosition ? this.topLevel.bindingOf(receiver.text) : undefined;
      if (top?.kind !== 'enum' && !(top?.kind === 'import' && libraryOfImport(top.module, top.imported) !== undefined)) return undefined;
    }
    const binding = bindingOf(receiver, this.topLevel);
    if (binding?.kind === 'enum') {
      const member = enumMemberValue(binding.declaration, name);
      if (!member || !isStatusCodeNumber(member.value)) return undefined;
      return { code: member.value, form: { kind: 'enum', text: text(), members: member.members }, node };
    }
    const library = prefixed ?? libraryOfBinding(binding, known);
    const found = library === undefined ? undefined : codeOfMember(library, name);
    return found && { code: found.code, form: { kind: 'constant', library: found.library, text: text() }, node };
  }
}

/**
 * The library a receiver's binding brings: the one its import names, none when it is bound to something else (gRPC's
 * `status`, a local object); unbound (a global), the library its name says, except http-status's `status`, a name
 * too common to mean the library unless imported from it.
 */
function libraryOfBinding(binding: Binding | undefined, known: ConstantLibrary | undefined): ConstantLibrary | undefined {
  if (binding === undefined) return known === 'http-status' ? undefined : known;
  if (binding.kind === 'import') return libraryOfImport(binding.module, binding.imported);
  return undefined;
}
