/**
 * Completion of status codes where a status goes. Instead of a second set of patterns, the cursor position is
 * tried as a site: a placeholder code is put where the user is typing and the adapters are asked whether that is
 * a status site, and with which method. Every pattern the adapters know completes, with no extra code here.
 * Only what the placeholder touches is read again, on the document's own parse (sitesAroundEdit: the statement around
 * the cursor in TS/JS, the lines around it in YAML); where that cannot be sure, the whole text with the placeholder is.
 */
import { documentedSuccess } from './checks/documented';
import type { SourceDocument } from './document';
import { analyzeDocument, describeFailure, sitesAroundEdit } from './sites';
import type { Site } from './sites/types';
import type { StatusEntry, StatusTable } from './table/types';
import { skipReason } from './limits';
import { collapseChanges, type TextChange } from './text';
import { STATUS_KEYS } from './vocabulary';

/** Where a code is being typed: the digits typed so far span [start, end), and the site it would make. */
export interface StatusSlot {
  start: number;
  end: number;
  site: Site;
  /** What the fast way caught (a statusdoc bug) before the whole text answered: for the log. */
  recovered?: string;
}

const PLACEHOLDER = '599';
// Fast rejections before any parse: the text just before the cursor must look like a status could follow.
const TS_BEFORE = /(?:[(,:=]|===|!==|\bcase)\s*(\d{0,3})$/;
const YAML_KEY = /^(\s*)(['"]?)(\d{0,3})$/;
// The YAML adapter's status keys, so that every key it reads completes.
const YAML_VALUE = new RegExp(String.raw`\b(?:${[...STATUS_KEYS].join('|')})\s*:\s*(?:\[\s*(?:\d{3}\s*,\s*)*)?(\d{0,3})$`);

export function statusSlotAt(document: SourceDocument, offset: number): StatusSlot | undefined {
  if (document.language === 'json') return undefined; // a JSON spec's keys are not completed (yet)
  let recovered: string | undefined;
  try {
    const fast = fastSlotAt(document, offset);
    if (fast) return fast.slot;
  } catch (error) {
    recovered = describeFailure(error);
  }
  const slot = fullReparseSlotAt(document, offset);
  return slot && recovered ? { ...slot, recovered } : slot;
}

/**
 * The slot from what the placeholder touches alone, read again on the document's own parse; undefined where that
 * cannot be sure and only the whole text can tell.
 */
export function fastSlotAt(document: SourceDocument, offset: number): { slot: StatusSlot | undefined } | undefined {
  // YAML: a version not read yet (a key half typed may need the full parse) answers from the last scan, unread.
  const base = document.language === 'yaml' ? document.unreadBase : undefined;
  const query = placeholderAt(document, offset, base !== undefined);
  if (!query) return { slot: undefined };
  const sites = base
    ? sitesAroundEdit(base.state, query.virtual, collapseChanges(base.change, query.change), document.options)
    : sitesAroundEdit(document.parse, query.virtual, query.change, document.options);
  return sites && { slot: slotOf(query, sites) };
}

/** The slot as the whole text with the placeholder, parsed again, shows it: what the fast way must agree with. */
export function fullReparseSlotAt(document: SourceDocument, offset: number): StatusSlot | undefined {
  const query = placeholderAt(document, offset);
  return query && slotOf(query, analyzeDocument(query.virtual, document.language, document.options).sites);
}

/** The text with a placeholder code where the user is typing one, and where. */
interface PlaceholderQuery {
  /** The digits typed so far: [start, end) of the document's text, replaced by the placeholder. */
  start: number;
  end: number;
  virtual: string;
  /** From the document's text to `virtual`. */
  change: TextChange;
}

function placeholderAt(document: SourceDocument, offset: number, unread = false): PlaceholderQuery | undefined {
  const { text, language } = document;
  // Unread: only what the version's size and bytes say (the scan refuses text too deep, and the full parse answers).
  if (unread ? skipReason(text, document.options.maxChars) : document.facts.skipped) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const typedEnd = offset + (/^\d*/.exec(text.slice(offset))?.[0].length ?? 0);
  let digitsStart: number;
  // The placeholder, and what else must change for the parser, replaces [digitsStart, replacedEnd) of the text.
  let middle = PLACEHOLDER;
  let replacedEnd = typedEnd;
  if (language === 'yaml') {
    const key = YAML_KEY.exec(before);
    const value = key ? undefined : YAML_VALUE.exec(before);
    if (!key && !value) return undefined;
    digitsStart = offset - (key ? key[3] : value![1]).length;
    if (key) {
      // A key being typed on its own line: make it a whole key for the parser.
      const lineEnd = text.indexOf('\n', typedEnd);
      const restEnd = lineEnd === -1 ? text.length : lineEnd;
      if (!text.slice(typedEnd, restEnd).includes(':')) {
        middle = `${PLACEHOLDER}${key[2]}: {}`;
        replacedEnd = restEnd;
      }
    }
  } else {
    const match = TS_BEFORE.exec(before);
    if (!match) return undefined;
    digitsStart = offset - match[1].length;
  }
  const virtual = text.slice(0, digitsStart) + middle + text.slice(replacedEnd);
  const change = { start: digitsStart, oldEnd: replacedEnd, newEnd: digitsStart + middle.length };
  return { start: digitsStart, end: typedEnd, virtual, change };
}

function slotOf(query: PlaceholderQuery, sites: readonly Site[]): StatusSlot | undefined {
  const { start } = query;
  const site = sites.find((candidate) => candidate.code === Number(PLACEHOLDER) && candidate.start <= start && start + PLACEHOLDER.length <= candidate.end);
  return site && site.form.kind !== 'implicit' ? { start, end: query.end, site } : undefined;
}

/** The documented codes in the order to offer them: the method's documented success code first, then by code. */
export function completionOrder(table: StatusTable, site: Site): StatusEntry[] {
  const preferred = site.method ? documentedSuccess(site.method, table) : undefined;
  return [...table.entries.values()].sort((a, b) => Number(b.code === preferred) - Number(a.code === preferred) || a.code - b.code);
}
