export default {
  type: 'content-api',
  routes: [
    {
      method: 'GET',
      path: '/openapi.json',
      handler: 'api::openapi.openapi.document',
      // The description of the public API is itself public, like the API.
      config: { auth: false, description: 'The OpenAPI 3.1 document of the public API (docs/openapi.json)' },
    },
  ],
};
