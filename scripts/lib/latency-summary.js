// @ts-check
'use strict';
/**
 * Latency summaries for the benchmarks and the load test, pure: an HDR histogram
 * (hdr-histogram-js, as the reads scenario uses for autocannon's responses) for
 * streams too long to keep, and the nearest-rank percentile of a sorted array for
 * short ones. Milliseconds in, milliseconds rounded to 0.1 out.
 */
const hdr = require('hdr-histogram-js');

/** @param {number} value */
const round1 = (value) => Math.round(value * 10) / 10;

/**
 * The value below which p% of a sorted array lies (nearest rank, as the write bench and the load test have always reported); 0 when empty.
 * @param {readonly number[]} sorted ascending
 * @param {number} p 0–100
 */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** A histogram of microseconds from 1 µs to 10 minutes at 3 significant digits (0.1%); what bench.js records autocannon's response times in. */
const microsecondHistogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });

/**
 * @typedef {{ count: number, errors: number, p50: number, p95: number, max: number }} LatencySummary
 */

/** Latencies and errors of one kind of request. */
class LatencyRecorder {
  constructor() {
    this.histogram = microsecondHistogram();
    this.count = 0;
    this.errors = 0;
    /** Exact, not the histogram's bucket. */
    this.maxMs = 0;
  }
  /** @param {number} ms */
  record(ms) {
    this.count += 1;
    this.histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
    if (ms > this.maxMs) this.maxMs = ms;
  }
  error() {
    this.errors += 1;
  }
  /** @returns {LatencySummary} */
  summary() {
    const at = (/** @type {number} */ p) => (this.count === 0 ? 0 : round1(this.histogram.getValueAtPercentile(p) / 1000));
    return { count: this.count, errors: this.errors, p50: at(50), p95: at(95), max: round1(this.maxMs) };
  }
}

module.exports = { LatencyRecorder, microsecondHistogram, percentile, round1 };
