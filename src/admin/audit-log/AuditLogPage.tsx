import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pager } from '../shared/Pager';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';

/** One entry as GET /newsroom/audit-log answers it (src/audit-log/store.ts). */
interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actor: { kind: 'admin' | 'anonymous'; id: string | null; name: string | null };
  target: string | null;
  outcome: 'success' | 'failure';
  ip: string | null;
}

interface AuditPage {
  data: AuditEntry[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

const PAGE_SIZE = 25;
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Settings → Audit log: who logged into the admin (and who failed to), who changed
 * users, roles, permissions, tokens and settings, newest first. Read-only: the log
 * has no edit or delete anywhere.
 */
const AuditLogPage = () => {
  const { get } = useFetchClient();
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<AuditPage | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    get<AuditPage>(`/newsroom/audit-log?pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`)
      .then(({ data }) => current && setAnswer(data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, page]);

  if (failed) return <Page.Error />;
  if (!answer) return <Page.Loading />;
  const { pageCount, total } = answer.meta.pagination;
  return (
    <Page.Main>
      <Layouts.Header title="Audit log" subtitle={`${total} entries: admin logins and changes to users, roles, tokens and settings, newest first`} />
      <Layouts.Content>
        <Table colCount={6} rowCount={answer.data.length + 1}>
          <Thead>
            <Tr>
              {['When', 'Action', 'Who', 'On what', 'Outcome', 'From'].map((label) => (
                <Th key={label}>
                  <Typography variant="sigma">{label}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {answer.data.map((entry) => (
              <Tr key={entry.id}>
                <Td>
                  <Typography>{when(entry.at)}</Typography>
                </Td>
                <Td>
                  <Typography fontWeight="bold">{entry.action}</Typography>
                </Td>
                <Td>
                  <Typography>{entry.actor.name ?? (entry.actor.kind === 'anonymous' ? 'not signed in' : `admin ${entry.actor.id}`)}</Typography>
                </Td>
                <Td>
                  <Typography>{entry.target ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography textColor={entry.outcome === 'success' ? 'success600' : 'danger600'}>{entry.outcome}</Typography>
                </Td>
                <Td>
                  <Typography>{entry.ip ?? '—'}</Typography>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        <Pager page={page} pageCount={pageCount} onPage={setPage} />
      </Layouts.Content>
    </Page.Main>
  );
};

export default AuditLogPage;
