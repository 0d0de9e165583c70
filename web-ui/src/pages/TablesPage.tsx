// 我的数据 / My tables: an organization's own tables for clean rooms — upload (with progress), confirm the inferred
// columns (tags, join keys), delete with a receipt. Rows are never shown: the platform never serves them back.
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Popconfirm, Progress, Select, Space, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { confirmTable, deleteTable, listTables, uploadTable } from '../api/endpoints';
import type { TableView } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { formatDateTime, formatNumber } from '../lib/format';
import { problemOf, type Problem } from '../lib/problem';
import { DataTable } from '../components/DataTable';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { ProblemAlert } from '../components/ProblemAlert';
import { RequireRole } from '../components/RequireRole';

const TAGS = ['IDENTIFIER', 'QUASI_IDENTIFIER', 'SENSITIVE', 'ATTRIBUTE', 'METRIC'];

export default function TablesPage() {
  return (
    <RequireRole roles={['operator', 'developer']}>
      <TablesContent />
    </RequireRole>
  );
}

function TablesContent() {
  const auth = useAuth();
  const { t, locale } = useI18n();
  const tables = useQuery({ queryKey: ['tables', auth.username], queryFn: listTables });
  const [receipt, setReceipt] = useState<string | null>(null);
  const columns: ColumnsType<TableView> = [
    { title: t('tableAlias'), key: 'alias', render: (_, x) => <code data-testid="table-alias">{x.alias}</code> },
    { title: t('colState'), key: 'state', render: (_, x) => <span data-testid="table-state">{t(`tableState_${x.state ?? 'UPLOADED'}` as 'tableState_UPLOADED')}</span> },
    { title: t('rowCount'), key: 'rows', render: (_, x) => formatNumber(locale, x.rowCount) },
    { title: t('tableBytes'), key: 'bytes', render: (_, x) => formatNumber(locale, x.bytes) },
    { title: t('createdAt'), key: 'created', render: (_, x) => <span className="pdx-nowrap">{formatDateTime(locale, x.createdAt)}</span> },
  ];
  return (
    <Page title={t('navTables')} intro={<p className="pdx-subtle-dark">{t('tablesIntro')}</p>}>
      <UploadCard />
      {receipt && (
        <Alert style={{ marginTop: 16 }} type="success" showIcon closable onClose={() => setReceipt(null)} title={receipt} data-testid="table-receipt" />
      )}
      <Card style={{ marginTop: 16 }} title={<h2 className="pdx-card-title">{t('navTables')}</h2>}>
        <QueryView query={tables}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState title={t('tablesEmpty')} />
            ) : (
              <DataTable<TableView>
                rowKey={(x) => x.id ?? ''}
                columns={columns}
                dataSource={items}
                size="small"
                pagination={false}
                expandable={{ expandedRowRender: (x) => <TableDetail table={x} onDeleted={(sha) => setReceipt(t('tableReceipt', { alias: x.alias ?? '', sha }))} />, defaultExpandAllRows: true }}
              />
            )
          }
        </QueryView>
      </Card>
    </Page>
  );
}

function UploadCard() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [alias, setAlias] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const upload = useMutation({
    mutationFn: () => uploadTable(file as File, alias, setSent),
    onSuccess: () => {
      setProblem(null);
      setFile(null);
      setAlias('');
      void queryClient.invalidateQueries({ queryKey: ['tables'] });
    },
    onError: (e) => setProblem(problemOf(e)),
    onSettled: () => setSent(null),
  });
  return (
    <Card title={<h2 className="pdx-card-title">{t('tableUpload')}</h2>} data-testid="table-upload">
      <Space wrap align="end">
        <label className="pdx-inline-field">
          <span>{t('tableAlias')}</span>
          <Input value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="my_depots" data-testid="table-alias-input" style={{ width: 200 }} />
        </label>
        <Upload
          accept=".csv,.parquet"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            return false; // sent with the button, streamed (never read whole by the browser)
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: file.name, name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />} data-testid="table-file">
            {t('tableChooseFile')}
          </Button>
        </Upload>
        <Button type="primary" disabled={!file || !alias} loading={upload.isPending} onClick={() => upload.mutate()} data-testid="table-upload-button">
          {t('tableUploadButton')}
        </Button>
      </Space>
      <p className="pdx-subtle-dark" style={{ marginTop: 8 }}>
        {t('tableUploadHelp')}
      </p>
      {sent !== null && <Progress percent={Math.round(sent * 100)} data-testid="table-progress" />}
      {problem && <ProblemAlert problem={problem} />}
    </Card>
  );
}

