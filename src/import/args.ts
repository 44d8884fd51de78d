export interface ImportArgs {
  file: string;
  stopOnError: boolean;
  /** Bundles per transaction. */
  batch: number;
  /** Batches written at once (src/import/overlap.ts). */
  parallel: number;
}

export const DEFAULT_BATCH = 500;
export const DEFAULT_PARALLEL = 2;
export const USAGE = 'usage: npm run import -- [--no-compile] [--stop-on-error] [--batch N] [--parallel N] FILE.ndjson';

/** The CLI's arguments, or a message saying what is wrong with them. */
export function parseImportArgs(argv: readonly string[]): ImportArgs | string {
  const files: string[] = [];
  let stopOnError = false;
  let batch = DEFAULT_BATCH;
  let parallel = DEFAULT_PARALLEL;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg === '--stop-on-error') stopOnError = true;
    else if (arg === '--batch' || arg.startsWith('--batch=')) {
      const value = arg.includes('=') ? arg.slice('--batch='.length) : argv[++i];
      batch = Number(value);
      if (!Number.isInteger(batch) || batch < 1 || batch > 5000) return '--batch must be a whole number from 1 to 5000';
    } else if (arg === '--parallel' || arg.startsWith('--parallel=')) {
      parallel = Number(arg.includes('=') ? arg.slice('--parallel='.length) : argv[++i]);
      if (!Number.isInteger(parallel) || parallel < 1 || parallel > 4) return '--parallel must be a whole number from 1 to 4';
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else files.push(arg);
  }
  if (files.length !== 1) return files.length === 0 ? 'name the NDJSON file to import' : 'name one NDJSON file';
  return { file: files[0]!, stopOnError, batch, parallel };
}
