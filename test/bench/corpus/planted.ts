/** A problem the generator put into the corpus on purpose: every tool is checked for finding it. */
export interface PlantedProblem {
  /** Relative to the corpus root, with forward slashes. */
  file: string;
  /** 1-based line of the status code (or, for a NestJS default, of the method decorator). */
  line: number;
  rule: 'wrong-success-code' | 'undocumented-code' | 'implicit-success-code';
  code: number;
  method: string;
  /** For a person reading the record: what was planted. */
  what: string;
}

/** Text and its planted problems, before it has a file name. */
export interface GeneratedText {
  text: string;
  planted: Omit<PlantedProblem, 'file'>[];
}

/** The codes the organisation's table documents (the bundled default): anything else is undocumented. */
export const DOCUMENTED_CODES = [200, 201, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504];

/** The success code the table gives each method it names; other methods are not judged. */
export const SUCCESS_BY_METHOD: Record<string, number> = { GET: 200, PUT: 200, POST: 201, DELETE: 204 };
