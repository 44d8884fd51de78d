import fc from 'fast-check';
import { sanitize } from '@strapi/utils';
import { sanitizeOutputSync, type GetModel, type SanitizedModel } from './sanitize-output';

type Plugin = { register(context: { strapi: unknown }): void };
type PluginEntry = Plugin | (() => Plugin);

/** The output sanitizer the users-permissions plugin registers, taken from its own register(). */
function usersPermissionsOutputSanitizer(): (schema: unknown) => (entity: unknown) => Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin's server entry has no types
  const entry = require('@strapi/plugin-users-permissions/strapi-server') as PluginEntry | { default: PluginEntry };
  const server = 'default' in entry ? entry.default : entry;
  const plugin = typeof server === 'function' ? server() : server;
  const added: Array<[string, (schema: unknown) => (entity: unknown) => Promise<unknown>]> = [];
  plugin.register({
    strapi: { get: () => ({ register: () => undefined }), sanitizers: { add: (name: string, fn: never) => added.push([name, fn]) }, plugin: () => undefined },
  });
  expect(added.map(([name]) => name)).toEqual(['content-api.output']);
  return added[0]![1];
}

// Models that reach every branch of Strapi's walk: private and password fields, a
// model-level private list, relations one and many, a morph relation, media, components
// (one and repeatable), a dynamic zone, and a users-permissions role with its users.
const MODELS: Record<string, SanitizedModel> = {
  'api::a.a': {
    uid: 'api::a.a',
    options: { privateAttributes: ['hidden'] },
    attributes: {
      title: { type: 'string' },
      hidden: { type: 'string' },
      everywhereHidden: { type: 'string' },
      secret: { type: 'string', private: true },
      pass: { type: 'password' },
      many: { type: 'relation', relation: 'manyToMany', target: 'api::b.b' },
      one: { type: 'relation', relation: 'oneToOne', target: 'api::b.b' },
      anything: { type: 'relation', relation: 'morphToMany' },
      role: { type: 'relation', relation: 'manyToOne', target: 'plugin::users-permissions.role' },
      cover: { type: 'media' },
      figures: { type: 'component', component: 'c.c' },
      zone: { type: 'dynamiczone' },
    },
  },
  'api::b.b': {
    uid: 'api::b.b',
    attributes: { name: { type: 'string' }, secret: { type: 'text', private: true }, back: { type: 'relation', relation: 'oneToMany', target: 'api::a.a' } },
  },
  'c.c': { uid: 'c.c', attributes: { label: { type: 'string' }, note: { type: 'string', private: true }, inner: { type: 'component', component: 'c.c' } } },
  'plugin::upload.file': { uid: 'plugin::upload.file', attributes: { url: { type: 'string' }, folderPath: { type: 'string', private: true } } },
  'plugin::users-permissions.role': {
    uid: 'plugin::users-permissions.role',
    attributes: { name: { type: 'string' }, users: { type: 'relation', relation: 'oneToMany', target: 'plugin::users-permissions.user' } },
  },
  'plugin::users-permissions.user': { uid: 'plugin::users-permissions.user', attributes: { username: { type: 'string' }, password: { type: 'password' } } },
};
const getModel: GetModel = (uid) => MODELS[uid];

const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));

/** An entity of `uid`: any subset of its attributes (in any order) plus keys that are no attribute, nested to `depth`. */
function entityOf(uid: string, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const model = MODELS[uid]!;
  const valueOf = (key: string): fc.Arbitrary<unknown> => {
    const attribute = model.attributes[key]!;
    if (depth === 0 || attribute.type === 'string' || attribute.type === 'text' || attribute.type === 'password') return scalar;
    const nested = (target: string) => fc.oneof(entityOf(target, depth - 1), fc.constant(null));
    const oneOrMany = (target: string) => fc.oneof(nested(target), fc.array(nested(target), { maxLength: 2 }));
    if (attribute.type === 'relation' && attribute.relation?.startsWith('morph'))
      return fc.array(
        fc.constantFrom('api::a.a', 'api::b.b').chain((t) => entityOf(t, depth - 1).map((e) => ({ ...e, __type: t }))),
        { maxLength: 2 },
      );
    if (attribute.type === 'relation') return oneOrMany(attribute.target!);
    if (attribute.type === 'media') return oneOrMany('plugin::upload.file');
    if (attribute.type === 'component') return oneOrMany(attribute.component!);
    return fc.array(
      fc.oneof(
        entityOf('c.c', depth - 1).map((e) => ({ ...e, __component: 'c.c' })),
        fc.constant(null),
      ),
      { maxLength: 2 },
    );
  };
  const keys = [...Object.keys(model.attributes), 'id', 'documentId', 'locale'];
  return fc
    .shuffledSubarray(keys)
    .chain((chosen) =>
      fc
        .tuple(...chosen.map((key) => (key in model.attributes ? valueOf(key) : scalar)))
        .map((values) => Object.fromEntries(chosen.map((key, i) => [key, values[i]]))),
    );
}

describe('sanitizeOutputSync', () => {
  // Strapi reads the app-wide private attributes (config api.responses.privateAttributes), and the
  // users-permissions sanitizer its models, from Strapi's global.
  const globals = globalThis as { strapi?: unknown };
  beforeAll(() => {
    globals.strapi = {
      config: { get: (key: string, fallback: unknown) => (key === 'api.responses.privateAttributes' ? ['everywhereHidden'] : fallback) },
      getModel,
    };
  });
  afterAll(() => {
    delete globals.strapi;
  });
  const strapis = sanitize.createAPISanitizers({ getModel: getModel as never, sanitizers: { output: [usersPermissionsOutputSanitizer()] } } as never);

  it("gives what Strapi's content-API output sanitizer (with the users-permissions plugin's) gives, for any entity", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('api::a.a', 'api::b.b', 'plugin::users-permissions.role'), fc.nat(), async (uid, seed) => {
        const [entity] = fc.sample(entityOf(uid, 3), { seed, numRuns: 1 });
        const ours = sanitizeOutputSync(entity, getModel(uid), getModel);
        const theirs = await strapis.output(entity as never, getModel(uid) as never, {});
        // Key order too: the views are stored as JSON text.
        expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });

  it('removes passwords, private attributes at every depth and a role’s users, and leaves the input alone', () => {
    const entity = {
      id: 1,
      title: 't',
      hidden: 'h',
      everywhereHidden: 'e',
      secret: 's',
      pass: 'p',
      one: { name: 'n', secret: 's', back: [{ title: 'x', pass: 'p' }] },
      cover: { url: '/u', folderPath: '/1' },
      figures: [{ label: 'l', note: 'n', inner: { label: 'i', note: 'n' } }],
      role: { name: 'r', users: [{ username: 'u' }] },
    };
    const before = structuredClone(entity);
    expect(sanitizeOutputSync(entity, getModel('api::a.a'), getModel)).toEqual({
      id: 1,
      title: 't',
      one: { name: 'n', back: [{ title: 'x' }] },
      cover: { url: '/u' },
      figures: [{ label: 'l', inner: { label: 'i' } }],
      role: { name: 'r' },
    });
    expect(entity).toEqual(before);
  });
});
