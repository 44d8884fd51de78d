import type { ApolloServerPlugin } from '@apollo/server';
import { docTag } from './tags';

/**
 * GraphQL resolves relations with the query engine, not the Document Service, so the
 * documents it returns would not tag the cached response. Every object a field is
 * resolved on is a document of the response: its documentId tags it.
 */
export const cacheTagsPlugin: ApolloServerPlugin<{ state?: { cacheTags?: Set<string> } }> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return {
          willResolveField({ source, contextValue }) {
            const tags = contextValue.state?.cacheTags;
            const documentId = (source as { documentId?: unknown } | null | undefined)?.documentId;
            if (tags && typeof documentId === 'string') tags.add(docTag(documentId));
          },
        };
      },
    };
  },
};
