/** The constant names statusdoc reads and writes, checked against the real packages (not a list copied by hand). */
import assert from 'node:assert/strict';
import { constants } from 'node:http2';
import { test } from 'node:test';
import { HttpStatus } from '@nestjs/common';
import { status } from 'http-status';
import { StatusCodes } from 'http-status-codes';
import { CONSTANTS_LIBRARIES } from '../../server/src/core/constants/libraries';
import { STANDARD_REASONS } from '../../server/src/core/httpStatus';
import { codeOfConstant, constantNameFor } from '../../server/src/core/sites/constants';
import type { ConstantLibrary } from '../../server/src/core/sites/types';

const LIBRARIES: [ConstantLibrary, string, Record<string, unknown>][] = [
  ['nestjs', 'HttpStatus', HttpStatus as unknown as Record<string, unknown>],
  ['http-status-codes', 'StatusCodes', StatusCodes as unknown as Record<string, unknown>],
  ['http-status', 'status', status as unknown as Record<string, unknown>],
  ['node', 'constants', constants as unknown as Record<string, unknown>],
];

for (const [library, receiver, values] of LIBRARIES) {
  test(`${library}: every status constant of the package reads as its code`, () => {
    const wrong = Object.entries(values)
      .filter(([, value]) => typeof value === 'number' && value >= 100 && value <= 599)
      .filter(([name, value]) => codeOfConstant(receiver, name)?.code !== value)
      .map(([name, value]) => `${name}=${value}`);
    assert.deepEqual(wrong, []);
  });

  test(`${library}: every name statusdoc writes exists in the package with that code`, () => {
    const wrong = [...STANDARD_REASONS.keys()]
      .map((code) => [code, constantNameFor(library, code)] as const)
      .filter(([code, name]) => name !== undefined && values[name] !== code)
      .map(([code, name]) => `${code} -> ${name}`);
    assert.deepEqual(wrong, []);
    // And the documented codes all have a name in every library.
    for (const code of [200, 201, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504]) {
      assert.ok(constantNameFor(library, code), `${library} has a constant for ${code}`);
    }
  });
}

test('every library of the table: its modules export its object, and every name the object goes by reads as it', async () => {
  for (const library of CONSTANTS_LIBRARIES) {
    for (const specifier of library.modules) {
      const loaded = (await import(specifier)) as Record<string, unknown>;
      assert.equal(typeof loaded[library.exportName], 'object', `${specifier} exports ${library.exportName}`);
    }
    const member = constantNameFor(library.id, 201)!;
    for (const receiver of [library.exportName, library.clashAlias, ...library.otherReceivers]) {
      // The alias useConstant binds on a clash must still read as a status code, or its own output would not.
      assert.deepEqual(codeOfConstant(receiver, member), { code: 201, library: library.id }, `${receiver}.${member}`);
    }
  }
});
