import type { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';

/** A PostgreSQL text[] value (plain arrays and objects are written as JSON, for jsonb columns). */
export class TextArray {
  constructor(readonly items: readonly string[]) {}
}

/** A value as PostgreSQL's COPY text format wants it. */
export type CopyValue = string | number | boolean | Date | null | undefined | TextArray | Record<string, unknown> | unknown[];

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
      if (value instanceof TextArray) return escapeText(arrayLiteral(value.items));
      return escapeText(JSON.stringify(value));
  }
}

/**
 * One `COPY table (columns) FROM STDIN` on its own connection. Rows are buffered into large
 * chunks; `drained()` lets the producer wait when PostgreSQL falls behind, so memory stays flat.
 */
export class CopyStream {
  private buffer: string[] = [];
  private bufferedChars = 0;
  private stream?: Writable;
  private finished?: Promise<void>;
  private waiting?: Promise<void>;
  rows = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
    private readonly client: Client,
    private readonly chunkChars = 1 << 18,
  ) {}

  start(): void {
    const columnList = this.columns.map((c) => `"${c}"`).join(', ');
    this.stream = this.client.query(copyFrom(`COPY "${this.table}" (${columnList}) FROM STDIN`));
    this.finished = new Promise((resolve, reject) => {
      this.stream?.on('finish', () => resolve());
      this.stream?.on('error', reject);
    });
    // Surface a COPY error at once (e.g. a column the schema no longer has) rather than at the end.
    this.finished.catch(() => undefined);
  }

  row(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyField(values[i]);
    line += '\n';
    this.buffer.push(line);
    this.bufferedChars += line.length;
    this.rows++;
    if (this.bufferedChars >= this.chunkChars) this.flush();
  }

  private flush(): void {
    if (!this.bufferedChars || !this.stream) return;
    const ok = this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.bufferedChars = 0;
    if (!ok && !this.waiting) {
      const stream = this.stream;
      this.waiting = new Promise<void>((resolve, reject) => {
        stream.once('drain', resolve);
        stream.once('error', reject);
      }).finally(() => (this.waiting = undefined));
    }
  }

  /** Resolves when PostgreSQL has taken what was written so far (or at once when it keeps up). */
  drained(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }

  async end(): Promise<void> {
    this.flush();
    this.stream?.end();
    await this.finished;
  }
}