function TableDetail({ table, onDeleted }: { table: TableView; onDeleted: (sha256: string) => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [tags, setTags] = useState<Record<string, { tag?: string; joinKey?: string }>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['tables'] });
  const confirm = useMutation({
    mutationFn: () =>
      confirmTable(
        table.id ?? '',
        (table.columns ?? []).map((c) => ({
          name: c.name,
          tag: tags[c.name ?? '']?.tag ?? c.tag ?? 'ATTRIBUTE',
          ...(tags[c.name ?? '']?.joinKey ? { joinKey: tags[c.name ?? '']?.joinKey } : {}),
        })),
      ),
    onSuccess: () => {
      setProblem(null);
      refresh();
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  const remove = useMutation({
    mutationFn: () => deleteTable(table.id ?? ''),
    onSuccess: (deleted) => {
      onDeleted(deleted.receipt?.sha256 ?? '');
      refresh();
    },
    onError: (e) => setProblem(problemOf(e)),
  });
  const uploaded = table.state === 'UPLOADED';
  return (
    <div data-testid="table-detail">
      <DataTable
        rowKey={(c) => c.name ?? ''}
        size="small"
        pagination={false}
        dataSource={table.columns ?? []}
        columns={[
          { title: t('colColumn'), key: 'n', render: (_, c) => <code>{c.name}</code> },
          { title: t('colType'), key: 'ty', render: (_, c) => c.type },
          {
            title: t('colTag'),
            key: 'tag',
            render: (_, c) =>
              uploaded ? (
                <Select
                  size="small"
                  style={{ width: 180 }}
                  aria-label={`${t('colTag')} ${c.name}`}
                  data-testid={`table-tag-${c.name}`}
                  value={tags[c.name ?? '']?.tag ?? 'ATTRIBUTE'}
                  options={TAGS.map((tag) => ({ value: tag, label: tag }))}
                  onChange={(tag: string) => setTags({ ...tags, [c.name ?? '']: { ...tags[c.name ?? ''], tag } })}
                />
              ) : (
                c.tag
              ),
          },
          {
            title: t('joinOn'),
            key: 'jk',
            render: (_, c) =>
              uploaded ? (
                <Input
                  size="small"
                  style={{ width: 160 }}
                  aria-label={`${t('joinOn')} ${c.name}`}
                  data-testid={`table-joinkey-${c.name}`}
                  placeholder="bus_route"
                  value={tags[c.name ?? '']?.joinKey ?? ''}
                  onChange={(e) => setTags({ ...tags, [c.name ?? '']: { ...tags[c.name ?? ''], joinKey: e.target.value } })}
                />
              ) : (
                c.joinKey ?? ''
              ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        {uploaded && (
          <Button type="primary" size="small" loading={confirm.isPending} onClick={() => confirm.mutate()} data-testid="table-confirm">
            {t('tableConfirm')}
          </Button>
        )}
        <Popconfirm title={t('tableDeleteConfirm')} onConfirm={() => remove.mutate()} okText={t('tableDelete')} cancelText={t('cancel')}>
          <Button danger size="small" loading={remove.isPending} data-testid="table-delete">
            {t('tableDelete')}
          </Button>
        </Popconfirm>
      </Space>
      {problem && <ProblemAlert problem={problem} />}
    </div>
  );
}
