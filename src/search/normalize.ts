/**
 * Arabic-aware normalization for search. Readers and editors type the same word
 * many ways: with or without hamza (أ إ آ ٱ ا), ة or ه, ى or ي, ؤ/ئ or و/ي, with
 * or without diacritics and tatweel, Arabic-Indic or ASCII digits. The same
 * function is applied to what is stored and to the query, so they meet in the
 * middle. Output is lower-case letters and digits separated by single spaces.
 */

const LETTER_MAP: Record<string, string> = {
  '\u0622': '\u0627', // آ -> ا
  '\u0623': '\u0627', // أ -> ا
  '\u0625': '\u0627', // إ -> ا
  '\u0671': '\u0627', // ٱ -> ا
  '\u0629': '\u0647', // ة -> ه
  '\u0649': '\u064A', // ى -> ي
  '\u0624': '\u0648', // ؤ -> و
  '\u0626': '\u064A', // ئ -> ي
  '\u06CC': '\u064A', // Persian ی -> ي
  '\u06A9': '\u0643', // Persian ک -> ك
};

const TATWEEL = '\u0640';
const MARK = /\p{M}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function digitValue(char: string): string | null {
  const code = char.codePointAt(0) as number;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660); // Arabic-Indic ٠-٩
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0); // Extended (Persian) ۰-۹
  return null;
}

/** One source character, normalized: '' (dropped), ' ' (separator) or letters and digits. */
function normalizeChar(char: string): string {
  const digit = digitValue(char);
  if (digit !== null) return digit;
  if (char === TATWEEL) return '';
  let out = '';
  // NFKD splits presentation forms (ﻻ) and precomposed letters (أ = ا + hamza above, é = e + accent).
  for (const part of char.normalize('NFKD')) {
    if (MARK.test(part)) continue; // tashkeel, hamza/madda marks, Latin accents
    const mapped = LETTER_MAP[part] ?? part;
    out += WORD_CHAR.test(mapped) ? mapped.toLowerCase() : ' ';
  }
  // A character that decomposed to nothing but marks (a lone diacritic) disappears.
  return out;
}

/**
 * normalizeChar() per distinct character: its NFKD split and Unicode-property tests are most of
 * what indexing an article costs, and a text repeats a few dozen characters thousands of times.
 * Bounded, because a hostile text can hold any number of distinct astral characters.
 */
const normalizedChars = new Map<string, string>();
const MAX_REMEMBERED_CHARS = 20_000;

function normalizedChar(char: string): string {
  let out = normalizedChars.get(char);
  if (out === undefined) {
    out = normalizeChar(char);
    if (normalizedChars.size < MAX_REMEMBERED_CHARS) normalizedChars.set(char, out);
  }
  return out;
}

export interface NormalizedText {
  normalized: string;
  /** For each character of `normalized`, the index in the source string it came from. */
  sourceIndex: number[];
}

/** Normalizes and keeps where each output character (UTF-16 unit) came from, so snippets can quote the original text. */
export function normalizeWithMap(text: string): NormalizedText {
  let normalized = '';
  const sourceIndex: number[] = [];
  let index = 0;
  for (const char of text) {
    for (const out of normalizedChar(char)) {
      const isSpace = out === ' ';
      if (isSpace && (normalized === '' || normalized.endsWith(' '))) continue;
      normalized += out;
      // One entry per UTF-16 unit, so indexes line up with string offsets even for astral characters.
      for (let unit = 0; unit < out.length; unit++) sourceIndex.push(index);
    }
    index += char.length;
  }
  if (normalized.endsWith(' ')) {
    normalized = normalized.slice(0, -1);
    sourceIndex.pop();
  }
  return { normalized, sourceIndex };
}

/** normalizeWithMap(text).normalized, without the map: what indexing and queries need. */
export function normalizeSearchText(text: string): string {
  let normalized = '';
  // A separator is written only once a letter or digit follows it: none leading, trailing or doubled.
  let separator = false;
  for (const char of text) {
    const out = normalizedChar(char);
    if (out === '') continue;
    if (out === ' ') {
      separator = normalized !== '';
      continue;
    }
    if (!out.includes(' ')) {
      if (separator) normalized += ' ';
      separator = false;
      normalized += out;
      continue;
    }
    for (const part of out) {
      if (part === ' ') {
        separator = normalized !== '';
      } else {
        if (separator) normalized += ' ';
        separator = false;
        normalized += part;
      }
    }
  }
  return normalized;
}

/** The normalized words of a query, duplicates removed, in order. */
export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      normalizeSearchText(query)
        .split(' ')
        .filter((term) => term !== ''),
    ),
  ];
}
