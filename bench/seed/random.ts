/**
 * Deterministic pseudo-random numbers: the same `--seed` gives the same data set, run after run.
 * sfc32 is fast (no BigInt, no allocation) and good enough for synthetic data.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal (Box–Muller). */
  gaussian(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /** RFC 4122 version 4 UUID, like gen_random_uuid(). */
  uuid(): string {
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    const w = () => Math.floor(this.next() * 0x10000);
    return (
      hex(w(), 4) +
      hex(w(), 4) +
      '-' +
      hex(w(), 4) +
      '-' +
      hex(0x4000 | (w() & 0x0fff), 4) +
      '-' +
      hex(0x8000 | (w() & 0x3fff), 4) +
      '-' +
      hex(w(), 4) +
      hex(w(), 4) +
      hex(w(), 4)
    );
  }
}

/** A stable 32-bit hash of a string (FNV-1a), to derive per-entity generators from ids and codes. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Picks by weight from a prepared cumulative table (binary search). */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (!items.length || items.length !== weights.length) throw new Error('WeightedPicker needs one weight per item');
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += Math.max(0, w)));
    this.total = sum;
    if (!(sum > 0)) throw new Error('WeightedPicker needs a positive total weight');
  }

  pick(random: Random): T {
    const x = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}
