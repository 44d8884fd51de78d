import { logUnhandledRejections } from './unhandled-rejections';

describe('logUnhandledRejections', () => {
  it('logs a rejection nobody handled, with its stack, once however often it is installed', () => {
    const lines: string[] = [];
    const log = { error: (line: string) => lines.push(line) };
    logUnhandledRejections(log);
    logUnhandledRejections(log);
    const error = new Error('terminating connection due to administrator command');
    process.emit('unhandledRejection', error, Promise.resolve());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('the server keeps running');
    expect(lines[0]).toContain(error.stack);
  });
});
