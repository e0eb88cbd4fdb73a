import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** V8's full collector, reached without starting Node with --expose-gc (null when unavailable). */
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  collect = (globalThis as { gc?: () => void }).gc ?? null;
  if (!collect) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
      setFlagsFromString('--no-expose-gc');
    } catch {
      collect = null;
    }
  }
  return collect;
}

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/**
 * Keeps a long export's garbage from floating the process's memory. A streamed export holds little
 * (one FETCH batch, the writer's buffers), but it allocates a lot, and V8 lets dead objects pile up
 * to twice the heap or more before a full collection: over 100 000 rows the API peaked at ~370 MB
 * although its live heap stayed under 80 MB (bench/results/exports-100k.md). `check()` runs a full
 * collection when heap plus buffers have grown `slackBytes` past what was live when the export
 * started (measured after one collection) — a few pauses of tens of milliseconds per 100 000 rows.
 */
export class GarbageBound {
  private readonly start: number;

  constructor(private readonly slackBytes = 48 << 20) {
    collector()?.();
    this.start = used();
  }

  check(): void {
    if (used() - this.start > this.slackBytes) collector()?.();
  }
}
