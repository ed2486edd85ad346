import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Flex, Row, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { inLanguage } from '../alarms/labels.ts';
import { type Figure, figureKeys, getFigures } from './api.ts';
import { DistributionChart, TrendChart } from './Charts.tsx';
import { BAD_COLOUR, RATING_KEYS, ratingColour } from './chartOptions.ts';
import { ARTICLE_PERIOD, anyFigure, latestYearWithData, periodFromParams, periodQuery, yearPeriod } from './period.ts';

// the article's 放 figures (告知承诺制环评, 环评豁免) lead, then its 服 figures
const MAIN = [
  'commitmentEiaApproved',
  'eiaExemptions',
  'enterpriseVisits',
  'campaigns',
  'receptionEnterprises',
  'receptionPeople',
  'receptionConcernsAccepted',
  'receptionConcernsResolved',
];
const OTHER = [
  'bookingsExtended',
  'bookingsRegular',
  'petitionsClosed',
  'petitionsClosedWithLimit',
  'petitionsOnTime',
  'badRatings',
  'badRatingsDue',
  'badRatingsRectifiedOnTime',
  'eiaFilings',
  'positiveListFirms',
  'inspectionTargetsDrawn',
  'inspectionsDone',
  'policyFirmsConcerned',
  'policyFirmsDelivered',
  'policyFirmsReached',
];
/** Figures whose non-zero value is bad news, shown in the bad-rating colour. */
const BAD_NEWS = new Set(['badRatings']);

/**
 * 信访按期办结率: on time ÷ closed with a handling limit. Matters without one (suggestions, opinions,
 * other procedures) are neither on time nor late, so they are on neither side.
 */
function OnTimeRate({ onTime, withLimit }: { onTime: number; withLimit: Figure | undefined }) {
  const { t } = useTranslation();
  if (!withLimit || withLimit.value === 0) return null;
  const rate = Math.round((onTime / withLimit.value) * 1000) / 10;
  return (
    <Typography.Text type="secondary" data-testid="petitions-on-time-rate">
      {t('svc.figures.onTimeRate', { rate, onTime, withLimit: withLimit.value })}
    </Typography.Text>
  );
}

/**
 * 差评按期整改率: rectified on time ÷ bad ratings rectified or past their deadline. One still within its
 * deadline and not yet rectified is neither on time nor late, so it is on neither side.
 */
function RectifiedRate({ onTime, due }: { onTime: number; due: Figure | undefined }) {
  const { t } = useTranslation();
  if (!due || due.value === 0) return null;
  const rate = Math.round((onTime / due.value) * 1000) / 10;
  return (
    <Typography.Text type="secondary" data-testid="bad-ratings-rectified-rate">
      {t('svc.figures.rectifiedRate', { rate, onTime, due: due.value })}
    </Typography.Text>
  );
}

/** 政策触达率: firms reached ÷ firms the period's policies concern (each counted once per policy). */
function ReachRate({ reached, concerned }: { reached: number; concerned: Figure | undefined }) {
  const { t } = useTranslation();
  if (!concerned || concerned.value === 0) return null;
  const rate = Math.round((reached / concerned.value) * 1000) / 10;
  return (
    <Typography.Text type="secondary" data-testid="policy-reach-rate">
      {t('svc.figures.reachRate', { rate, reached, concerned: concerned.value })}
    </Typography.Text>
  );
}

