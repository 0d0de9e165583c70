// 按时办结 / Deadlines on the efficiency page: per kind of decision a table of months (departments beneath each
// total), met against late per month, what is open and overdue now, a month range and the exports for evaluators.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import {
  decisionExportName,
  fetchDecisionExport,
  getDecisionFigures,
  type DecisionDeadline,
  type DecisionExportFormat,
  type DecisionFigures,
} from '../api/decisions';
import { useI18n } from '../i18n/I18nContext';
import { backlogByKind, kindMonths, lastTwelveMonths, metLateByMonth, type KindMonth } from '../lib/deadlines';
import { saveBlob } from '../lib/download';
import { formatNumber } from '../lib/format';
import { problemOf, type Problem } from '../lib/problem';
import { decisionTime } from '../lib/sla';
import { DataTable } from './DataTable';
import { EChart, type EChartsOption } from './EChart';
import { ProblemAlert } from './ProblemAlert';
import { EmptyState, QueryView } from './QueryView';

const GREEN = '#237804';
const RED = '#cf1322';
/** As the API allows (MonthRange.MAX_MONTHS). */
const MAX_MONTHS = 24;

export function DeadlinesSection() {
  const { t } = useI18n();
  const [range, setRange] = useState(lastTwelveMonths);
  const [tooLong, setTooLong] = useState(false);
  const figures = useQuery({
    queryKey: ['efficiency-decisions', range.from, range.to],
    queryFn: () => getDecisionFigures(range.from, range.to),
  });
  const onRange = (values: [Dayjs | null, Dayjs | null] | null) => {
    const [from, to] = values ?? [null, null];
    if (!from || !to) return;
    const months = to.diff(from, 'month') + 1;
    setTooLong(months > MAX_MONTHS);
    if (months <= MAX_MONTHS) setRange({ from: from.format('YYYY-MM'), to: to.format('YYYY-MM') });
  };

  return (
    <Card title={<h2 className="pdx-card-title">{t('deadlinesTitle')}</h2>} data-testid="deadlines" style={{ marginTop: 16 }}>
      <Typography.Paragraph className="pdx-subtle-dark">{t('deadlinesIntro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          picker="month"
          allowClear={false}
          value={[dayjs(`${range.from}-01`), dayjs(`${range.to}-01`)]}
          onChange={onRange}
          aria-label={t('deadlinesMonths')}
          data-testid="deadlines-months"
        />
        <ExportButton format="csv" from={range.from} to={range.to} />
        <ExportButton format="xlsx" from={range.from} to={range.to} />
        {tooLong && <Typography.Text type="danger">{t('deadlinesRangeTooLong', { months: MAX_MONTHS })}</Typography.Text>}
      </Space>
      <QueryView query={figures}>{(f) => <Figures figures={f} />}</QueryView>
    </Card>
  );
}

function ExportButton({ format, from, to }: { format: DecisionExportFormat; from: string; to: string }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const download = async () => {
    setBusy(true);
    setProblem(null);
    try {
      saveBlob(await fetchDecisionExport(format, from, to), decisionExportName(format, from, to));
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid={`deadlines-export-${format}`}>
        {t(format === 'csv' ? 'deadlinesDownloadCsv' : 'deadlinesDownloadXlsx')}
      </Button>
      {problem && <ProblemAlert problem={problem} compact />}
    </>
  );
}

function Figures({ figures }: { figures: DecisionFigures }) {
  const { t, locale } = useI18n();
  const label = (d: DecisionDeadline) => (locale === 'zh' ? d.labelZh : d.labelEn);
  const series = useMemo(() => metLateByMonth(figures), [figures]);
  const backlog = useMemo(() => backlogByKind(figures), [figures]);

  const option: EChartsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: series.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('deadlinesMet'), stack: 'decided', data: series.map((m) => m.met), itemStyle: { color: GREEN } },
        { type: 'bar', name: t('deadlinesLate'), stack: 'decided', data: series.map((m) => m.late), itemStyle: { color: RED } },
      ],
    }),
    [series, t],
  );

  if (figures.rows.length === 0) return <EmptyState title={t('deadlinesNone')} />;
  const met = series.reduce((s, m) => s + m.met, 0);
  const late = series.reduce((s, m) => s + m.late, 0);
  return (
    <>
      <Row gutter={[16, 16]}>
        {backlog.map((b) => (
          <Col xs={12} md={8} xl={4} key={b.deadline.kind}>
            <Statistic
              title={label(b.deadline)}
              value={formatNumber(locale, b.openNow)}
              suffix={<span className="pdx-subtle-dark">{t('deadlinesOpenNow')}</span>}
            />
            <span data-testid={`deadlines-overdue-${b.deadline.kind}`} style={{ color: b.overdueNow > 0 ? RED : undefined }}>
              {t('deadlinesOverdueNow')}: {formatNumber(locale, b.overdueNow)}
            </span>
          </Col>
        ))}
      </Row>
      <EChart
        option={option}
        label={`${t('deadlinesChart')}: ${t('deadlinesMet')} ${met}, ${t('deadlinesLate')} ${late}`}
        testId="chart-deadlines"
        height={280}
      />
      {figures.deadlines.map((deadline) => (
        <KindTable key={deadline.kind} figures={figures} deadline={deadline} label={label(deadline)} />
      ))}
    </>
  );
}

