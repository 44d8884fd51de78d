import { canonicalOrder, shapeOfPopulate } from './populate-shape';

describe('canonicalOrder', () => {
  const shape = shapeOfPopulate({ cover: true, people: { populate: { affiliation: true } }, quotes: { sort: ['position:asc'], populate: { speaker: true } } });

  it('keeps selected keys in place and puts relations after them in populate order, at every depth', () => {
    const page = [{ quotes: [{ speaker: null, position: 1, id: 5 }], people: [{ affiliation: { id: 9 }, id: 2 }], id: 1, cover: null, slug: 's' }];
    expect(JSON.stringify(canonicalOrder(page, shape))).toBe(
      JSON.stringify([{ id: 1, slug: 's', cover: null, people: [{ id: 2, affiliation: { id: 9 } }], quotes: [{ position: 1, id: 5, speaker: null }] }]),
    );
  });

  it('puts leading keys first, leaves scalars, nulls and absent relations alone', () => {
    expect(JSON.stringify(canonicalOrder({ id: 1, slug: 's', people: [] }, shape, ['slug']))).toBe('{"slug":"s","id":1,"people":[]}');
    expect(canonicalOrder(null, shape)).toBeNull();
    expect(canonicalOrder('x', shape)).toBe('x');
  });
});
