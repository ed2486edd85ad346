import { QuestionCircleOutlined } from '@ant-design/icons';
import { todayInShanghai } from '@qingshan/core/calendar';
import { RECTIFICATION_STATE_LABELS, RECTIFICATION_STATES, type RectificationState } from '@qingshan/core/ratings';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Statistic,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import {
  dateFilter,
  defineListQuery,
  flagFilter,
  oneOfFilter,
  PagedTable,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime, shanghaiDayEnd, shanghaiDayStart } from '../../utils/datetime.ts';
import {
  actOnRectification,
  getRating,
  listRatings,
  type Rating,
  type RectifyAction,
  ratingKeys,
  ratingSummary,
} from './api.ts';
import { levelText } from './RatingForm.tsx';

const STATE_COLORS: Record<RectificationState, string> = {
  open: 'red',
  contacted: 'orange',
  rectified: 'green',
  void: 'default',
};

/**
 * The period the summary counts and the list shows: the URL's, or this year so far, in Beijing days
 * (a browser in another zone would otherwise end the period before a rating given this morning).
 */
export function periodOf(
  q: { from?: string | undefined; to?: string | undefined },
  today: string = todayInShanghai(),
): [string, string] {
  return [q.from ?? `${today.slice(0, 4)}-01-01`, q.to ?? today];
}

