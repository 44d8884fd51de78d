import { FreshnessLedger, HEADLINE_MAX, headlinesIn, markHeadline, writeShown } from './freshness';

describe('headline markers', () => {
  it('marks a headline with the run and the write, replacing an earlier marker instead of piling them up', () => {
    const once = markHeadline('العراق يعلن انتهاء المهمة', 'ab12cd', 3);
    expect(once).toBe('العراق يعلن انتهاء المهمة [bn ab12cd.3]');
    expect(markHeadline(once, 'ab12cd', 4)).toBe('العراق يعلن انتهاء المهمة [bn ab12cd.4]');
    expect(writeShown(markHeadline(once, 'ab12cd', 4), 'ab12cd')).toBe(4);
  });

  it('keeps a long headline within the 255 characters the schema allows, marker included', () => {
    const marked = markHeadline('ع'.repeat(300), 'ab12cd', 12345);
    expect(marked).toHaveLength(HEADLINE_MAX);
    expect(writeShown(marked, 'ab12cd')).toBe(12345);
  });

  it('reads a seeded headline, or one written by another run, as older than every write of this run', () => {
    expect(writeShown('العراق يعلن انتهاء المهمة', 'ab12cd')).toBe(0);
    expect(writeShown(markHeadline('x', 'ffffff', 90), 'ab12cd')).toBe(0);
  });
});

describe('headlinesIn', () => {
  it('finds article headlines in a REST item, a list, a GraphQL answer, a search hit and the article a quote hit names', () => {
    const found = headlinesIn({
      data: [
        { id: 1, documentId: 'a1', headline: 'one', people: [{ documentId: 'p1', name: 'not an article' }] },
        { type: 'article', documentId: 'a2', title: 'two' },
        { type: 'person', documentId: 'p2', title: 'a person, not an article' },
        { type: 'quote', documentId: 'q1', title: 'quoted', article: { documentId: 'a1', headline: 'one, older' } },
      ],
      graphql: { articles: [{ documentId: 'a3', headline: 'three' }] },
    });
    expect(Object.fromEntries(found)).toEqual({ a1: ['one', 'one, older'], a2: ['two'], a3: ['three'] });
  });
});

describe('FreshnessLedger', () => {
  it('does not judge a read that started before any write of its article was acknowledged', () => {
    const ledger = new FreshnessLedger(['story', 'list']);
    ledger.acknowledge('a', 1, 100);
    expect(ledger.judge('a', 0, 99, 'story')).toBe('unjudged');
    expect(ledger.judge('b', 0, 500, 'story')).toBe('unjudged');
    expect(ledger.counts).toEqual({ fresh: 0, stale: 0, unjudged: 2 });
  });

  it('calls a read stale when it started after an acknowledgement and shows an older write, fresh when it shows that one or a later one', () => {
    const ledger = new FreshnessLedger(['story', 'list']);
    ledger.acknowledge('a', 1, 100);
    ledger.acknowledge('a', 5, 200);
    expect(ledger.judge('a', 1, 150, 'story')).toBe('fresh');
    expect(ledger.judge('a', 1, 200, 'story')).toBe('stale');
    expect(ledger.judge('a', 0, 250, 'list')).toBe('stale');
    expect(ledger.judge('a', 5, 250, 'list')).toBe('fresh');
    // A write in flight may already be visible: newer than the last acknowledgement is fresh.
    expect(ledger.judge('a', 7, 250, 'list')).toBe('fresh');
    expect(ledger.counts).toEqual({ fresh: 3, stale: 2, unjudged: 0 });
    expect(ledger.staleSamples).toEqual([
      { documentId: 'a', channel: 'story', shown: 1, expected: 5, startedAt: 200 },
      { documentId: 'a', channel: 'list', shown: 0, expected: 5, startedAt: 250 },
    ]);
  });

  it("counts each write's first read per channel, and the writes no read reached", () => {
    const ledger = new FreshnessLedger(['story', 'list']);
    ledger.acknowledge('a', 1, 100);
    ledger.acknowledge('a', 2, 200);
    ledger.acknowledge('b', 3, 300);
    ledger.judge('a', 0, 110, 'story'); // write 1's next story read: stale
    ledger.judge('a', 1, 120, 'story'); // a later read: does not change write 1's next read
    ledger.judge('a', 2, 210, 'story'); // write 2's: fresh
    ledger.judge('a', 2, 220, 'list'); // write 2's next list read: fresh; write 1 never had one
    expect(ledger.nextReads()).toEqual({
      story: { fresh: 1, stale: 1, none: 1, noneSamples: [{ documentId: 'b', seq: 3 }] },
      list: {
        fresh: 1,
        stale: 0,
        none: 2,
        noneSamples: [
          { documentId: 'a', seq: 1 },
          { documentId: 'b', seq: 3 },
        ],
      },
    });
  });
});
