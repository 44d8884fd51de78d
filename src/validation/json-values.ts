import { z } from 'zod';
import { expected, problem, type Problem, type Segment } from './problems';
import { textProblem } from './values';

/**
 * JSON and blocks values. Any JSON value must be storable as it is (PostgreSQL's
 * jsonb refuses NUL characters); a blocks value must be a list of the blocks Strapi's
 * editor writes, with the types it expects (Strapi would cast `"2"` to a heading
 * level, or turn a string into null without a word); and a JSON attribute with a
 * declared shape must have that shape.
 */

/** Strings, keys and numbers that jsonb stores unchanged. */
export function storableJsonProblems(value: unknown, path: Segment[], out: Problem[] = [], depth = 0): Problem[] {
  if (out.length >= 5) return out;
  if (depth > 64) {
    out.push(problem(path, 'JSON nested more than 64 levels deep'));
    return out;
  }
  if (typeof value === 'string') {
    const wrong = textProblem(value);
    if (wrong) out.push(expected(path, wrong, value));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(expected(path, 'a finite number', value));
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => storableJsonProblems(item, [...path, i], out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const wrong = textProblem(key);
      if (wrong) out.push(expected([...path, key], `a key of ${wrong}`, key));
      storableJsonProblems(inner, [...path, key], out, depth + 1);
    }
  } else if (value !== null && typeof value !== 'boolean') {
    out.push(expected(path, 'a JSON value', value));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// blocks: the node types of Strapi's blocks editor (its own validator, made strict about types)

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'ftp:', 'mailto:', 'tel:']);
const validLink = (url: string) => {
  try {
    return LINK_PROTOCOLS.has(new URL(url.startsWith('/') ? `https://site.invalid${url}` : url).protocol);
  } catch {
    return false;
  }
};

const textNode = z
  .object({
    type: z.literal('text'),
    text: z.string(),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    underline: z.boolean().optional(),
    strikethrough: z.boolean().optional(),
    code: z.boolean().optional(),
  })
  .passthrough();
const linkNode = z
  .object({
    type: z.literal('link'),
    url: z.string().refine(validLink, { message: 'a link with http, https, ftp, mailto or tel, or a path starting with /' }),
    children: z.array(textNode),
  })
  .passthrough();
const inlineNode = z.discriminatedUnion('type', [textNode, linkNode]);
const inlineChildren = z.array(inlineNode).min(1);

const listItem = z.object({ type: z.literal('list-item'), children: z.array(inlineNode) }).passthrough();
type ListNode = { type: 'list'; format: 'ordered' | 'unordered'; children: Array<ListNode | z.infer<typeof listItem>> };
const listNode: z.ZodType<ListNode> = z.lazy(() =>
  z
    .object({
      type: z.literal('list'),
      format: z.enum(['ordered', 'unordered']),
      indentLevel: z.number().int().min(0).optional(),
      children: z.array(z.union([listItem, listNode])).min(1),
    })
    .passthrough(),
);

const imageNode = z
  .object({
    type: z.literal('image'),
    image: z
      .object({
        name: z.string(),
        url: z.string(),
        width: z.number(),
        height: z.number(),
        hash: z.string(),
        ext: z.string(),
        mime: z.string(),
        size: z.number(),
        provider: z.string(),
        alternativeText: z.string().nullable().optional(),
        caption: z.string().nullable().optional(),
      })
      .passthrough(),
    children: z.array(inlineNode),
  })
  .passthrough();

const blockNode = z.union([
  z.object({ type: z.literal('paragraph'), children: inlineChildren }).passthrough(),
  z
    .object({
      type: z.literal('heading'),
      level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
      children: inlineChildren,
    })
    .passthrough(),
  z.object({ type: z.literal('quote'), children: inlineChildren }).passthrough(),
  z.object({ type: z.literal('code'), language: z.string().nullable().optional(), children: z.array(textNode).min(1) }).passthrough(),
  listNode,
  imageNode,
]);

const BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'code', 'list', 'image'];

const valueAt = (value: unknown, path: Array<string | number>): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), value);

/** zod's issues, said the way the rest of the validator says them. */
function fromZod(error: z.ZodError, path: Segment[], value: unknown): Problem[] {
  return error.issues.slice(0, 5).map((issue) => {
    const at = [...path, ...issue.path];
    const got = valueAt(value, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        return expected(at, issue.expected === 'array' ? 'a list' : issue.expected, got);
      case 'invalid_literal':
        return expected(at, JSON.stringify(issue.expected), got);
      case 'invalid_union_discriminator':
        return expected(at, `a node of type ${issue.options.map(String).join(', ')}`, got);
      case 'invalid_union':
        return expected(at, `a block of type ${BLOCK_TYPES.join(', ')} with its required fields`, got);
      case 'invalid_enum_value':
        return expected(at, `one of ${issue.options.map((o) => JSON.stringify(o)).join(', ')}`, got);
      case 'too_small':
        return expected(at, issue.type === 'array' ? `at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}` : issue.message, got);
      default:
        return expected(at, issue.message, got);
    }
  });
}

export function blocksProblems(value: unknown, path: Segment[]): Problem[] {
  if (!Array.isArray(value))
    return [expected(path, 'a list of blocks, such as [{ "type": "paragraph", "children": [{ "type": "text", "text": "…" }] }]', value)];
  const problems: Problem[] = [];
  value.forEach((node, i) => {
    const type = (node as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !BLOCK_TYPES.includes(type)) {
      problems.push(expected([...path, i, 'type'], `a block type: ${BLOCK_TYPES.join(', ')}`, type));
      return;
    }
    const parsed = blockNode.safeParse(node);
    if (!parsed.success) problems.push(...fromZod(parsed.error, [...path, i], node));
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// declared shapes of JSON attributes

/** Written by locale sync (src/domain/locale-sync/plan.ts, TranslationGap), never by clients. */
const translationGaps = {
  shape: z.array(z.object({ field: z.string(), documentId: z.string(), label: z.string(), locale: z.string() }).strict()),
  describe: 'a list of translation gaps { field, documentId, label, locale }',
};

/**
 * The shape of every JSON attribute of the public types, by uid and attribute. A JSON
 * attribute without a declared shape is refused by a unit test, so a new one cannot
 * be added without saying what it holds.
 */
export const JSON_SHAPES: Record<string, Record<string, { shape: z.ZodTypeAny; describe: string }>> = {
  'api::person.person': {
    aliases: {
      shape: z.array(z.string().min(1).max(200)).max(100),
      describe: 'a list of up to 100 names (non-empty strings of at most 200 characters)',
    },
  },
  'api::article.article': { translationGaps },
  'api::quote.quote': { translationGaps },
};

export function jsonShapeProblems(uid: string, attribute: string, value: unknown, path: Segment[]): Problem[] {
  const declared = JSON_SHAPES[uid]?.[attribute];
  if (!declared || value === null) return [];
  const parsed = declared.shape.safeParse(value);
  if (parsed.success) return [];
  const issue = parsed.error.issues[0]!;
  if (issue.path.length === 0) return [expected(path, declared.describe, value)];
  return [expected([...path, ...issue.path], `an item of ${declared.describe}`, valueAt(value, issue.path))];
}
