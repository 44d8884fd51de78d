import type { ApolloServerPlugin } from '@apollo/server';
import { docTag, nestedTag } from './tags';

/**
 * GraphQL resolves relations with the query engine, not the Document Service, so the
 * documents it returns would not tag the cached response. Every object a field is
 * resolved on is a document of the response: its documentId tags it.
 * (Unlike REST, GraphQL relation lists are paged by default, so a sorted one counts too.)
 */
const NESTED_LIST_ARGS = ['filters', 'sort', 'pagination', 'start', 'limit'];

export const cacheTagsPlugin: ApolloServerPlugin<{ state?: { cacheTags?: Set<string> } }> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return {
          willResolveField({ source, args, contextValue }) {
            const tags = contextValue.state?.cacheTags;
            const documentId = (source as { documentId?: unknown } | null | undefined)?.documentId;
            if (!tags || typeof documentId !== 'string') return;
            tags.add(docTag(documentId));
            // A relation list with arguments may show other documents when a linked one changes (./tags.ts nestedTag).
            if (NESTED_LIST_ARGS.some((name) => args[name] !== undefined)) tags.add(nestedTag(documentId));
          },
        };
      },
    };
  },
};
