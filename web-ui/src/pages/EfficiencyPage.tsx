// 效能评估: 秒批 share, time to decision (p50, p90) against the SLA, applications, calls and revenue per month, and
// every kind of decision against its deadline (按时办结).
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic } from 'antd';
import { getEfficiency, listLicenses } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { useI18n } from '../i18n/I18nContext';
import { decisionScale, monthlySeries } from '../lib/efficiency';
import { formatNumber, formatPercent } from '../lib/format';
import { decisionTime } from '../lib/sla';
import { Page } from '../components/Page';
import { EmptyState, QueryView } from '../components/QueryView';
import { EChart, type EChartsOption } from '../components/EChart';
import { RequireRole } from '../components/RequireRole';
import { DeadlinesSection } from '../components/DeadlinesSection';

export default function EfficiencyPage() {
  return (
    <RequireRole roles={['bureau-reviewer', 'bureau-admin', 'regulator']}>
      <Efficiency />
    </RequireRole>
  );
}

const BLUE = '#0958d9';
const GREEN = '#237804';
const ORANGE = '#ad4e00';
const RED = '#cf1322';
const LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;

function Efficiency() {
  const auth = useAuth();
  const { t, te, locale } = useI18n();
  const figures = useQuery({ queryKey: ['efficiency', auth.username], queryFn: getEfficiency, refetchInterval: 30_000 });
  const licenses = useQuery({ queryKey: ['licenses', auth.username], queryFn: () => listLicenses() });
  const series = useMemo(
    () => monthlySeries(figures.data?.months ?? [], (licenses.data?.items ?? []).map((l) => l.createdAt)),
    [figures.data, licenses.data],
  );

  const share = figures.data?.autoApprovedShare ?? 0;
  const sla = figures.data?.reviewSlaHours ?? 120;
  const duration = (seconds: number | undefined) => {
    const d = decisionTime(seconds ?? 0);
    return t(d.unit, { n: formatNumber(locale, d.value, 1) });
  };
  const scale = decisionScale(figures.data?.medianSecondsToDecision ?? 0, figures.data?.p90SecondsToDecision ?? 0, sla);

  const shareOption: EChartsOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          label: { formatter: '{b}: {c}' },
          data: [
            { name: t('autoApproved'), value: figures.data?.autoApproved ?? 0, itemStyle: { color: GREEN } },
            { name: t('manual'), value: Math.max(0, (figures.data?.applications ?? 0) - (figures.data?.autoApproved ?? 0)), itemStyle: { color: BLUE } },
          ],
        },
      ],
    }),
    [figures.data, t],
  );

  const satisfaction = figures.data?.satisfaction;
  const levelsOption: EChartsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: LEVELS.map((l) => te('satisfaction_', l)), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('ratings'),
          data: LEVELS.map((l, i) => ({ value: satisfaction?.levels?.[l] ?? 0, itemStyle: { color: i < 3 ? GREEN : RED } })),
        },
      ],
    }),
    [satisfaction, t, te],
  );

  const decisionOption: EChartsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 80, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: ['P50', 'P90'] },
      yAxis: { type: 'value', name: scale.unit, max: scale.axisMax },
      series: [
        {
          type: 'bar',
          name: t('timeToDecision'),
          data: [
            { value: scale.p50, itemStyle: { color: scale.p50 > scale.sla ? RED : BLUE } },
            { value: scale.p90, itemStyle: { color: scale.p90 > scale.sla ? RED : ORANGE } },
          ],
          barMaxWidth: 60,
          ...(scale.slaShown
            ? { markLine: { symbol: 'none', lineStyle: { color: RED, type: 'dashed' }, label: { formatter: `${t('sla')} ${sla} h` }, data: [{ yAxis: scale.sla }] } }
            : {}),
        },
      ],
    }),
    [scale, sla, t],
  );

  const monthsOption: EChartsOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 56, top: 32, bottom: 56 },
      xAxis: { type: 'category', data: series.map((m) => m.month) },
      yAxis: [
        { type: 'value', name: `${t('applications')} / ${t('calls')}` },
        { type: 'value', name: t('revenue'), axisLabel: { formatter: '¥{value}' } },
      ],
      series: [
        { type: 'bar', name: t('applicationsPerMonth'), data: series.map((m) => m.applications), itemStyle: { color: BLUE } },
        { type: 'bar', name: t('callsPerMonth'), data: series.map((m) => m.calls), itemStyle: { color: GREEN } },
        { type: 'line', name: t('revenuePerMonth'), yAxisIndex: 1, data: series.map((m) => m.revenueYuan), itemStyle: { color: ORANGE } },
      ],
    }),
    [series, t],
  );

  return (
    <Page title={t('efficiencyTitle')}>
      <QueryView query={figures}>
        {(f) => (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('autoShare')} value={formatPercent(locale, share)} />
                  <span className="pdx-subtle-dark" data-testid="auto-share">
                    {t('autoApprovedOf', { auto: formatNumber(locale, f.autoApproved), total: formatNumber(locale, f.applications) })}
                  </span>
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('p50')} value={duration(f.medianSecondsToDecision)} />
                  <span className="pdx-subtle-dark">{t('againstSla', { sla })}</span>
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('p90')} value={duration(f.p90SecondsToDecision)} />
                  <span className="pdx-subtle-dark">{t('againstSla', { sla })}</span>
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card>
                  <Statistic title={t('inReview')} value={formatNumber(locale, f.inReview)} />
                  <span className="pdx-subtle-dark">
                    {t('pastSla')}: {formatNumber(locale, f.reviewsPastSla)}
                  </span>
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
              <Col xs={24} lg={12}>
                <Card title={<h2 className="pdx-card-title">{t('autoShare')}</h2>}>
                  <EChart option={shareOption} label={`${t('autoShare')}: ${formatPercent(locale, share)}`} testId="chart-auto-share" height={280} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={<h2 className="pdx-card-title">{t('timeToDecision')}</h2>}>
                  <EChart
                    option={decisionOption}
                    label={`${t('p50')} ${scale.p50} ${scale.unit}, ${t('p90')} ${scale.p90} ${scale.unit}, ${t('sla')} ${sla} h`}
                    testId="chart-decision-time"
                    height={280}
                  />
                  {!scale.slaShown && (
                    <p className="pdx-subtle-dark" data-testid="sla-far">
                      {t('slaFarAbove', { sla })}
                    </p>
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={<h2 className="pdx-card-title">{t('satisfactionTitle')}</h2>} data-testid="satisfaction-figures">
                  {(satisfaction?.ratings ?? 0) === 0 ? (
                    <EmptyState title={t('satisfactionNone')} />
                  ) : (
                    <EChart option={levelsOption} label={t('satisfactionTitle')} testId="chart-satisfaction" height={260} />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card title={<h2 className="pdx-card-title">{t('casesFigures')}</h2>}>
                  <Row gutter={[16, 16]}>
                    <Col span={12}>
                      <Statistic title={t('casesOpen')} value={satisfaction?.cases?.open ?? 0} />
                    </Col>
                    <Col span={12}>
                      <Statistic title={t('casesOverdueNow')} value={satisfaction?.cases?.overdueNow ?? 0} styles={{ content: { color: (satisfaction?.cases?.overdueNow ?? 0) > 0 ? RED : undefined } }} />
                    </Col>
                    <Col span={12}>
                      <Statistic title={t('casesAnsweredOnTime')} value={satisfaction?.cases?.answeredOnTime ?? 0} />
                    </Col>
                    <Col span={12}>
                      <Statistic title={t('casesAnsweredLate')} value={satisfaction?.cases?.answeredLate ?? 0} />
                    </Col>
                  </Row>
                </Card>
              </Col>
              <Col xs={24}>
                <Card title={<h2 className="pdx-card-title">{`${t('applicationsPerMonth')} · ${t('callsPerMonth')} · ${t('revenuePerMonth')}`}</h2>}>
                  {series.length === 0 ? (
                    <EmptyState title={t('noMonths')} />
                  ) : (
                    <EChart option={monthsOption} label={t('applicationsPerMonth')} testId="chart-months" height={320} />
                  )}
                </Card>
              </Col>
            </Row>
          </>
        )}
      </QueryView>
      <DeadlinesSection />
    </Page>
  );
}
