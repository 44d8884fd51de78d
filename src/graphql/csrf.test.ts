import { passesCsrfPrevention } from './csrf';

describe("Apollo's CSRF prevention, as the response cache applies it to GraphQL GETs", () => {
  it('lets through a request that needed a preflight', () => {
    expect(passesCsrfPrevention({ 'apollo-require-preflight': 'true' })).toBe(true);
    expect(passesCsrfPrevention({ 'x-apollo-operation-name': 'Story' })).toBe(true);
    expect(passesCsrfPrevention({ 'content-type': 'application/json' })).toBe(true);
    expect(passesCsrfPrevention({ 'content-type': 'Application/JSON; charset=utf-8' })).toBe(true);
  });

  it('refuses what a page on another site could send without one', () => {
    expect(passesCsrfPrevention({})).toBe(false);
    expect(passesCsrfPrevention({ 'apollo-require-preflight': '' })).toBe(false);
    expect(passesCsrfPrevention({ 'content-type': 'text/plain' })).toBe(false);
    expect(passesCsrfPrevention({ 'content-type': 'multipart/form-data; boundary=x' })).toBe(false);
    expect(passesCsrfPrevention({ 'content-type': ' application/x-www-form-urlencoded' })).toBe(false);
  });

  it('leaves a content type it cannot read to Apollo', () => {
    expect(passesCsrfPrevention({ 'content-type': 'nonsense' })).toBe(false);
    expect(passesCsrfPrevention({ 'content-type': 'nonsense', 'apollo-require-preflight': 'true' })).toBe(true);
  });
});
