// @ts-check
'use strict';
/**
 * A server's own CPU time and memory, read from /proc (Linux), for the benchmarks: the
 * client runs on the same two cores, so the server's CPU per request says more than
 * requests/s alone. A process and its descendants count together, in case what serves
 * is a child of the pid that was spawned.
 */
const { readFileSync } = require('fs');

const CLOCK_TICKS_PER_SECOND = 100;

/** @param {number} pid @returns {string[]} fields from the 3rd on, or [] once the process is gone */
function statFields(pid) {
  try {
    // The command name (2nd field) may hold spaces; everything after its closing parenthesis does not.
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  } catch {
    return [];
  }
}

/**
 * utime + stime of one process, in ms.
 * @param {number} pid
 */
function cpuMs(pid) {
  const fields = statFields(pid);
  // utime and stime are the 14th and 15th fields; [0] is the 3rd.
  return ((Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * The pid and every live descendant.
 * @param {number} pid
 * @returns {number[]}
 */
function processTree(pid) {
  /** @type {number[]} */
  const out = [];
  const visit = (/** @type {number} */ p) => {
    out.push(p);
    /** @type {string} */
    let children;
    try {
      children = readFileSync(`/proc/${p}/task/${p}/children`, 'utf8');
    } catch {
      return;
    }
    for (const child of children.trim().split(/\s+/).filter(Boolean)) visit(Number(child));
  };
  visit(pid);
  return out;
}

/**
 * CPU ms of the process, its live descendants, and the children it has already waited for (cutime + cstime).
 * @param {number} pid
 */
function treeCpuMs(pid) {
  const fields = statFields(pid);
  const reaped = ((Number(fields[13] ?? 0) + Number(fields[14] ?? 0)) * 1000) / CLOCK_TICKS_PER_SECOND;
  return processTree(pid).reduce((sum, p) => sum + cpuMs(p), reaped);
}

/** @param {number} pid resident set size in kB, 0 once the process is gone */
function rssKb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Peak resident memory of a process tree, sampled every 100 ms. */
class RssSampler {
  /** @param {number} pid */
  constructor(pid) {
    this.pid = pid;
    this.peakKb = 0;
    /** Over the server's whole life: boot, warm-ups and every scenario. */
    this.overallKb = 0;
    this.timer = setInterval(() => this.sample(), 100);
  }
  sample() {
    const kb = processTree(this.pid).reduce((sum, p) => sum + rssKb(p), 0);
    if (kb > this.peakKb) this.peakKb = kb;
    if (kb > this.overallKb) this.overallKb = kb;
  }
  resetPeak() {
    const peak = this.peakKb;
    this.peakKb = 0;
    this.sample();
    return peak;
  }
  stop() {
    clearInterval(this.timer);
  }
}

/**
 * The whole machine's CPU time in clock ticks from /proc/stat, and the part the hypervisor gave to
 * other guests (steal): on a shared host the same work costs more CPU when steal is high, so runs
 * are comparable only when it is low.
 * @returns {{ steal: number, total: number }}
 */
function machineTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal (guest time is already inside user).
  const first8 = fields.slice(0, 8);
  return { steal: first8[7] ?? 0, total: first8.reduce((sum, n) => sum + n, 0) };
}

module.exports = { cpuMs, treeCpuMs, processTree, rssKb, RssSampler, machineTicks };
