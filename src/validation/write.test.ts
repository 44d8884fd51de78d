import fc from 'fast-check';
import { CONTENT_TYPES } from '../content-types';
import { JSON_SHAPES } from './json-values';
import { buildModels } from './model';
import { THING_MODELS } from './models.fixture';
import { dottedPath, summarize } from './problems';
import { locateMissingReference } from './missing-references';
import { droppedKeyProblems, writeValueProblems } from './write';

const UID = 'api::thing.thing';
const values = (data: Record<string, unknown>) => summarize(writeValueProblems(THING_MODELS, UID, data), dottedPath);
const dropped = (data: Record<string, unknown>) => summarize(droppedKeyProblems(THING_MODELS, UID, data), dottedPath);

const PARAGRAPH = { type: 'paragraph', children: [{ type: 'text', text: 'نص' }] };

describe('write values', () => {
  it('accepts values of the right type in every documented form', () => {
    const valid: Array<Record<string, unknown>> = [
      { count: 3, big: '9007199254740993', price: 2100.5, ratio: 0.1, day: '2026-11-30', at: '2026-11-30T10:00:00.000Z', clock: '10:00:00', flag: false },
      { kind: 'alpha', title: 'ع'.repeat(255), body: 'x', slug: 'a-b', mail: 'a@b.org', rich: '# x' },
      { meta: { any: ['json', 1, true, null] }, content: [PARAGRAPH] },
      {
        content: [
          { type: 'heading', level: 2, children: [{ type: 'text', text: 'h', bold: true }] },
          {
            type: 'list',
            format: 'ordered',
            indentLevel: 0,
            children: [{ type: 'list-item', children: [{ type: 'link', url: 'https://x.org', children: [{ type: 'text', text: 'x' }] }] }],
          },
        ],
      },
      { content: [], meta: null, title: null, count: null },
      { owner: 'doc1', tags: ['doc1', 'doc2'], image: 5 },
      {
        owner: { documentId: 'doc1', locale: 'en', status: 'draft' },
        tags: { connect: ['a', { documentId: 'b', position: { before: 'a' } }], disconnect: [{ id: 3, documentId: 'c' }] },
      },
      { tags: { set: [] }, owner: { set: ['x'] }, image: { id: 5 } },
      {
        parts: [
          { value: 2100, label: 'shipments' },
          { id: 4, value: 1, __temp_key__: 'a1' },
        ],
        zone: [{ __component: 'demo.part', value: 1 }],
      },
      { unknownToTheModel: 'left to the content API' },
      // Strapi's own: the admin panel sends the creator as a row id.
      { createdBy: 1, updatedBy: 1, createdAt: new Date(), publishedAt: null, locale: 'ar', localizations: [] },
    ];
    for (const data of valid) expect({ data, problem: values(data) }).toEqual({ data, problem: '' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a list of strings that is a string', { meta: 'x\u0000' }, 'data.meta: expected text without NUL characters, got "x\\u0000"'],
    [
      'text for blocks',
      { content: 'not blocks' },
      'data.content: expected a list of blocks, such as [{ "type": "paragraph", "children": [{ "type": "text", "text": "…" }] }], got "not blocks"',
    ],
    [
      'a single block object',
      { content: PARAGRAPH },
      'data.content: expected a list of blocks, such as [{ "type": "paragraph", "children": [{ "type": "text", "text": "…" }] }], got an object',
    ],
    [
      'an unknown block type',
      { content: [{ type: 'video' }] },
      'data.content[0].type: expected a block type: paragraph, heading, quote, code, list, image, got "video"',
    ],
    [
      'a heading level as text',
      { content: [{ type: 'heading', level: '2', children: [{ type: 'text', text: 'h' }] }] },
      'data.content[0]: expected a block of type paragraph, heading, quote, code, list, image with its required fields, got an object',
    ],
    ['an empty paragraph', { content: [{ type: 'paragraph', children: [] }] }, 'data.content[0].children: expected at least 1 item, got an empty list'],
    [
      'a NUL inside blocks',
      { content: [{ type: 'paragraph', children: [{ type: 'text', text: 'a\u0000' }] }] },
      'data.content[0].children[0].text: expected text without NUL characters, got "a\\u0000"',
    ],
    ['an integer as text', { count: '3' }, 'data.count: expected an integer, got "3"'],
    ['an integer below the schema minimum', { count: 0 }, 'data.count: expected an integer from 1 to 2147483647, got 0'],
    ['a decimal the column would round', { price: 1.005 }, 'data.price: expected a number with at most 2 decimals, got 1.005'],
    ['a decimal the column cannot hold', { price: 1e9 }, 'data.price: expected a number between -99999999.99 and 99999999.99, got 1000000000'],
    ['a date with a time', { day: '2026-11-30T10:00:00Z' }, 'data.day: expected a calendar date as YYYY-MM-DD, got "2026-11-30T10:00:00Z"'],
    ['a boolean as text', { flag: 'true' }, 'data.flag: expected true or false, got "true"'],
    [
      'a string over the column size',
      { title: 'x'.repeat(256) },
      'data.title: expected text of at most 255 characters, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"',
    ],
    ['a NUL in text', { body: 'a\u0000b' }, 'data.body: expected text without NUL characters, got "a\\u0000b"'],
    ['a lone surrogate', { title: 'a\ud800' }, 'data.title: expected well-formed Unicode text, got "a\\ud800"'],
    ['a number for text', { title: 42 }, 'data.title: expected text, got 42'],
    ['a repeatable component that is not a list', { parts: { value: 1 } }, 'data.parts: expected a list of Part entries, got an object'],
    ['a bad value inside a component', { parts: [{ value: '1' }] }, 'data.parts[0].value: expected a number, got "1"'],
    ['a component entry that is not an object', { parts: ['x'] }, 'data.parts[0]: expected a Part entry (an object), got "x"'],
    ['an unknown dynamic zone component', { zone: [{ __component: 'demo.nope' }] }, 'data.zone[0].__component: expected one of demo.part, got "demo.nope"'],
    ['a relation given a boolean', { owner: true }, 'data.owner: expected a documentId, or { documentId, locale, status, position }, got true'],
    [
      'a relation given a row id',
      { owner: 3 },
      'data.owner: expected a documentId (a row id names one version in one locale, so documents are linked by documentId), got 3',
    ],
    [
      'a relation given { id } alone',
      { tags: [{ id: 3 }] },
      'data.tags[0].id: expected a documentId (a row id names one version in one locale, so documents are linked by documentId), got 3',
    ],
    ['an empty documentId', { tags: [''] }, 'data.tags[0]: expected a documentId, got ""'],
    [
      'a documentId with a NUL byte',
      { owner: { documentId: 'a\u0000' } },
      'data.owner.documentId: expected a documentId (text without NUL characters), got "a\\u0000"',
    ],
    ['two documents for a to-one relation', { owner: ['a', 'b'] }, 'data.owner: expected one related document (owner holds one), got a list of 2'],
    [
      'set with connect',
      { tags: { set: ['a'], connect: ['b'] } },
      'data.tags: set replaces the whole relation; it cannot be combined with connect or disconnect',
    ],
    [
      'an object that is no relation form',
      { tags: { add: ['a'] } },
      'data.tags: expected a documentId, a list of them, or { connect, disconnect, set }, got an object',
    ],
    ['a negative media id', { image: -1 }, 'data.image: expected a documentId or a file id from 1 to 2147483647, got -1'],
    [
      'a media id in digits past the id column',
      { image: '2147483648' },
      'data.image: expected a documentId or a file id from 1 to 2147483647, got "2147483648"',
    ],
    [
      'text Strapi would read as a row id',
      { owner: '2026-11-30T10:00:00Z' },
      'data.owner: expected a documentId (a row id names one version in one locale, so documents are linked by documentId), got "2026-11-30T10:00:00Z"',
    ],
    ['a media id past the id column', { image: 2147483648 }, 'data.image: expected a documentId or a file id from 1 to 2147483647, got 2147483648'],
  ])('refuses %s', (_label, data, message) => {
    expect(values(data)).toBe(message);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('count', 'meta', 'content', 'owner', 'tags', 'parts', 'zone', 'title', 'day', 'image'), fc.anything()),
        (data) => {
          writeValueProblems(THING_MODELS, UID, data);
          droppedKeyProblems(THING_MODELS, UID, data);
        },
      ),
      { numRuns: 2000, seed: 20261130 },
    );
  });
});

