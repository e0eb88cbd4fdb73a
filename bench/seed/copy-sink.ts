import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';

/** A PostgreSQL text[] value (plain arrays and objects are written as JSON, for jsonb columns). */
export class TextArray {
  constructor(readonly items: readonly string[]) {}
}

/** A value as PostgreSQL's COPY text format wants it. */
export type CopyValue = string | number | boolean | Date | Buffer | null | undefined | TextArray | Record<string, unknown> | unknown[];

const NEEDS_ESCAPE = /[\\\t\n\r]/;

function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : text;
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${String(item).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

const dayPrefixes = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD HH:MM:SS.mmm+00`, like toISOString but with the date part cached (timestamps dominate the rows). */
export function formatTimestamp(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 10) + ' ';
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}+00`;
}

export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return escapeText(value);
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (value instanceof Date) return formatTimestamp(value.getTime());
      // bytea in hex form; the backslash itself is escaped in COPY's text format.
      if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
      if (value instanceof TextArray) return escapeText(arrayLiteral(value.items));
      return escapeText(JSON.stringify(value));
  }
}

/**
 * `COPY table (columns) FROM STDIN` on one connection, or on several side by side for a big table
 * (whole chunks of rows go to each in turn, so PostgreSQL parses them on more than one core). Rows
 * are encoded straight into large byte chunks (no per-row strings or joins: at tens of millions of
 * rows the garbage was a fifth of the generator's time); `drained()` lets the producer wait when
 * PostgreSQL falls behind, so memory stays flat.
 */
export class CopyStream {
  private chunk: Buffer;
  private used = 0;
  private readonly streams: Writable[] = [];
  private next = 0;
  private finished: Array<Promise<void>> = [];
  private readonly waiting = new Set<Promise<void>>();
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    private readonly clients: readonly Client[],
    private readonly chunkBytes = 1 << 19,
  ) {
    this.chunk = Buffer.allocUnsafe(chunkBytes);
  }

  start(): void {
    const columnList = this.columns.map((c) => `"${c}"`).join(', ');
    for (const client of this.clients) {
      const stream = client.query(copyFrom(`COPY "${this.table}" (${columnList}) FROM STDIN`));
      const finished = new Promise<void>((resolve, reject) => {
        stream.on('finish', () => resolve());
        stream.on('error', reject);
      });
      // Surface a COPY error at once (e.g. a column the schema no longer has) rather than at the end.
      finished.catch(() => undefined);
      this.streams.push(stream);
      this.finished.push(finished);
    }
  }

  row(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    let rowStart = this.used;
    for (let i = 0; i < values.length; i++) {
      const text = copyField(values[i]);
      // A UTF-16 unit is at most 3 bytes of UTF-8; one more for the tab or newline after it.
      const need = 3 * text.length + 1;
      if (this.used + need > this.chunk.length) {
        this.flush(rowStart);
        rowStart = 0;
        if (this.used + need > this.chunk.length) {
          const bigger = Buffer.allocUnsafe(this.used + need);
          this.chunk.copy(bigger, 0, 0, this.used);
          this.chunk = bigger;
        }
      }
      this.used += this.chunk.write(text, this.used, 'utf8');
      this.chunk[this.used++] = i === values.length - 1 ? 0x0a : 0x09;
    }
    this.rows++;
  }

  /** Sends the whole rows before `upTo` to the next connection; the row begun after it moves to a fresh chunk. */
  private flush(upTo = this.used): void {
    const fresh = Buffer.allocUnsafe(this.chunkBytes);
    const carried = this.used - upTo;
    if (carried) this.chunk.copy(fresh, 0, upTo, this.used);
    const full = this.chunk.subarray(0, upTo);
    this.chunk = fresh;
    this.used = carried;
    if (!upTo) return;
    const stream = this.streams[this.next];
    this.next = (this.next + 1) % this.streams.length;
    if (!stream.write(full)) {
      const drained = new Promise<void>((resolve, reject) => {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }).finally(() => this.waiting.delete(drained));
      this.waiting.add(drained);
    }
  }

  /** Resolves when PostgreSQL has taken what was written so far (or at once when it keeps up). */
  drained(): Promise<void> {
    return this.waiting.size ? Promise.all(this.waiting).then(() => undefined) : Promise.resolve();
  }

  async end(): Promise<void> {
    this.flush();
    for (const stream of this.streams) stream.end();
    await Promise.all(this.finished);
  }
}
