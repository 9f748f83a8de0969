/**
 * Completion of status codes where a status goes. Instead of a second set of patterns, the cursor position is
 * tried as a site: a placeholder code is put where the user is typing and the adapters are asked whether that is
 * a status site, and with which method. Every pattern the adapters know completes, with no extra code here.
 */
import type { SourceDocument } from './document';
import { analyzeDocument } from './sites';
import type { Site } from './sites/types';
import type { StatusEntry, StatusTable } from './table/types';
import { STATUS_KEYS } from './vocabulary';

/** Where a code is being typed: the digits typed so far span [start, end), and the site it would make. */
export interface StatusSlot {
  start: number;
  end: number;
  site: Site;
}

const PLACEHOLDER = '599';
// Fast rejections before any parse: the text just before the cursor must look like a status could follow.
const TS_BEFORE = /(?:[(,:=]|===|!==|\bcase)\s*(\d{0,3})$/;
const YAML_KEY = /^(\s*)(['"]?)(\d{0,3})$/;
// The YAML adapter's status keys, so that every key it reads completes.
const YAML_VALUE = new RegExp(String.raw`\b(?:${[...STATUS_KEYS].join('|')})\s*:\s*(?:\[\s*(?:\d{3}\s*,\s*)*)?(\d{0,3})$`);

export function statusSlotAt(document: SourceDocument, offset: number): StatusSlot | undefined {
  const { text, language } = document;
  if (document.facts.skipped) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  let digitsStart: number;
  let virtual: string;
  if (language === 'yaml') {
    const key = YAML_KEY.exec(before);
    const value = key ? undefined : YAML_VALUE.exec(before);
    if (!key && !value) return undefined;
    digitsStart = offset - (key ? key[3] : value![1]).length;
    let after = text.slice(offset).replace(/^\d*/, '');
    if (key) {
      // A key being typed on its own line: make it a whole key for the parser.
      const lineEnd = after.indexOf('\n');
      const rest = lineEnd === -1 ? after : after.slice(0, lineEnd);
      if (!rest.includes(':')) after = `${key[2]}: {}${lineEnd === -1 ? '' : after.slice(lineEnd)}`;
    }
    virtual = text.slice(0, digitsStart) + PLACEHOLDER + after;
  } else {
    const match = TS_BEFORE.exec(before);
    if (!match) return undefined;
    digitsStart = offset - match[1].length;
    virtual = text.slice(0, digitsStart) + PLACEHOLDER + text.slice(offset).replace(/^\d*/, '');
  }
  const typedEnd = offset + (/^\d*/.exec(text.slice(offset))?.[0].length ?? 0);
  const site = analyzeDocument(virtual, language, document.options).sites.find(
    (candidate) => candidate.code === Number(PLACEHOLDER) && candidate.start <= digitsStart && digitsStart + PLACEHOLDER.length <= candidate.end,
  );
  return site && site.form.kind !== 'implicit' ? { start: digitsStart, end: typedEnd, site } : undefined;
}

/** The documented codes in the order to offer them: the method's documented success code first, then by code. */
export function completionOrder(table: StatusTable, site: Site): StatusEntry[] {
  const preferred = site.method ? table.successCodeByMethod.get(site.method.name) : undefined;
  return [...table.entries.values()].sort((a, b) => Number(b.code === preferred) - Number(a.code === preferred) || a.code - b.code);
}