/** The period's figures; the list below shows the same period's ratings, so its total is the bars' sum. */
function Summary({ range, onRange }: { range: [string, string]; onRange: (range: [string, string]) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const from = shanghaiDayStart(range[0]);
  const to = shanghaiDayEnd(range[1]);
  const s = useQuery({
    queryKey: ratingKeys.summary(from, to),
    queryFn: ({ signal }) => ratingSummary(from, to, signal),
  });
  const total = s.data?.distribution.reduce((a, d) => a + d.count, 0) ?? 0;
  return (
    <Card
      title={t('ratings.summary')}
      style={{ marginBottom: 16 }}
      extra={
        <DatePicker.RangePicker
          value={[dayjs(range[0]), dayjs(range[1])]}
          aria-label={t('ratings.period')}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && onRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
        />
      }
    >
      {s.isError ? (
        <ErrorState error={s.error} />
      ) : (
        <Row gutter={24}>
          <Col xs={24} md={14}>
            {(s.data?.distribution ?? []).map((d) => (
              <Flex key={d.level} gap={8} align="center">
                {/* one line a level: "very dissatisfied" needs more room than 非常不满意 */}
                <span style={{ flex: 'none', width: lang === 'en' ? 130 : 90, whiteSpace: 'nowrap' }}>
                  {levelText(d.level, lang)}
                </span>
                <Progress
                  percent={total ? Math.round((d.count / total) * 100) : 0}
                  format={() => <span data-testid="rating-level-count">{d.count}</span>}
                  status={d.level <= 2 ? 'exception' : 'normal'}
                />
              </Flex>
            ))}
          </Col>
          <Col xs={24} md={10}>
            <Flex gap={24}>
              <Statistic title={t('ratings.badCount')} value={s.data?.bad ?? 0} />
              <Statistic title={t('ratings.rectifiedOnTime')} value={s.data?.rectifiedOnTime ?? 0} />
              {/* over the bad ratings whose verdict is in: one still within its due date is not late yet */}
              <Statistic
                title={
                  <Tooltip title={t('ratings.onTimeShareDefinition')}>
                    <span data-testid="on-time-share-title">
                      {t('ratings.onTimeShare')} <QuestionCircleOutlined />
                    </span>
                  </Tooltip>
                }
                value={s.data?.due ? Math.round((s.data.rectifiedOnTime / s.data.due) * 1000) / 10 : '—'}
                suffix={s.data?.due ? '%' : undefined}
              />
            </Flex>
            {s.data && s.data.bad > s.data.due ? (
              <Typography.Text type="secondary" data-testid="pending-rectifications">
                {t('ratings.pendingNote', { n: s.data.bad - s.data.due, due: s.data.due })}
              </Typography.Text>
            ) : null}
          </Col>
        </Row>
      )}
    </Card>
  );
}

const EVENT_TYPES = ['appointment', 'petition', 'reception-concern', 'visit'] as const;

const ratingListQuery = defineListQuery({
  filters: {
    bad: flagFilter(),
    state: oneOfFilter(RECTIFICATION_STATES),
    eventType: oneOfFilter(EVENT_TYPES),
    from: dateFilter(),
    to: dateFilter(),
  },
  sorts: ['-createdAt', 'createdAt', '-level', 'level'] as const,
});

/** 好差评: ratings of every service, and the follow-up of bad ones (回访, 整改, 申诉). */
export default function RatingsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  // the service rated, in English where its module said it in English (older ratings: Chinese)
  const labelOf = (r: Rating) => (lang === 'en' && r.labelEn) || r.label;
  const { roles } = useAuth();
  const showError = useShowError();
  const qc = useQueryClient();
  const list = useListQuery(ratingListQuery);
  const { query, update } = list;
  const [selected, setSelected] = useState<Rating | null>(null);
  const [action, setAction] = useState<RectifyAction['action'] | null>(null);
  const [form] = Form.useForm<{ note: string; upheld?: boolean; reviewingBody?: string; referenceNo?: string }>();
  const range = periodOf(query);
  const listed = { ...query, from: shanghaiDayStart(range[0]), to: shanghaiDayEnd(range[1]) };
  const result = useQuery({
    queryKey: ratingKeys.list(listed),
    queryFn: ({ signal }) => listRatings(listed, signal),
    placeholderData: keepPreviousData,
  });
  const act = useMutation({
    mutationFn: (body: RectifyAction) => actOnRectification(selected!.id, body),
    onSuccess: (r) => {
      setSelected(r);
      setAction(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ratingKeys.all });
    },
    onError: showError,
  });
  // Notifications of a bad rating link here with ?focus=<id>: open that rating's follow-up.
  const [params, setParams] = useSearchParams();
  const focus = params.get('focus');
  const focused = useQuery({
    queryKey: ['ratings', 'one', focus],
    queryFn: ({ signal }) => getRating(focus!, signal),
    enabled: !!focus,
  });
  useEffect(() => {
    if (focused.data) {
      setSelected(focused.data);
      // only `focus` goes: the list's own filters and page stay in the URL
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.delete('focus');
          return next;
        },
        { replace: true },
      );
    }
  }, [focused.data, setParams]);
  const x = selected?.rectification;
  // the appeal in a line: its state and reason, the reviewing body's decision, its reference in brackets
  const appeal = x
    ? `${t(`ratings.appealStates.${x.appealState}` as 'ratings.appealStates.none')} ${x.appealReason ?? ''} ${
        x.appealDecisionNote ? `→ ${x.appealReviewingBody ?? ''} ${x.appealDecisionNote}` : ''
      }`
    : '';
  const isLeader = canAccess(roles, PERMISSIONS.ratingAppealDecide);
  return (
    <PageContainer title={t('ratings.title')}>
      <Summary range={range} onRange={([from, to]) => update({ from, to })} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Flex align="center" gap={4}>
          <Switch
            size="small"
            aria-label={t('ratings.badOnly')}
            checked={query.bad === 'true'}
            onChange={(c) => update({ bad: c ? 'true' : undefined })}
          />
          {t('ratings.badOnly')}
        </Flex>
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('ratings.state')}
          placeholder={t('ratings.state')}
          value={query.state}
          onChange={(v) => update({ state: v })}
          options={RECTIFICATION_STATES.map((s) => ({
            value: s,
            label: RECTIFICATION_STATE_LABELS[s][lang === 'en' ? 'en' : 'zh'],
          }))}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          aria-label={t('ratings.eventType')}
          placeholder={t('ratings.eventType')}
          value={query.eventType}
          onChange={(v) => update({ eventType: v })}
          options={EVENT_TYPES.map((v) => ({
            value: v,
            label: t(`ratings.eventTypes.${v}`),
          }))}
        />
      </Flex>
      <PagedTable<Rating, typeof query>
        cardHeading="label"
        list={list}
        result={result}
        columns={[
          {
            title: t('ratings.createdAt'),
            dataIndex: 'createdAt',
            sorter: true,
            render: (v: string) => <DateTimeText value={v} />,
          },
          { title: t('ratings.event'), dataIndex: 'label', render: (_, r) => labelOf(r) },
          {
            title: t('ratings.level'),
            dataIndex: 'level',
            sorter: true,
            render: (l: number) => (
              <Tag color={l <= 2 ? 'red' : l >= 4 ? 'green' : 'default'}>{levelText(l, lang)}</Tag>
            ),
          },
          { title: t('ratings.comment'), dataIndex: 'comment', ellipsis: true },
          {
            title: t('ratings.state'),
            render: (_, r) =>
              r.rectification ? (
                <Tag color={STATE_COLORS[r.rectification.state]}>
                  {RECTIFICATION_STATE_LABELS[r.rectification.state][lang === 'en' ? 'en' : 'zh']}
                </Tag>
              ) : (
                t('common.none')
              ),
          },
          { title: t('ratings.rectifyDue'), render: (_, r) => r.rectification?.rectifyDueDate ?? t('common.none') },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.rectification ? (
                <Button size="small" onClick={() => setSelected(r)}>
                  {t('ratings.followUp')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={selected !== null}
        width={720}
        title={selected ? labelOf(selected) : undefined}
        footer={null}
        onCancel={() => {
          setSelected(null);
          setAction(null);
        }}
        destroyOnHidden
      >
        {selected && x ? (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('ratings.level')}>{levelText(selected.level, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('ratings.comment')}>{selected.comment}</Descriptions.Item>
              <Descriptions.Item label={t('ratings.state')}>
                {RECTIFICATION_STATE_LABELS[x.state][lang === 'en' ? 'en' : 'zh']}
              </Descriptions.Item>
              <Descriptions.Item label={t('ratings.contactDue')}>
                {x.contactDueDate} {x.contactedAt ? `· ${formatDateTime(x.contactedAt)} ${x.contactNote ?? ''}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('ratings.rectifyDue')}>
                {x.rectifyDueDate} {x.rectifiedAt ? `· ${formatDateTime(x.rectifiedAt)} ${x.rectifyNote ?? ''}` : ''}{' '}
                {x.onTime === null ? null : x.onTime ? (
                  <Tag color="green">{t('petitions.onTime')}</Tag>
                ) : (
                  <Tag color="red">{t('petitions.late')}</Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('ratings.appeal')}>
                {x.appealReferenceNo ? t('common.parenthetical', { text: appeal, note: x.appealReferenceNo }) : appeal}
              </Descriptions.Item>
            </Descriptions>
            <Flex gap={8} style={{ margin: '16px 0' }} wrap>
              {x.state === 'open' ? (
                <Button onClick={() => setAction('contact')}>{t('ratings.actions.contact')}</Button>
              ) : null}
              {x.state === 'contacted' && x.appealState !== 'pending' ? (
                <Button type="primary" onClick={() => setAction('rectify')}>
                  {t('ratings.actions.rectify')}
                </Button>
              ) : null}
              {x.appealState === 'none' && (x.state === 'open' || x.state === 'contacted') ? (
                <Button onClick={() => setAction('appeal')}>{t('ratings.actions.appeal')}</Button>
              ) : null}
              {x.appealState === 'pending' && isLeader ? (
                <Button onClick={() => setAction('decide-appeal')}>{t('ratings.actions.decide-appeal')}</Button>
              ) : null}
            </Flex>
            {action ? (
              <Form
                form={form}
                layout="vertical"
                onFinish={(v) =>
                  act.mutate(
                    action === 'decide-appeal'
                      ? {
                          action,
                          upheld: v.upheld === true,
                          note: v.note,
                          reviewingBody: v.reviewingBody ?? '',
                          ...(v.referenceNo ? { referenceNo: v.referenceNo } : {}),
                        }
                      : { action, note: v.note },
                  )
                }
              >
                {action === 'decide-appeal' ? (
                  <>
                    <Form.Item
                      name="reviewingBody"
                      label={t('ratings.reviewingBody')}
                      extra={t('ratings.reviewingBodyHelp')}
                      rules={[{ required: true, min: 2 }]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="referenceNo" label={t('ratings.appealReferenceNo')}>
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name="upheld" label={t('ratings.upheld')} valuePropName="checked" initialValue={false}>
                      <Switch />
                    </Form.Item>
                  </>
                ) : null}
                <Form.Item
                  name="note"
                  label={t(`ratings.actions.${action}` as 'ratings.actions.contact')}
                  rules={[{ required: true, min: 2 }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={act.isPending}>
                  {t('common.confirm')}
                </Button>
              </Form>
            ) : null}
          </>
        ) : null}
      </Modal>
    </PageContainer>
  );
}
