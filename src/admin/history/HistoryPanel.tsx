import { Badge, Box, Button, Checkbox, Dialog, Flex, Modal, Typography } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { diffRows, wordParts, type Part, type Snapshot } from './present';

/** One revision as GET /newsroom/revisions answers it (src/history/store.ts). */
interface Revision {
  id: number;
  uid: string;
  documentId: string;
  locale: string;
  action: string;
  at: string;
  actor: { kind: 'admin' | 'token' | 'system'; id: string | null; name: string | null };
  changedFields: string[];
}

interface RevisionPage {
  data: Revision[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

const PAGE_SIZE = 10;
const RTL_LOCALES = new Set(['ar']);
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const who = ({ actor }: Revision) => (actor.kind === 'token' ? `API token “${actor.name}”` : (actor.name ?? actor.kind));
const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } }).response?.data?.error?.message ?? 'The request failed.';

/** The words of one side, with the ones the other side lacks marked. */
const Words = ({ parts, dir }: { parts: Part[]; dir: 'rtl' | 'ltr' }) => (
  <Typography tag="p" dir={dir} style={{ whiteSpace: 'pre-wrap', textAlign: 'start' }}>
    {parts.map((part, i) =>
      part.kind === 'same' ? (
        <span key={i}>{part.text}</span>
      ) : (
        <mark
          key={i}
          data-diff={part.kind}
          style={{ background: part.kind === 'removed' ? '#fcecea' : '#eafbe7', textDecoration: part.kind === 'removed' ? 'line-through' : 'none' }}
        >
          {part.text}
        </mark>
      ),
    )}
  </Typography>
);

/**
 * Two revisions side by side, field by field, the changed words marked. For an
 * Arabic document the whole comparison runs right to left: the older revision on
 * the right, each value laid out from its start.
 */
