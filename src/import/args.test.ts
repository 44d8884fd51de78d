import { DEFAULT_BATCH, DEFAULT_PARALLEL, parseImportArgs } from './args';

describe('parseImportArgs', () => {
  it('takes one file, --stop-on-error, --batch and --parallel', () => {
    expect(parseImportArgs(['--', 'a.ndjson'])).toEqual({ file: 'a.ndjson', stopOnError: false, batch: DEFAULT_BATCH, parallel: DEFAULT_PARALLEL });
    expect(parseImportArgs(['--stop-on-error', '--batch', '50', '--parallel', '1', 'a.ndjson'])).toEqual({
      file: 'a.ndjson',
      stopOnError: true,
      batch: 50,
      parallel: 1,
    });
    expect(parseImportArgs(['--batch=7', 'a.ndjson'])).toMatchObject({ batch: 7 });
  });

  it('says what is wrong', () => {
    expect(parseImportArgs([])).toBe('name the NDJSON file to import');
    expect(parseImportArgs(['a', 'b'])).toBe('name one NDJSON file');
    expect(parseImportArgs(['--batch', '0', 'a'])).toBe('--batch must be a whole number from 1 to 5000');
    expect(parseImportArgs(['--parallel=5', 'a'])).toBe('--parallel must be a whole number from 1 to 4');
    expect(parseImportArgs(['--force', 'a'])).toBe('unknown option --force');
  });
});
