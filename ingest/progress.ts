/**
 * Progress of an ingest run: a redrawn bar with docs/s and ETA on a terminal, plain log
 * lines (every `every` documents) otherwise, so CI logs stay readable.
 */
export interface ProgressSink {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream | NodeJS.WritableStream, options: { tty: boolean; every?: number; prefix?: string }): ProgressSink {
  const startedAt = performance.now();
  const every = options.every ?? 100;
  const prefix = options.prefix ?? 'ingest';
  let lastDrawn = 0;
  const rate = (done: number) => done / Math.max((performance.now() - startedAt) / 1000, 1e-3);
  return {
    update(done, total, label) {
      const perSecond = rate(done);
      const eta = perSecond > 0 ? Math.max(0, (total - done) / perSecond) : 0;
      if (options.tty) {
        const now = performance.now();
        if (now - lastDrawn < 100 && done < total) return;
        lastDrawn = now;
        const width = 28;
        const filled = total > 0 ? Math.round((done / total) * width) : width;
        const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
        stream.write(`\r${prefix} ${bar} ${done}/${total} ${perSecond.toFixed(1)} docs/s ETA ${eta.toFixed(0)}s ${label.slice(0, 40).padEnd(40)}`);
      } else if (done % every === 0 || done === total) {
        stream.write(`${prefix}: ${done}/${total} documents, ${perSecond.toFixed(1)} docs/s, ETA ${eta.toFixed(0)}s\n`);
      }
    },
    finish() {
      if (options.tty) stream.write('\n');
    },
  };
}
