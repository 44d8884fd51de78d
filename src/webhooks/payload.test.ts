import { Webhook } from 'standardwebhooks';
import { webhookBody } from './payload';
import { nextVersion, type OutboxMessage } from './outbox';

const MESSAGE: OutboxMessage = {
  version: 42,
  messageId: 'msg_1',
  occurredAt: Date.UTC(2026, 11, 1, 9, 30),
  type: 'entry.updated',
  uid: 'api::person.person',
  documentId: 'p1',
  locale: 'ar',
  slug: 'person-1',
  affectedArticles: [{ documentId: 'a1', locale: 'ar', slug: 'story' }],
};

describe('webhookBody', () => {
  it('is the Standard Webhooks shape with the version and the affected articles', () => {
    expect(JSON.parse(webhookBody(MESSAGE))).toEqual({
      type: 'entry.updated',
      timestamp: '2026-12-01T09:30:00.000Z',
      data: {
        uid: 'api::person.person',
        documentId: 'p1',
        locale: 'ar',
        slug: 'person-1',
        version: 42,
        affectedArticles: [{ documentId: 'a1', locale: 'ar', slug: 'story' }],
      },
    });
  });

  it('is the same bytes every time, and verifies with the library once signed', () => {
    expect(webhookBody(MESSAGE)).toBe(webhookBody({ ...MESSAGE, affectedArticles: [...MESSAGE.affectedArticles] }));
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const now = new Date();
    const body = webhookBody(MESSAGE);
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('msg_1', now, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });
});

describe('nextVersion', () => {
  it('is the time in microseconds, or one more than the previous version when that is higher', () => {
    const now = Date.UTC(2026, 11, 1);
    expect(nextVersion(null, now)).toBe(now * 1000);
    expect(nextVersion(now * 1000 - 5, now)).toBe(now * 1000);
    // Two writes in one millisecond, or a clock set back: still higher.
    expect(nextVersion(now * 1000, now)).toBe(now * 1000 + 1);
    expect(nextVersion(now * 1000 + 7000, now)).toBe(now * 1000 + 7001);
    expect(Number.isSafeInteger(nextVersion(null, Date.UTC(2200, 0, 1)))).toBe(true);
  });
});
