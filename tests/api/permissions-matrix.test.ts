import { writeFileSync } from 'fs';
import { api, bearer, graphql, tokens, type GraphqlBody } from '../helpers/http';
import { STORY_SLUG } from '../fixtures/story-000';
import {
  CALLERS,
  DESK_IN_ADMIN,
  DESK_ROLES,
  GRAPHQL_MATRIX,
  PUBLIC_WRITE_ROUTES,
  REST_MATRIX,
  type Caller,
  type GraphqlOutcome,
} from '../fixtures/permissions-matrix';

/**
 * Who may call what, for every route the app serves: the REST routes come from the
 * running app's router (the global setup lists them), the GraphQL operations from
 * its schema. A route or operation without an entry in tests/fixtures/permissions-matrix.ts
 * fails the first test, so nothing new ships without someone deciding who may call it.
 *
 * MATRIX_RECORD=<file> writes what was observed instead of only comparing, to help
 * write the entry for a new route (the entry is still a decision someone commits).
 */

const TYPES = { articles: 'article', people: 'person', organizations: 'organization', sources: 'source', quotes: 'quote' } as const;
type Plural = keyof typeof TYPES;
const PLURALS = Object.keys(TYPES) as Plural[];

let run = 0;
const unique = (label: string) => `matrix-${label}-${Date.now().toString(36)}-${(run += 1)}`;

let speakerId = '';
/** Minimal valid data per type; quotes must name a speaker (provenance rule). */
function dataFor(plural: Plural): Record<string, unknown> {
  const slug = unique(TYPES[plural]);
  switch (plural) {
    case 'articles':
      return { headline: `مادة اختبار الصلاحيات ${slug}`, slug };
    case 'people':
      return { name: `شخص ${slug}`, slug };
    case 'organizations':
      return { name: `منظمة ${slug}`, slug, kind: 'other' };
    case 'sources':
      return { name: `مصدر ${slug}`, slug, kind: 'website' };
    case 'quotes':
      return { text: `تصريح ${slug}`, slug, kind: 'direct', speaker: speakerId };
  }
}

const headersFor = (caller: Caller): Record<string, string> => {
  if (caller === 'public') return {};
  if (caller === 'readOnly') return bearer(tokens.readOnly());
  if (caller === 'fullAccess') return bearer(tokens.fullAccess());
  return bearer(tokens.editorSession());
};

