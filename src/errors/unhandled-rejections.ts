/**
 * A promise rejected with nobody listening ends a Node process by default. In this
 * server that is, in practice, a query cut off by a database outage in some code
 * path (ours, Strapi's or a plugin's) that did not wait for it: the request it
 * belonged to has already been answered with an error, and everything else is fine.
 * So it is logged, with its stack, at error level (to be found and fixed) and the
 * server keeps serving, instead of dropping every other request in flight.
 */
let installed = false;

export function logUnhandledRejections(log: { error(message: string): void }): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    log.error(
      `[process] a rejected promise nobody handled (the server keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
  });
}
