// @ts-check
'use strict';
// Strapi's Document Service runs some reads concurrently (Promise.all) inside a
// transaction; knex sends them to the one transaction connection and pg 8.x queues
// them correctly but warns that pg 9 will not. Known and harmless on pg 8: keep it
// out of the scripts' output, and let every other warning through.
const PG_CONCURRENT_QUERY = 'Calling client.query() when the client is already executing a query';
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.message.startsWith(PG_CONCURRENT_QUERY)) return;
  console.warn(`(node:${process.pid}) ${warning.name}: ${warning.message}`);
});

module.exports = { PG_CONCURRENT_QUERY };