/** 服务统计: every number is a count over records and links to them. */
export default function FiguresDashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const q = useQuery({ queryKey: figureKeys.period(period), queryFn: ({ signal }) => getFigures(period, signal) });
  // Opened without a period and this year has no records yet (January; the demo's 2020 data):
  // open on the latest earlier year that has some, and say so.
  const explicit = period.from !== undefined || period.to !== undefined || params.get('period') === 'this-year';
  const thisYear = q.data ? Number(q.data.to.slice(0, 4)) : 0;
  const needFallback = !explicit && q.data !== undefined && !anyFigure(q.data.values);
  const fallback = useQuery({
    queryKey: [...figureKeys.all, 'latest-year', thisYear],
    enabled: needFallback,
    queryFn: ({ signal }) =>
      latestYearWithData(thisYear, async (y) => anyFigure((await getFigures(yearPeriod(y), signal)).values)),
  });
  useEffect(() => {
    if (needFallback && fallback.data) {
      setParams({ ...yearPeriod(fallback.data), emptyYear: String(thisYear) }, { replace: true });
    }
  }, [needFallback, fallback.data, thisYear, setParams]);
  const emptyYear = params.get('emptyYear');

  const setPeriod = (from: string, to: string) => setParams({ from, to });
  const data = q.data;
  const byKey = new Map((data?.figures ?? []).map((f) => [f.key, f]));
  const linkOf = (key: string) => (data ? `/staff/figures/${key}?${periodQuery(data)}` : '#');

  const card = (f: Figure) => (
    <Col xs={24} sm={12} lg={8} key={f.key}>
      <Card size="small" hoverable data-testid={`figure-${f.key}`}>
        <Tooltip
          title={t('common.parenthetical', { text: f.definition[l], note: inLanguage(f.source, f.sourceEn, lang) })}
        >
          <Link to={linkOf(f.key)}>
            <Statistic
              title={f.label[l]}
              value={f.value}
              suffix={f.unit[l]}
              styles={BAD_NEWS.has(f.key) && f.value > 0 ? { content: { color: BAD_COLOUR } } : undefined}
            />
          </Link>
        </Tooltip>
        {f.key === 'petitionsOnTime' ? (
          <OnTimeRate onTime={f.value} withLimit={byKey.get('petitionsClosedWithLimit')} />
        ) : null}
        {f.key === 'badRatingsRectifiedOnTime' ? (
          <RectifiedRate onTime={f.value} due={byKey.get('badRatingsDue')} />
        ) : null}
        {f.key === 'policyFirmsReached' ? (
          <ReachRate reached={f.value} concerned={byKey.get('policyFirmsConcerned')} />
        ) : null}
      </Card>
    </Col>
  );

  return (
    <PageContainer
      title={t('svc.figures.title')}
      extra={
        <Flex gap={8} wrap>
          <DatePicker.RangePicker
            allowClear={false}
            value={data ? [dayjs(data.from), dayjs(data.to)] : null}
            onChange={(v) => {
              if (v?.[0] && v[1]) setPeriod(v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD'));
            }}
            data-testid="figures-range"
          />
          <Button onClick={() => setParams({ period: 'this-year' })} data-testid="figures-this-year">
            {t('svc.figures.thisYear')}
          </Button>
          <Button
            type="primary"
            onClick={() => setPeriod(ARTICLE_PERIOD.from, ARTICLE_PERIOD.to)}
            data-testid="figures-article"
          >
            {t('svc.figures.articlePeriod')}
          </Button>
        </Flex>
      }
    >
      {q.isLoading || (needFallback && fallback.isPending) ? (
        <PageLoading />
      ) : q.isError || !data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          {emptyYear && explicit ? (
            <Alert
              type="info"
              showIcon
              data-testid="figures-fallback"
              title={t('web.figures.fellBack', { empty: emptyYear, year: data.from.slice(0, 4) })}
            />
          ) : null}
          <Typography.Text type="secondary">
            {t('svc.figures.period', { from: data.from, to: data.to })}
          </Typography.Text>
          <Row gutter={[16, 16]}>
            {MAIN.map((k) => byKey.get(k))
              .filter((f): f is Figure => !!f)
              .map(card)}
          </Row>
          <Card title={t('svc.figures.trend')} size="small">
            <TrendChart
              months={data.monthly.map((m) => m.month)}
              series={['enterpriseVisits', 'receptionPeople', 'receptionConcernsResolved']
                .filter((k) => byKey.has(k))
                .map((k) => ({ name: byKey.get(k)!.label[l], data: data.monthly.map((m) => m.values[k] ?? 0) }))}
            />
          </Card>
          <Row gutter={[16, 16]}>
            {OTHER.map((k) => byKey.get(k))
              .filter((f): f is Figure => !!f)
              .map(card)}
          </Row>
          {RATING_KEYS.some((k) => byKey.has(k)) ? (
            <Card title={t('svc.figures.ratings')} size="small">
              <DistributionChart
                labels={RATING_KEYS.filter((k) => byKey.has(k)).map((k) => byKey.get(k)!.label[l])}
                values={RATING_KEYS.filter((k) => byKey.has(k)).map((k) => byKey.get(k)!.value)}
                colours={RATING_KEYS.filter((k) => byKey.has(k)).map(ratingColour)}
                onClick={(i) => navigate(linkOf(RATING_KEYS.filter((k) => byKey.has(k))[i]!))}
              />
            </Card>
          ) : null}
        </Flex>
      )}
    </PageContainer>
  );
}
