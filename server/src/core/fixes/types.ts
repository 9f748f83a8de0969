/** What fixes produce: edits (offsets into the text they were computed on) and the imports they need. */

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A named import a fix needs: `HttpStatus` from '@nestjs/common'. Materialised once per file, merged across fixes. */
export interface ImportRequest {
  module: string;
  name: string;
  /** Bind it under another name (`HttpStatus as HttpStatusCode`) because the file uses the name already. */
  local?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  imports: ImportRequest[];
  /** Safe fixes are applied by fix-all (source.fixAll.statusdoc, `statusdoc check --fix`). */
  safe: boolean;
}
