import type { Core } from '@strapi/strapi';
import { buildModels, type LoadedSchema, type Models } from '../model';

/**
 * The validator's models, built once at boot from every content type and component
 * Strapi loaded (the newsroom's five types, and the plugins' types that tokens can
 * read, such as files and users).
 */
let models: Models | null = null;

export function buildValidationModels(strapi: Core.Strapi): Models {
  const schemas = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as unknown as LoadedSchema[];
  models = buildModels(schemas);
  return models;
}

export function validationModels(): Models {
  if (!models) throw new Error('the input validator is used before src/index.ts register() built its models');
  return models;
}