function KindTable({ figures, deadline, label }: { figures: DecisionFigures; deadline: DecisionDeadline; label: string }) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => kindMonths(figures, deadline.kind), [figures, deadline.kind]);
  const limit = t(deadline.unit === 'HOURS' ? 'deadlineUnit_HOURS' : 'deadlineUnit_WORKING_DAYS', { n: deadline.amount });
  const number = (n: number) => formatNumber(locale, n);
  const columns: ColumnsType<KindMonth> = [
    { title: t('colMonth'), dataIndex: 'month', key: 'month' },
    {
      title: t('deadlinesDepartment'),
      key: 'department',
      render: (_, r) => (r.department ? (r.departmentName ?? r.department) : t('deadlinesAllDepartments')),
    },
    { title: t('deadlinesDecided'), dataIndex: 'decided', key: 'decided', align: 'right', render: number },
    { title: t('deadlinesAuto'), dataIndex: 'decidedAutomatically', key: 'auto', align: 'right', render: number },
    {
      title: t('deadlinesMedian'),
      key: 'median',
      align: 'right',
      render: (_, r) => {
        if (r.medianSecondsToDecide == null) return '—';
        const d = decisionTime(r.medianSecondsToDecide);
        return t(d.unit, { n: formatNumber(locale, d.value, 1) });
      },
    },
    { title: t('deadlinesMet'), dataIndex: 'metDeadline', key: 'met', align: 'right', render: number },
    {
      title: t('deadlinesLate'),
      dataIndex: 'late',
      key: 'late',
      align: 'right',
      render: (n: number) => <span style={{ color: n > 0 ? RED : undefined }}>{number(n)}</span>,
    },
    { title: t('deadlinesOpenNow'), dataIndex: 'openNow', key: 'open', align: 'right', render: number },
    {
      title: t('deadlinesOverdueNow'),
      dataIndex: 'overdueNow',
      key: 'overdue',
      align: 'right',
      render: (n: number) => <span style={{ color: n > 0 ? RED : undefined }}>{number(n)}</span>,
    },
  ];
  return (
    <section style={{ marginTop: 24 }} aria-label={label} data-testid={`deadlines-kind-${deadline.kind}`}>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {label}{' '}
        <Tooltip title={`${t('deadlinesBasis')}: ${locale === 'zh' ? deadline.basisZh : deadline.basisEn}`}>
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
            {t('deadlinesLimit', { limit })}
          </Typography.Text>
        </Tooltip>
      </Typography.Title>
      <DataTable<KindMonth> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} locale={{ emptyText: <EmptyState title={t('deadlinesNone')} /> }} />
    </section>
  );
}
