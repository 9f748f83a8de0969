/** A seeded pseudo-random source (mulberry32): the same seed gives the same corpus, byte for byte, on any machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const NOUNS = [
  'order',
  'invoice',
  'customer',
  'product',
  'shipment',
  'payment',
  'refund',
  'account',
  'session',
  'ticket',
  'review',
  'coupon',
  'warehouse',
  'supplier',
  'report',
  'subscription',
  'device',
  'message',
  'team',
  'project',
];
const WORDS = [
  'the',
  'a',
  'record',
  'is',
  'returned',
  'when',
  'caller',
  'has',
  'access',
  'to',
  'stored',
  'value',
  'field',
  'list',
  'of',
  'items',
  'for',
  'current',
  'tenant',
  'with',
  'pagination',
  'and',
  'filters',
  'applied',
  'by',
  'server',
  'updated',
  'created',
  'removed',
  'after',
  'validation',
  'request',
  'body',
  'must',
  'contain',
];

/** A resource name, unique per index: order, invoice, …, order2, invoice2, … */
export function nounOf(index: number): string {
  const base = NOUNS[index % NOUNS.length];
  const round = Math.floor(index / NOUNS.length);
  return round === 0 ? base : `${base}${round + 1}`;
}

/** A sentence of plain words, for descriptions and comments. */
export function sentence(random: Random, min: number, max: number): string {
  const words: string[] = [];
  for (let i = random.int(min, max); i > 0; i--) words.push(random.pick(WORDS));
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export function capitalize(word: string): string {
  return `${word[0].toUpperCase()}${word.slice(1)}`;
}
