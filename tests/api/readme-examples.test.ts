import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import path from 'path';
import { baseUrl } from '../helpers/http';

/**
 * The README promises its API examples work as written. Each ```sh block of its
 * API section runs here against the booted app (localhost:1337 swapped for the
 * test port), must exit 0, and must print what its `# expect:` lines say.
 */
const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const apiSection = readme.slice(readme.indexOf('\n## API'), readme.indexOf('\n## Story bundles'));
const blocks = [...apiSection.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => b.includes('curl'));

function run(script: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-o', 'pipefail', '-ec', script], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe('README API examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it.each(blocks.map((block) => [block.split('\n')[0], block]))('%s', async (_title, block) => {
    const expectations = [...block.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1] as string);
    expect(expectations.length).toBeGreaterThan(0);
    const { code, output } = await run(block.replaceAll('http://localhost:1337', baseUrl()));
    expect({ code, output: output.slice(0, 500) }).toMatchObject({ code: 0 });
    for (const text of expectations) expect(output).toContain(text);
  });
});
