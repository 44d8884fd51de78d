import { DEFAULT_BATCH, parseImportArgs } from './args';

describe('parseImportArgs', () => {
  it('takes one file, --stop-on-error and --batch', () => {
    expect(parseImportArgs(['--', 'a.ndjson'])).toEqual({ file: 'a.ndjson', stopOnError: false, batch: DEFAULT_BATCH });
    expect(parseImportArgs(['--stop-on-error', '--batch', '50', 'a.ndjson'])).toEqual({ file: 'a.ndjson', stopOnError: true, batch: 50 });
    expect(parseImportArgs(['--batch=7', 'a.ndjson'])).toMatchObject({ batch: 7 });
  });

  it('says what is wrong', () => {
    expect(parseImportArgs([])).toBe('name the NDJSON file to import');
    expect(parseImportArgs(['a', 'b'])).toBe('name one NDJSON file');
    expect(parseImportArgs(['--batch', '0', 'a'])).toBe('--batch must be a whole number from 1 to 5000');
    expect(parseImportArgs(['--force', 'a'])).toBe('unknown option --force');
  });
});
