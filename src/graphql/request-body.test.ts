import type { IncomingMessage } from 'http';
import { Readable } from 'stream';
import { isPlainJsonBody, readGraphqlBody } from './request-body';

const request = (text: string) =>
  Object.assign(Readable.from([Buffer.from(text)]), { headers: { 'content-length': String(Buffer.byteLength(text)) } }) as unknown as IncomingMessage;

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