const Compare = ({
  older,
  newer,
  locale,
  onRestore,
  onClose,
}: {
  older: Revision;
  newer: Revision;
  locale: string;
  onRestore: (r: Revision) => void;
  onClose: () => void;
}) => {
  const { get } = useFetchClient();
  const [snapshots, setSnapshots] = useState<[Snapshot | null, Snapshot | null] | null>(null);
  const [showAll, setShowAll] = useState(false);
  const dir = RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';

  useEffect(() => {
    let current = true;
    Promise.all([older.id, newer.id].map((id) => get<{ data: { snapshot: Snapshot | null } }>(`/newsroom/revisions/${id}`))).then(
      ([a, b]) => current && setSnapshots([a!.data.data.snapshot, b!.data.data.snapshot]),
    );
    return () => {
      current = false;
    };
  }, [get, older.id, newer.id]);

  const rows = snapshots ? diffRows(snapshots[0], snapshots[1]).filter((row) => showAll || row.changed) : [];
  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content style={{ width: 'min(1100px, 95vw)', maxWidth: '95vw' }}>
        <Modal.Header>
          <Modal.Title>Compare revisions</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Box dir={dir} data-testid="history-compare">
            <Flex gap={4} paddingBottom={3} alignItems="flex-start">
              {[older, newer].map((r) => (
                <Box key={r.id} flex="1">
                  <Typography variant="omega" fontWeight="bold" dir="ltr">
                    #{r.id} {r.action} · {when(r.at)} · {who(r)}
                  </Typography>
                </Box>
              ))}
            </Flex>
            {!snapshots && <Typography>Loading…</Typography>}
            {snapshots && rows.length === 0 && <Typography>These revisions hold the same content.</Typography>}
            {rows.map((row) => {
              const parts = wordParts(row.before, row.after);
              return (
                <Box key={row.field} paddingTop={2} paddingBottom={2}>
                  <Typography variant="sigma" dir="ltr">
                    {row.field}
                    {row.changed ? ' · changed' : ''}
                  </Typography>
                  <Flex gap={4} alignItems="flex-start">
                    <Box flex="1" data-side="older">
                      <Words parts={parts.before} dir={dir} />
                    </Box>
                    <Box flex="1" data-side="newer">
                      <Words parts={parts.after} dir={dir} />
                    </Box>
                  </Flex>
                </Box>
              );
            })}
          </Box>
        </Modal.Body>
        <Modal.Footer>
          <Checkbox checked={showAll} onCheckedChange={(checked) => setShowAll(checked === true)}>
            Show unchanged fields
          </Checkbox>
          <Flex gap={2}>
            {older.action !== 'delete' && (
              <Button variant="secondary" onClick={() => onRestore(older)}>
                Restore #{older.id} as draft
              </Button>
            )}
            <Button variant="tertiary" onClick={onClose}>
              Close
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

/**
 * The History panel of an edit view: who changed this document in this locale,
 * when, and which fields; any two revisions compared side by side; and any revision
 * restored as the draft (the published version stays until someone publishes).
 */
export const HistoryList = ({ uid, documentId, locale, version }: { uid: string; documentId: string; locale: string; version: string }) => {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<RevisionPage | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [selected, setSelected] = useState<Revision[]>([]);
  const [comparing, setComparing] = useState<[Revision, Revision] | null>(null);
  const [restoring, setRestoring] = useState<Revision | null>(null);

  useEffect(() => {
    let current = true;
    const query = new URLSearchParams({ uid, documentId, locale, 'pagination[page]': String(page), 'pagination[pageSize]': String(PAGE_SIZE) });
    get<RevisionPage>(`/newsroom/revisions?${query}`)
      .then(({ data }) => current && setAnswer(data))
      .catch((error: unknown) => current && setFailed(errorMessage(error)));
    return () => {
      current = false;
    };
    // `version` changes with every save, publish or discard of the form: the list follows.
  }, [get, uid, documentId, locale, page, version]);

  const toggle = (revision: Revision) =>
    setSelected((now) => (now.some((r) => r.id === revision.id) ? now.filter((r) => r.id !== revision.id) : [...now, revision].slice(-2)));

  const compare = (a: Revision, b: Revision) => setComparing(a.id < b.id ? [a, b] : [b, a]);

  const restore = useCallback(
    async (revision: Revision) => {
      try {
        const { data } = await post<{ meta: { droppedLinks: Array<{ field: string; id: string | number }> } }>(
          `/newsroom/revisions/${revision.id}/restore`,
          {},
        );
        const dropped = data.meta.droppedLinks;
        if (dropped.length > 0) window.sessionStorage.setItem('newsroom.history.dropped', dropped.map((d) => `${d.field} ${d.id}`).join(', '));
        // The edit form holds what it loaded: reload it to show the restored draft.
        window.location.reload();
      } catch (error) {
        toggleNotification({ type: 'danger', message: `Restore failed: ${errorMessage(error)}` });
        setRestoring(null);
      }
    },
    [post, toggleNotification],
  );

  useEffect(() => {
    const dropped = window.sessionStorage.getItem('newsroom.history.dropped');
    if (!dropped) return;
    window.sessionStorage.removeItem('newsroom.history.dropped');
    toggleNotification({ type: 'warning', message: `Restored, but these links no longer exist and were left out: ${dropped}` });
  }, [toggleNotification]);

  if (failed) return <Typography textColor="danger600">History unavailable: {failed}</Typography>;
  if (!answer) return <Typography>Loading history…</Typography>;
  const { pageCount, total } = answer.meta.pagination;
  const latest = page === 1 ? answer.data[0] : undefined;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="history-panel">
      <Typography variant="pi" textColor="neutral600">
        {total} revision{total === 1 ? '' : 's'} in this locale, newest first
      </Typography>
      {answer.data.map((revision) => (
        <Box key={revision.id} padding={2} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px" data-revision={revision.id}>
          <Flex justifyContent="space-between" gap={2}>
            <Checkbox
              checked={selected.some((r) => r.id === revision.id)}
              onCheckedChange={() => toggle(revision)}
              aria-label={`Select revision ${revision.id} to compare`}
            >
              <Badge>{revision.action}</Badge>
            </Checkbox>
            <Typography variant="pi" textColor="neutral600">
              #{revision.id}
            </Typography>
          </Flex>
          <Typography tag="p" variant="pi">
            {when(revision.at)}
          </Typography>
          <Typography tag="p" variant="pi">
            by {who(revision)}
          </Typography>
          {revision.changedFields.length > 0 && (
            <Typography tag="p" variant="pi" textColor="neutral600">
              changed: {revision.changedFields.join(', ')}
            </Typography>
          )}
          {latest && revision.id !== latest.id && (
            <Flex gap={2} paddingTop={1} wrap="wrap">
              <Button size="S" variant="tertiary" onClick={() => compare(revision, latest)}>
                Compare with latest
              </Button>
              {revision.action !== 'delete' && (
                <Button size="S" variant="secondary" onClick={() => setRestoring(revision)}>
                  Restore as draft
                </Button>
              )}
            </Flex>
          )}
        </Box>
      ))}
      <Flex gap={2} justifyContent="space-between" wrap="wrap">
        <Button size="S" variant="tertiary" disabled={selected.length !== 2} onClick={() => compare(selected[0]!, selected[1]!)}>
          Compare selected
        </Button>
        <Flex gap={1}>
          <Button size="S" variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Newer
          </Button>
          <Button size="S" variant="tertiary" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
            Older
          </Button>
        </Flex>
      </Flex>
      {comparing && (
        <Compare
          older={comparing[0]}
          newer={comparing[1]}
          locale={locale}
          onClose={() => setComparing(null)}
          onRestore={(r) => {
            setComparing(null);
            setRestoring(r);
          }}
        />
      )}
      <Dialog.Root open={restoring !== null} onOpenChange={(open) => !open && setRestoring(null)}>
        <Dialog.Content>
          <Dialog.Header>Restore as draft</Dialog.Header>
          <Dialog.Body>
            <Typography>
              Revision #{restoring?.id} becomes this locale’s draft. The published version stays as it is until someone publishes. Unsaved changes in the form
              are lost.
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">Cancel</Button>
            </Dialog.Cancel>
            <Button variant="default" onClick={() => restoring && restore(restoring)}>
              Restore
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Flex>
  );
};

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { locale?: string | null; updatedAt?: string | null; publishedAt?: string | null } | null;
}

/** The side panel as the Content Manager asks for it; none while a document is being created. */
export const HistoryPanel = ({ model, documentId, document }: PanelProps) => {
  if (!documentId || !model.startsWith('api::')) return null;
  const locale = document?.locale ?? new URLSearchParams(window.location.search).get('plugins[i18n][locale]') ?? 'ar';
  return {
    title: 'History',
    content: (
      <HistoryList
        key={`${documentId}:${locale}`}
        uid={model}
        documentId={documentId}
        locale={locale}
        version={`${document?.updatedAt ?? ''}:${document?.publishedAt ?? ''}`}
      />
    ),
  };
};
