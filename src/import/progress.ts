/**
 * The import's progress, as plain lines (a log, a pipe, CI) and as the figures the
 * terminal's bar shows. Pure: the CLI feeds it counts and times.
 */
export interface ProgressState {
  /** Bundles read so far (good and bad). */
  bundles: number;
  bad: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
}

/** Bundles per second so far. */
export function rate(state: Pick<ProgressState, 'bundles' | 'elapsedMs'>): number {
  return state.elapsedMs > 0 ? (state.bundles * 1000) / state.elapsedMs : 0;
}

/** Seconds left, from the share of the file read so far; null until something was read. */
export function etaSeconds(state: ProgressState): number | null {
  if (state.bytesRead <= 0 || state.elapsedMs <= 0) return null;
  const left = Math.max(0, state.totalBytes - state.bytesRead);
  return Math.round(((state.elapsedMs / 1000) * left) / state.bytesRead);
}

/** 75 s → "1m15s"; 3,725 s → "1h02m". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

export function progressLine(state: ProgressState): string {
  const percent = state.totalBytes > 0 ? Math.min(100, Math.floor((state.bytesRead * 100) / state.totalBytes)) : 100;
  const eta = etaSeconds(state);
  return (
    `import: ${percent}% ${state.bundles} bundles` +
    (state.bad > 0 ? ` (${state.bad} bad)` : '') +
    `, ${rate(state).toFixed(1)} bundles/s` +
    (eta === null ? '' : `, ETA ${formatDuration(eta)}`)
  );
}
