import { createReadStream } from 'fs';
import { createInterface } from 'readline';
import type { BatchItem } from '../domain/story-bundle/batch';
import { validateStoryBundle } from '../domain/story-bundle/validate';

/**
 * One line of an archive file: a story bundle as JSON (NDJSON: one bundle per line).
 * Blank lines are allowed and skipped, so a file may end with a newline or not.
 */
export interface NumberedLine {
  line: number;
  text: string;
  /** Bytes of the file up to and including this line's end, for the progress bar (a CRLF counts as one byte: close enough for an ETA). */
  bytesRead: number;
}

export type ParsedLine = { kind: 'blank' } | { kind: 'bundle'; item: BatchItem } | { kind: 'bad'; line: number; problems: string[] };

/** A line checked on its own: JSON, the bundle schema and the bundle's own rules. Slugs it uses are checked against the database later. */
export function parseLine({ line, text }: Pick<NumberedLine, 'line' | 'text'>): ParsedLine {
  if (text.trim() === '') return { kind: 'blank' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'bad', line, problems: [`is not valid JSON (${(error as Error).message})`] };
  }
  const result = validateStoryBundle(data);
  if (!result.ok) return { kind: 'bad', line, problems: result.problems };
  return { kind: 'bundle', item: { line, bundle: result.bundle, externalReferences: result.externalReferences } };
}

/** `line 17: article.headline.en: is required`, one per problem. */
export function describeBadLine(line: number, problems: readonly string[]): string[] {
  return problems.map((problem) => `line ${line}: ${problem}`);
}

/** The file's lines, streamed (an archive does not fit in memory), numbered from 1. */
export async function* readLines(file: string): AsyncGenerator<NumberedLine> {
  const input = createReadStream(file);
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let bytesRead = 0;
  try {
    for await (const text of reader) {
      line += 1;
      bytesRead += Buffer.byteLength(text, 'utf8') + 1;
      yield { line, text, bytesRead };
    }
  } finally {
    reader.close();
    input.destroy();
  }
}
