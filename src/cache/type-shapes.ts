import type { Core } from '@strapi/strapi';
import { shapeFromAttributes, type ShapeOf, type TypeShape } from './list-rules';

/** The list rules' view of each content type, read once from Strapi's schema. */
export function typeShapes(strapi: Core.Strapi): ShapeOf {
  const shapes = new Map<string, TypeShape | undefined>();
  return (uid) => {
    if (!shapes.has(uid)) {
      const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
        { attributes?: Record<string, { type?: string; target?: string }> } | undefined;
      shapes.set(uid, contentType?.attributes ? shapeFromAttributes(contentType.attributes) : undefined);
    }
    return shapes.get(uid);
  };
}