describe('keys the content API would drop without a word', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['a locale in data', { locale: 'en' }, 'data.locale: the locale of a write is the locale query parameter (?locale=en), not a field of data'],
    ['publishedAt in data', { publishedAt: null }, 'data.publishedAt: publishing is not a field: write with ?status=published (the default) or ?status=draft'],
    ['a private field', { note: 'x' }, 'data.note: "note" is not a field of Thing'],
    [
      'an unknown key in a relation reference',
      { tags: { connect: [{ documentId: 'a', bogus: 1 }] } },
      'data.tags.connect[0].bogus: "bogus" is not part of a relation reference; use documentId, locale, status or position',
    ],
    ['an unknown relation operation', { tags: { add: ['a'] } }, 'data.tags.add: "add" is not a relation operation; use connect, disconnect or set'],
    [
      'an unknown position',
      { tags: { connect: [{ documentId: 'a', position: { middle: true } }] } },
      'data.tags.connect[0].position.middle: "middle" is not a position; use before, after, start or end',
    ],
  ])('refuses %s', (_label, data, message) => {
    expect(dropped(data)).toBe(message);
  });

  it('leaves everything else to the value checks', () => {
    expect(dropped({ title: 'x', owner: { documentId: 'a', locale: 'en' }, tags: { connect: ['a'], disconnect: [{ id: 1 }] } })).toBe('');
  });
});

