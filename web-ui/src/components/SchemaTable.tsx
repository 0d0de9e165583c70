// A dataset's columns with their tags (explained) and declared bounds.
import type { ColumnsType } from 'antd/es/table';
import { DataTable } from './DataTable';
import type { ColumnSpec } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { pickLanguage } from '../lib/problem';
import { ColumnTagBadge } from './Tags';

export function SchemaTable({ columns, caption }: { columns: ColumnSpec[]; caption?: string }) {
  const { t, locale } = useI18n();
  const defs: ColumnsType<ColumnSpec> = [
    { title: t('colColumn'), dataIndex: 'name', key: 'name', render: (n: string) => <code className="pdx-nowrap">{n}</code> },
    { title: t('colType'), dataIndex: 'type', key: 'type', render: (v: string) => <span className="pdx-nowrap">{v}</span> },
    { title: t('colTag'), key: 'tag', render: (_, c) => <ColumnTagBadge tag={c.tag} /> },
    {
      title: t('colDescription'),
      key: 'description',
      render: (_, c) => <span className="pdx-desc">{pickLanguage(c.description ?? '', locale) || t('unknown')}</span>,
    },
    {
      title: t('colBounds'),
      key: 'bounds',
      render: (_, c) =>
        c.lower !== undefined && c.lower !== null && c.upper !== undefined && c.upper !== null ? (
          <span className="pdx-nowrap">
            [{c.lower}, {c.upper}] / {c.granularity}
          </span>
        ) : (
          t('unknown')
        ),
    },
    { title: t('colJoinKey'), key: 'joinKey', render: (_, c) => (c.joinKey ? <code>{c.joinKey}</code> : t('unknown')) },
  ];
  return (
    <DataTable<ColumnSpec>
      rowKey={(c) => c.name ?? ''}
      columns={defs}
      dataSource={columns}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      {...(caption ? { title: () => caption } : {})}
      data-testid="schema-table"
    />
  );
}
