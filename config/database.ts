import path from 'path';
import type { Core } from '@strapi/strapi';
import { settings } from '../src/settings';

// dist/config/database.js -> project root; relative SQLite paths are resolved from there.
const projectRoot = path.resolve(__dirname, '..', '..');

export default (): Core.Config.Database => {
  const { database } = settings();
  if (database.client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          // node-postgres gives DATABASE_URL precedence over the discrete fields.
          connectionString: database.url ?? undefined,
          host: database.host,
          port: database.port,
          database: database.name,
          user: database.username,
          password: database.password,
          schema: database.schema,
          ssl: database.ssl ? { rejectUnauthorized: database.ssl.rejectUnauthorized, ca: database.ssl.ca ?? undefined } : false,
        },
        pool: { min: database.pool.min, max: database.pool.max },
        acquireConnectionTimeout: database.connectionTimeoutMs,
      },
    };
  }

  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(projectRoot, database.filename) },
      useNullAsDefault: true,
      acquireConnectionTimeout: database.connectionTimeoutMs,
    },
  };
};
