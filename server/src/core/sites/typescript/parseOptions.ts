import ts from 'typescript';

/**
 * How statusdoc parses TS/JS, everywhere: the newest syntax, and JSDoc comments left unparsed (no rule reads a JSDoc
 * tag; parsing them is work on every file). An incremental update keeps the mode its first parse had.
 */
export const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};
