// Long jobs (scan, normalize) report progress through a callback and stop when their AbortSignal fires.
export type ProgressSink<P> = (progress: P) => void;

/** Calls `sink` at most every `intervalMs`, plus a final flush, so hot loops can report cheaply. */
export function throttle<P>(sink: ProgressSink<P> | undefined, intervalMs = 100): { report: ProgressSink<P>; flush: () => void } {
  let last = 0;
  let pending: P | undefined;
  return {
    report(p) {
      pending = p;
      const now = Date.now();
      if (sink && now - last >= intervalMs) {
        last = now;
        sink(p);
        pending = undefined;
      }
    },
    flush() {
      if (sink && pending !== undefined) sink(pending);
      pending = undefined;
    },
  };
}
