import { Button, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pager } from '../shared/Pager';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Fragment, useCallback, useEffect, useState } from 'react';

/** One delivery as GET /newsroom/webhook-deliveries answers it (src/webhooks/outbox.ts). */
interface Delivery {
  id: number;
  endpoint: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  log: Array<{ at: string; status: number | null; error: string | null; ms: number }>;
  message: { messageId: string; type: string; uid: string; documentId: string; locale: string; slug: string | null };
}

interface DeliveryPage {
  data: Delivery[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

type Filter = 'failed' | 'pending' | 'delivered' | 'all';

const PAGE_SIZE = 25;
const when = (at: string | number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const STATE_COLOR = { delivered: 'success600', pending: 'warning600', failed: 'danger600' } as const;

/**
 * Settings → Webhook deliveries: each signed webhook on its way to each endpoint, with
 * its attempts. Failed ones first (the default filter): after the last attempt a
 * message waits here, and "Retry" gives it one more attempt now.
 */
const WebhookDeliveriesPage = () => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [filter, setFilter] = useState<Filter>('failed');
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<DeliveryPage | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    const state = filter === 'all' ? '' : `&state=${filter}`;
    get<DeliveryPage>(`/newsroom/webhook-deliveries?pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}${state}`)
      .then(({ data }) => current && setAnswer(data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, page, filter, reloads]);

  const retry = useCallback(
    async (delivery: Delivery) => {
      try {
        await post(`/newsroom/webhook-deliveries/${delivery.id}/retry`, {});
        toggleNotification({ type: 'success', message: `${delivery.message.type} to ${delivery.endpoint} will be attempted again now` });
      } catch {
        toggleNotification({ type: 'danger', message: 'The delivery could not be retried; reload the page' });
      }
      setReloads((n) => n + 1);
    },
    [post, toggleNotification],
  );

  const retryAll = useCallback(async () => {
    try {
      const { data } = await post<{ data: { retried: number } }>('/newsroom/webhook-deliveries/retry-failed', {});
      toggleNotification({ type: 'success', message: `${data.data.retried} failed deliveries will be attempted again now` });
    } catch {
      toggleNotification({ type: 'danger', message: 'The deliveries could not be retried; reload the page' });
    }
    setReloads((n) => n + 1);
  }, [post, toggleNotification]);

  if (failed) return <Page.Error />;
  if (!answer) return <Page.Loading />;
  const { pageCount, total } = answer.meta.pagination;
  return (
    <Page.Main>
      <Layouts.Header
        title="Webhook deliveries"
        subtitle={`${total} ${filter === 'all' ? '' : `${filter} `}deliveries, newest first`}
        primaryAction={
          filter === 'failed' && total > 0 ? (
            <Button variant="secondary" onClick={() => void retryAll()}>
              Retry all failed
            </Button>
          ) : undefined
        }
        secondaryAction={
          <SingleSelect
            aria-label="Show"
            value={filter}
            onChange={(value: string | number) => {
              setFilter(value as Filter);
              setPage(1);
            }}
          >
            {(['failed', 'pending', 'delivered', 'all'] as const).map((value) => (
              <SingleSelectOption key={value} value={value}>
                {value}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        }
      />
      <Layouts.Content>
        <Table colCount={6} rowCount={answer.data.length + 1}>
          <Thead>
            <Tr>
              {['Event', 'Document', 'Endpoint', 'State', 'Attempts', ''].map((label) => (
                <Th key={label}>
                  <Typography variant="sigma">{label}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {answer.data.map((delivery) => (
              <Fragment key={delivery.id}>
                <Tr>
                  <Td>
                    <Typography fontWeight="bold">{delivery.message.type}</Typography>
                  </Td>
                  <Td>
                    <Typography>
                      {delivery.message.uid} {delivery.message.documentId} ({delivery.message.locale})
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{delivery.endpoint}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor={STATE_COLOR[delivery.state]}>{delivery.state}</Typography>
                  </Td>
                  <Td>
                    <Button variant="tertiary" onClick={() => setOpen(open === delivery.id ? null : delivery.id)}>
                      {delivery.attempts} {delivery.attempts === 1 ? 'attempt' : 'attempts'}
                    </Button>
                  </Td>
                  <Td>
                    {delivery.state === 'failed' ? (
                      <Button variant="secondary" onClick={() => void retry(delivery)}>
                        Retry
                      </Button>
                    ) : delivery.state === 'pending' ? (
                      <Typography variant="pi">next {when(delivery.nextAttemptAt)}</Typography>
                    ) : null}
                  </Td>
                </Tr>
                {open === delivery.id &&
                  delivery.log.map((attempt, index) => (
                    <Tr key={`${delivery.id}-${index}`}>
                      <Td />
                      <Td>
                        <Typography variant="pi">
                          #{index + 1} {when(attempt.at)}
                        </Typography>
                      </Td>
                      <Td colSpan={2}>
                        <Typography variant="pi" textColor={attempt.error ? 'danger600' : 'success600'}>
                          {attempt.error ?? `answered ${attempt.status}`}
                        </Typography>
                      </Td>
                      <Td colSpan={2}>
                        <Typography variant="pi">{attempt.ms} ms</Typography>
                      </Td>
                    </Tr>
                  ))}
              </Fragment>
            ))}
          </Tbody>
        </Table>
        <Pager page={page} pageCount={pageCount} onPage={setPage} />
      </Layouts.Content>
    </Page.Main>
  );
};

export default WebhookDeliveriesPage;
