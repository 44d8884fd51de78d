/**
 * What happens after a failed attempt: another one later, or the message is failed
 * (an admin can retry it from Settings → Webhooks). Attempts count from 1.
 */
export type AfterFailure = { state: 'pending'; retryInMs: number } | { state: 'failed' };

export function afterFailure(attempts: number, maxAttempts: number, delaysMs: readonly number[]): AfterFailure {
  if (attempts >= maxAttempts) return { state: 'failed' };
  return { state: 'pending', retryInMs: delaysMs[Math.min(attempts, delaysMs.length) - 1] };
}

/** A receiver's answer counts as delivered only when it is a 2xx. */
export const isDelivered = (status: number): boolean => status >= 200 && status < 300;