async function createDoc(plural: Plural): Promise<string> {
  const res = await api()
    .post(`/api/${plural}`)
    .query({ locale: 'ar' })
    .set(bearer(tokens.fullAccess()))
    .send({ data: dataFor(plural) });
  if (res.status !== 201) throw new Error(`creating a ${plural} fixture answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.data.documentId as string;
}

const seeded: Partial<Record<Plural, string>> = {};
const created: Array<{ plural: Plural; documentId: string }> = [];
const record: Record<string, unknown> = {};

beforeAll(async () => {
  for (const plural of PLURALS) {
    const res = await api().get(`/api/${plural}`).query({ locale: 'ar', 'pagination[pageSize]': 1 }).expect(200);
    seeded[plural] = res.body.data[0].documentId;
  }
  speakerId = seeded.people!;
});

afterAll(async () => {
  // Some were deleted by the test itself (a 404 here); the rest would otherwise show up in other suites' lists.
  for (const { plural, documentId } of created) {
    await api().delete(`/api/${plural}/${documentId}`).query({ locale: 'ar' }).set(bearer(tokens.fullAccess()));
  }
  if (process.env.MATRIX_RECORD) writeFileSync(process.env.MATRIX_RECORD, JSON.stringify(record, null, 2));
});

const routes: string[] = JSON.parse(process.env.TEST_CONTENT_API_ROUTES ?? '[]');

describe('the permissions matrix', () => {
  it('lists the app’s routes, all of them and only them', () => {
    expect(routes.length).toBeGreaterThan(50);
    const listed = Object.keys(REST_MATRIX).filter((key) => !key.includes('?'));
    expect([...new Set(routes)].sort()).toEqual(listed.sort());
  });

  it('lists every GraphQL query and mutation, all of them and only them', async () => {
    const res = await graphql(`
      {
        __schema {
          queryType {
            fields {
              name
            }
          }
          mutationType {
            fields {
              name
            }
          }
        }
      }
    `).expect(200);
    const schema = res.body.data.__schema as { queryType: { fields: Array<{ name: string }> }; mutationType: { fields: Array<{ name: string }> } };
    const operations = [...schema.queryType.fields.map((f) => `query ${f.name}`), ...schema.mutationType.fields.map((f) => `mutation ${f.name}`)];
    expect(operations.sort()).toEqual(
      Object.keys(GRAPHQL_MATRIX)
        .filter((key) => !key.includes('('))
        .sort(),
    );
  });

  it('keeps writes away from the public and from read-only tokens', () => {
    for (const [route, expected] of Object.entries(REST_MATRIX)) {
      if (route.startsWith('GET ') || PUBLIC_WRITE_ROUTES.includes(route)) continue;
      expect({ route, public: expected.public < 300 }).toEqual({ route, public: false });
      expect({ route, readOnly: expected.readOnly < 300 }).toEqual({ route, readOnly: false });
    }
    for (const [operation, expected] of Object.entries(GRAPHQL_MATRIX)) {
      if (!operation.startsWith('mutation ') || PUBLIC_WRITE_ROUTES.includes(operation)) continue;
      expect({ operation, public: expected.public }).not.toEqual({ operation, public: 'ok' });
      expect({ operation, readOnly: expected.readOnly }).not.toEqual({ operation, readOnly: 'ok' });
    }
  });
});

/** The type a route belongs to, when it is one of the newsroom's five. */
const pluralOf = (path: string): Plural | null => {
  const match = /^\/api\/(articles|people|organizations|sources|quotes)(\/|$)/.exec(path);
  return match ? (match[1] as Plural) : null;
};

/** Path parameters: real documents for the newsroom's types, ids that match nothing elsewhere. */
async function requestFor(route: string) {
  const [method, target] = route.split(' ') as [string, string];
  const [pathTemplate, query] = target.split('?') as [string, string | undefined];
  const plural = pluralOf(pathTemplate);
  let documentId = plural ? seeded[plural]! : '999999';
  // Writes by the full-access token succeed, so they get a document of their own.
  if (plural && (method === 'PUT' || method === 'DELETE')) documentId = await ownDocument(plural);
  const path = pathTemplate
    .replace(':documentId', seeded.articles!)
    .replace(':slug', STORY_SLUG)
    .replace(':id', documentId)
    .replace(':uid', 'api::article.article')
    .replace(':provider', 'nowhere')
    .replace(':role', '999999')
    .replace(':sessionId', 'no-such-session')
    .replace(':locale', 'ar')
    .replace(':page', '1')
    .replace('(.*)', 'nowhere');
  const body = plural && (method === 'POST' || method === 'PUT') ? { data: dataFor(plural) } : {};
  return {
    method,
    path,
    query: { ...(plural && { locale: 'ar' }), ...(path === '/api/search' && { q: 'العراق' }), ...Object.fromEntries(new URLSearchParams(query ?? '')) },
    body,
  };
}

// The union, so a route missing from the matrix also fails here, with what it answered.
describe.each([...new Set([...routes, ...Object.keys(REST_MATRIX)])])('%s', (route) => {
  it.each(CALLERS)('answers %s as the matrix says', async (caller) => {
    const { method, path, query, body } = await requestFor(route);
    if (!process.env.MATRIX_RECORD) expect({ route, inMatrix: route in REST_MATRIX }).toEqual({ route, inMatrix: true });
    let req = api()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path).query(query).set(headersFor(caller));
    if (method === 'POST' || method === 'PUT') req = req.send(body);
    const res = await req;
    if (res.status === 201 && pluralOf(path)) created.push({ plural: pluralOf(path)!, documentId: res.body.data.documentId });
    record[`${route} ${caller}`] = res.status;
    expect({ route, caller, status: res.status }).toEqual({ route, caller, status: REST_MATRIX[route]?.[caller] });
    // Every refusal is a JSON error, never an HTML page or an empty body.
    if (res.status >= 400) expect(res.body).toMatchObject({ error: expect.anything() });
  });
});

/** A GraphQL type reference, three wrappers deep (enough for `[X!]!`). */
interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}
interface Field {
  name: string;
  args: Array<{ name: string; type: TypeRef }>;
  type: TypeRef;
}

const renderType = (t: TypeRef): string => (t.kind === 'NON_NULL' ? `${renderType(t.ofType!)}!` : t.kind === 'LIST' ? `[${renderType(t.ofType!)}]` : t.name!);
const leafKind = (t: TypeRef): string => (t.ofType ? leafKind(t.ofType) : t.kind);

let fields: Map<string, Field> | undefined;
/** Every query and mutation with its arguments and return type, from the schema itself. */
async function schemaFields(): Promise<Map<string, Field>> {
  if (fields) return fields;
  const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
  const field = `fields { name args { name type { ${typeRef} } } type { ${typeRef} } }`;
  const res = await graphql(`{ __schema { queryType { ${field} } mutationType { ${field} } } }`).expect(200);
  fields = new Map();
  for (const f of res.body.data.__schema.queryType.fields as Field[]) fields.set(`query ${f.name}`, f);
  for (const f of res.body.data.__schema.mutationType.fields as Field[]) fields.set(`mutation ${f.name}`, f);
  return fields;
}

const GRAPHQL_TYPES: Record<string, Plural> = { article: 'articles', person: 'people', organization: 'organizations', source: 'sources', quote: 'quotes' };
/** The newsroom type an operation is about: `article`, `createArticle`, `deletePerson`... */
const pluralOfField = (name: string): Plural | null => {
  const match = /^(?:create|update|delete)?(article|person|organization|source|quote)$/i.exec(name);
  return match ? GRAPHQL_TYPES[match[1]!.toLowerCase()]! : null;
};

/** A document the operation may change or delete: its own, so the seeded story stays intact. */
async function ownDocument(plural: Plural): Promise<string> {
  const documentId = await createDoc(plural);
  created.push({ plural, documentId });
  return documentId;
}

/** Values for the required arguments: real documents for the newsroom's types, harmless nonsense elsewhere. */
async function argumentsFor(name: string, field: Field): Promise<Record<string, unknown>> {
  const plural = pluralOfField(name);
  const values: Record<string, unknown> = {};
  for (const { name: arg, type } of field.args) {
    if (type.kind !== 'NON_NULL') continue;
    if (arg === 'documentId') values.documentId = !plural ? '999999' : /^(update|delete)/.test(name) ? await ownDocument(plural) : seeded[plural];
    else if (arg === 'data') values.data = plural ? dataFor(plural) : {};
    else if (arg === 'id') values.id = '999999';
    else if (arg === 'q') values.q = 'العراق';
    else if (arg === 'input' && name === 'login') values.input = { identifier: 'nobody@newsroom.test', password: 'not-the-password' };
    else if (arg === 'input') values.input = { username: unique('user'), email: `${unique('user')}@newsroom.test`, password: 'Correct-Horse-Battery-9' };
    else if (arg === 'email') values.email = 'nobody@newsroom.test';
    else values[arg] = 'not-a-real-value';
  }
  return values;
}

function classify(res: { status: number; body: GraphqlBody }): GraphqlOutcome {
  if (res.status >= 500) return `http ${res.status}`;
  // Strapi's authentication answers before GraphQL runs, in REST's error format.
  if (res.status === 401) return 'unauthorized';
  if (res.status === 403) return 'forbidden';
  const error = res.body.errors?.[0];
  if (!error) return 'ok';
  const code = error.extensions?.code ?? '';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code === 'UNAUTHENTICATED') return 'unauthorized';
  if (code === 'BAD_USER_INPUT') return 'invalid';
  if (code.includes('NOT_FOUND') || /not found/i.test(error.message)) return 'not found';
  return `error ${code || error.message}`;
}

describe.each(Object.keys(GRAPHQL_MATRIX))('GraphQL %s', (operation) => {
  it.each(CALLERS)('answers %s as the matrix says', async (caller) => {
    // `query articles (status: DRAFT)`: the same query asking for drafts.
    const [, kind, name, extra] = /^(query|mutation) (\w+)(?: \((.*)\))?$/.exec(operation) as unknown as [
      string,
      'query' | 'mutation',
      string,
      string | undefined,
    ];
    const field = (await schemaFields()).get(`${kind} ${name}`);
    expect({ operation, inSchema: field !== undefined }).toEqual({ operation, inSchema: true });
    const values = await argumentsFor(name, field!);
    const args = field!.args.filter((arg) => arg.name in values);
    const declarations = args.length ? ` (${args.map((arg) => `$${arg.name}: ${renderType(arg.type)}`).join(', ')})` : '';
    const passed = [...args.map((arg) => `${arg.name}: $${arg.name}`), ...(extra ? [extra] : [])];
    const call = passed.length ? `(${passed.join(', ')})` : '';
    const plural = pluralOfField(name);
    const creates = plural !== null && name.startsWith('create');
    const selection = leafKind(field!.type) !== 'OBJECT' ? '' : creates ? ' { __typename documentId }' : ' { __typename }';

    const res = await graphql(`${kind}${declarations} { ${name}${call}${selection} }`, values, headersFor(caller));
    const documentId: unknown = res.body.data?.[name]?.documentId;
    if (creates && typeof documentId === 'string') created.push({ plural: plural!, documentId });
    const outcome = classify(res);
    record[`${operation} ${caller}`] = outcome;
    expect({ operation, caller, outcome }).toEqual({ operation, caller, outcome: GRAPHQL_MATRIX[operation]![caller] });
  });
});

describe.each(DESK_ROLES)('the %s in the admin panel', (role) => {
  const session = () => bearer(role === 'editor' ? tokens.editorSession() : tokens.reporterSession());
  it.each(Object.entries(DESK_IN_ADMIN))('%s answers as the matrix says', async (route, expected) => {
    const [method, path] = route.split(' ') as [string, string];
    const uidMatch = /api::(\w+)\.\w+/.exec(path);
    const plural =
      uidMatch && path.startsWith('/content-manager/collection-types')
        ? (Object.entries(TYPES).find(([, singular]) => singular === uidMatch[1])![0] as Plural)
        : null;
    const documentId = plural && path.includes(':id') ? await ownDocument(plural) : '';
    let req = api()
      [method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](path.replace(':id', documentId))
      .query(plural ? { locale: 'ar' } : {})
      .set(session());
    if (method === 'POST' || method === 'PUT') req = req.send(plural && !path.includes('/actions/') ? dataFor(plural) : {});
    const res = await req;
    if (res.status === 201 && plural && res.body.data?.documentId) created.push({ plural, documentId: res.body.data.documentId });
    record[`${role} ${route}`] = res.status;
    expect({ role, route, status: res.status }).toEqual({ role, route, status: expected[role] });
  });
});