describe('declared JSON shapes', () => {
  it('exist for every JSON attribute of every public type', () => {
    const undeclared = Object.entries(CONTENT_TYPES).flatMap(([uid, schema]) =>
      Object.entries(schema.attributes as Record<string, { type: string }>)
        .filter(([name, attribute]) => attribute.type === 'json' && !JSON_SHAPES[uid]?.[name])
        .map(([name]) => `${uid}.${name}`),
    );
    expect(undeclared).toEqual([]);
  });

  it('refuse a person whose aliases are not a list of names', () => {
    const models = buildModels([{ uid: 'api::person.person', info: { displayName: 'Person' }, attributes: CONTENT_TYPES['api::person.person'].attributes }]);
    const check = (aliases: unknown) => summarize(writeValueProblems(models, 'api::person.person', { aliases }), dottedPath);
    expect(check(['الأعرجي', 'Al-Araji'])).toBe('');
    expect(check('not a list')).toBe('data.aliases: expected a list of up to 100 names (non-empty strings of at most 200 characters), got "not a list"');
    expect(check(['ok', 3])).toBe('data.aliases[1]: expected an item of a list of up to 100 names (non-empty strings of at most 200 characters), got 3');
  });
});

describe("Strapi's refusal of a related document that does not exist", () => {
  const locate = (data: Record<string, unknown>, message: string) => {
    const found = locateMissingReference(THING_MODELS, UID, data, message);
    return found && `${dottedPath(found.path)}: ${found.message}`;
  };

  it('is given the field that named the document', () => {
    expect(locate({ tags: ['a', 'gone'] }, 'Document with id "gone", locale "en" not found')).toBe(
      'data.tags[1]: no Other with documentId "gone" in locale en',
    );
    expect(locate({ tags: { connect: [{ documentId: 'gone' }] } }, 'Document with id "gone", locale "null" not found')).toBe(
      'data.tags.connect[0]: no Other with documentId "gone"',
    );
    expect(locate({ image: 99 }, '1 relation(s) of type plugin::upload.file associated with this entity do not exist')).toBe(
      'data.image: 1 of the File references it holds do not exist',
    );
  });

  it('is left alone when no field named it', () => {
    expect(locate({ tags: ['a'] }, 'Document with id "gone", locale "en" not found')).toBeNull();
    expect(locate({ title: 'x' }, 'This attribute must be unique')).toBeNull();
  });
});
