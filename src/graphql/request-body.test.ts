import type { IncomingMessage } from 'http';
import { Readable } from 'stream';
import { isPlainJsonBody, readGraphqlBody, readPlainBodyBytes } from './request-body';

const request = (text: string, headers: Record<string, string> = {}) =>
  Object.assign(Readable.from([Buffer.from(text)]), {
    headers: { 'content-length': String(Buffer.byteLength(text)), ...headers },
  }) as unknown as IncomingMessage;

const takeBytes = (req: IncomingMessage, limitBytes: number) => new Promise<Buffer | null>((resolve) => readPlainBodyBytes(req, limitBytes, resolve));

describe('GraphQL request bodies', () => {
  it('are read once: a second reader gets the same outcome, not an empty stream', async () => {
    const req = request('{"query":"{ a }"}');
    expect(await readGraphqlBody(req, '1kb')).toEqual({ parsed: { query: '{ a }' }, raw: '{"query":"{ a }"}' });
    expect((await readGraphqlBody(req, '1kb')).parsed).toEqual({ query: '{ a }' });
    const broken = request('{"query": ');
    await expect(readGraphqlBody(broken, '1kb')).rejects.toMatchObject({ status: 400 });
    await expect(readGraphqlBody(broken, '1kb')).rejects.toMatchObject({ status: 400 });
    await expect(readGraphqlBody(request(`{"q":"${'x'.repeat(2048)}"}`), '1kb')).rejects.toMatchObject({ status: 413 });
  });

  it('taken as bytes by the fast path, are parsed from those bytes with the same outcome when asked', async () => {
    const text = '\ufeff{"query":"{ عنوان }"}';
    const req = request(text);
    expect((await takeBytes(req, 1024))?.equals(Buffer.from(text))).toBe(true);
    expect(await readGraphqlBody(req, '1kb')).toEqual(await readGraphqlBody(request(text), '1kb'));
    const broken = request('{"query": ');
    expect(await takeBytes(broken, 1024)).not.toBeNull();
    await expect(readGraphqlBody(broken, '1kb')).rejects.toMatchObject({ status: 400 });
  });

  it('are left to co-body when it would read them differently: encoded, over the limit, no declared length, cut off', async () => {
    expect(await takeBytes(request('{}', { 'content-encoding': 'gzip' }), 1024)).toBeNull();
    const huge = request(`{"q":"${'x'.repeat(2048)}"}`);
    expect(await takeBytes(huge, 1024)).toBeNull();
    await expect(readGraphqlBody(huge, '1kb')).rejects.toMatchObject({ status: 413 });
    const chunked = Object.assign(Readable.from([Buffer.from('{}')]), { headers: {} }) as unknown as IncomingMessage;
    expect(await takeBytes(chunked, 1024)).toBeNull();
    const cut = Object.assign(new Readable({ read() {} }), { headers: { 'content-length': '100' } }) as unknown as IncomingMessage;
    const taking = takeBytes(cut, 1024);
    cut.push(Buffer.from('{"query":'));
    cut.emit('aborted');
    expect(await taking).toBeNull();
    await expect(readGraphqlBody(cut, '1kb')).rejects.toMatchObject({ status: 400 });
  });

  it('are read in front of Koa only with a JSON content type Koa reads as JSON too', () => {
    const body = { 'content-length': '10' };
    expect(isPlainJsonBody({ ...body, 'content-type': 'application/json' })).toBe(true);
    expect(isPlainJsonBody({ ...body, 'content-type': 'Application/JSON; charset=UTF-8' })).toBe(true);
    expect(isPlainJsonBody({ 'transfer-encoding': 'chunked', 'content-type': 'application/json' })).toBe(true);
    expect(isPlainJsonBody({ ...body, 'content-type': 'application/json; charset=utf-8; x=y' })).toBe(false);
    expect(isPlainJsonBody({ ...body, 'content-type': 'text/plain' })).toBe(false);
    expect(isPlainJsonBody({ ...body, 'content-type': 'application/graphql' })).toBe(false);
    expect(isPlainJsonBody({ 'content-type': 'application/json' })).toBe(false);
  });
});
