import { buildModels, type LoadedSchema } from './model';

/**
 * A type with one attribute of every kind Strapi has (the newsroom's own types lack
 * booleans, times, floats…), for the validator's unit tests.
 */
export const THING_SCHEMAS: LoadedSchema[] = [
  {
    uid: 'api::thing.thing',
    modelType: 'contentType',
    info: { displayName: 'Thing' },
    options: { draftAndPublish: true },
    attributes: {
      count: { type: 'integer', min: 1 },
      big: { type: 'biginteger' },
      price: { type: 'decimal' },
      ratio: { type: 'float' },
      day: { type: 'date' },
      at: { type: 'datetime' },
      clock: { type: 'time' },
      flag: { type: 'boolean' },
      kind: { type: 'enumeration', enum: ['alpha', 'beta'] },
      title: { type: 'string', maxLength: 300 },
      body: { type: 'text', maxLength: 1000 },
      slug: { type: 'uid' },
      mail: { type: 'email' },
      rich: { type: 'richtext' },
      meta: { type: 'json' },
      content: { type: 'blocks' },
      secret: { type: 'password' },
      note: { type: 'string', private: true },
      owner: { type: 'relation', relation: 'manyToOne', target: 'api::other.other' },
      tags: { type: 'relation', relation: 'manyToMany', target: 'api::other.other' },
      anything: { type: 'relation', relation: 'morphToMany' },
      image: { type: 'media', multiple: false },
      parts: { type: 'component', repeatable: true, component: 'demo.part' },
      zone: { type: 'dynamiczone', components: ['demo.part'] },
      createdAt: { type: 'datetime' },
      updatedAt: { type: 'datetime' },
      publishedAt: { type: 'datetime', writable: true },
      createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user', private: true, writable: false },
      locale: { type: 'string', writable: true },
      localizations: { type: 'relation', relation: 'oneToMany', target: 'api::thing.thing', unstable_virtual: true, writable: false },
    },
  },
  { uid: 'api::other.other', modelType: 'contentType', info: { displayName: 'Other' }, attributes: { name: { type: 'string' } } },
  {
    uid: 'plugin::upload.file',
    modelType: 'contentType',
    info: { displayName: 'File' },
    attributes: { name: { type: 'string' }, size: { type: 'decimal' } },
  },
  {
    uid: 'demo.part',
    modelType: 'component',
    info: { displayName: 'Part' },
    attributes: { value: { type: 'decimal', required: true }, label: { type: 'string' } },
  },
];

export const THING_MODELS = buildModels(THING_SCHEMAS);
