import type { Core } from '@strapi/strapi';

const typeDefs = /* GraphQL */ `
  enum SearchHitType {
    article
    quote
    person
  }

  type SearchHit {
    type: SearchHitType!
    documentId: ID!
    slug: String
    locale: String!
    title: String!
    snippet: String!
    score: Float!
    "Quotes only: the person who said it."
    speaker: Person
    "Quotes only: the body that issued it."
    speakerOrganization: Organization
    "Quotes only: the outlet it was reported through."
    source: Source
    "Quotes only: the article it appears in."
    article: Article
  }

  type SearchPagination {
    page: Int!
    pageSize: Int!
    pageCount: Int!
    total: Int!
  }

  type SearchResponse {
    hits: [SearchHit!]!
    pagination: SearchPagination!
  }

  extend type Query {
    "Arabic-aware search over articles, quotes and people; the same as GET /api/search."
    search(q: String!, type: SearchHitType, locale: I18NLocaleCode, status: PublicationStatus, page: Int, pageSize: Int): SearchResponse!
  }
`;

interface SearchArgs {
  q: string;
  type?: string;
  locale?: string;
  status?: 'DRAFT' | 'PUBLISHED';
  page?: number;
  pageSize?: number;
}

/** The GraphQL `search` query, backed by the same service and rules as GET /api/search. */
export function registerSearchGraphql(strapi: Core.Strapi): void {
  strapi
    .plugin('graphql')
    .service('extension')
    .use(() => ({
      typeDefs,
      resolvers: {
        Query: {
          search: {
            async resolve(_parent: unknown, args: SearchArgs, context: { state?: { auth?: { strategy?: { name?: string } } } }) {
              const service = strapi.service('api::search.search');
              const params = service.parse({
                q: args.q,
                ...(args.type !== undefined && { type: args.type }),
                ...(args.locale !== undefined && { locale: args.locale }),
                ...(args.status !== undefined && { status: args.status.toLowerCase() }),
                ...(args.page !== undefined && { page: args.page }),
                ...(args.pageSize !== undefined && { pageSize: args.pageSize }),
              });
              return service.search(params, { strategy: context.state?.auth?.strategy?.name });
            },
          },
        },
      },
      resolversConfig: {
        // Same permission as the REST route: the public role has it, like find on the content types.
        'Query.search': { auth: { scope: ['api::search.search.find'] } },
      },
    }));
}
