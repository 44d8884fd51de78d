// @ts-check
'use strict';
/**
 * Stale reads, pure: what the breaking-news benchmark (scripts/lib/bench-breaking-news.js)
 * judges every read by. Each write gives an article's headline a marker naming the run
 * and the write's number; a read that started after a write was acknowledged must show
 * that write's marker or a later one. Writes to one article are never in flight at the
 * same time (the writer skips a busy article), so acknowledgement order is commit order
 * and "later" is a larger number.
 */

const HEADLINE_MAX = 255;
const MARKER = /\s*\[bn ([a-z0-9]+)\.(\d+)\]$/;

/**
 * The headline as written by write `seq` of run `run`: the article's own headline, without a marker an
 * earlier write or run left, cut so the whole fits the 255 characters the schema allows.
 * @param {string} headline @param {string} run @param {number} seq
 */
function markHeadline(headline, run, seq) {
  const marker = ` [bn ${run}.${seq}]`;
  return `${headline.replace(MARKER, '').slice(0, HEADLINE_MAX - marker.length)}${marker}`;
}

/**
 * Which write of this run a headline shows: 0 when it shows none (the seeded headline, or a marker of another run: older than any write of this one).
 * @param {string} headline @param {string} run
 */
function writeShown(headline, run) {
  const match = MARKER.exec(headline);
  return match && match[1] === run ? Number(match[2]) : 0;
}

/**
 * Every article headline in a JSON answer, by documentId, wherever it is: a REST article or
 * list (`headline`), a GraphQL article, a search hit (`type: 'article'`, `title`) or the
 * article a quote hit names.
 * @param {unknown} body
 * @returns {Map<string, string[]>}
 */
function headlinesIn(body) {
  /** @type {Map<string, string[]>} */
  const found = new Map();
  /** @param {unknown} node */
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = /** @type {Record<string, unknown>} */ (node);
    const id = record.documentId;
    const headline =
      typeof record.headline === 'string' ? record.headline : record.type === 'article' && typeof record.title === 'string' ? record.title : null;
    if (typeof id === 'string' && headline !== null) found.set(id, [...(found.get(id) ?? []), headline]);
    Object.values(record).forEach(walk);
  };
  walk(body);
  return found;
}

/**
 * @typedef {'fresh' | 'stale' | 'unjudged'} Verdict unjudged: the read started before any write of this article was acknowledged
 * @typedef {{ seq: number, ackedAt: number, next: Record<string, Verdict | 'none'> }} Ack
 */

/** The acknowledged writes of each article, and what the reads after them showed. */
class FreshnessLedger {
  /** @param {readonly string[]} channels what a "next read" is counted per, e.g. the story by slug and the lists */
  constructor(channels) {
    this.channels = channels;
    /** @type {Map<string, Ack[]>} in acknowledgement order */
    this.acks = new Map();
    this.counts = { fresh: 0, stale: 0, unjudged: 0 };
    /** @type {Array<{ documentId: string, channel: string, shown: number, expected: number, startedAt: number }>} */
    this.staleSamples = [];
  }

  /** @param {string} documentId @param {number} seq @param {number} ackedAt */
  acknowledge(documentId, seq, ackedAt) {
    /** @type {Ack} */
    const ack = { seq, ackedAt, next: Object.fromEntries(this.channels.map((c) => [c, 'none'])) };
    this.acks.set(documentId, [...(this.acks.get(documentId) ?? []), ack]);
  }

  /**
   * A read of `documentId` that started at `startedAt` and showed write `shown`.
   * @param {string} documentId @param {number} shown @param {number} startedAt @param {string} channel
   * @returns {Verdict}
   */
  judge(documentId, shown, startedAt, channel) {
    const before = (this.acks.get(documentId) ?? []).filter((a) => a.ackedAt <= startedAt);
    const last = before[before.length - 1];
    if (!last) {
      this.counts.unjudged += 1;
      return 'unjudged';
    }
    /** @type {Verdict} */
    const verdict = shown >= last.seq ? 'fresh' : 'stale';
    this.counts[verdict] += 1;
    if (verdict === 'stale' && this.staleSamples.length < 20) this.staleSamples.push({ documentId, channel, shown, expected: last.seq, startedAt });
    // The first read on this channel after this acknowledgement: "the next read" of the write.
    if (last.next[channel] === 'none') last.next[channel] = verdict;
    return verdict;
  }

  /** Per channel: how many writes' next read was fresh, stale, or never came (and the first writes with none). */
  nextReads() {
    /** @type {Record<string, { fresh: number, stale: number, none: number, noneSamples: Array<{ documentId: string, seq: number }> }>} */
    const out = Object.fromEntries(this.channels.map((c) => [c, { fresh: 0, stale: 0, none: 0, noneSamples: [] }]));
    for (const [documentId, acks] of this.acks)
      for (const ack of acks)
        for (const channel of this.channels) {
          const verdict = ack.next[channel];
          const row = out[channel];
          if (!row || !(verdict === 'fresh' || verdict === 'stale' || verdict === 'none')) continue;
          row[verdict] += 1;
          if (verdict === 'none' && row.noneSamples.length < 20) row.noneSamples.push({ documentId, seq: ack.seq });
        }
    return out;
  }
}

module.exports = { FreshnessLedger, headlinesIn, markHeadline, writeShown, HEADLINE_MAX };
