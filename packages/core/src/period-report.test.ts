import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  draftReport,
  draftText,
  figureSegments,
  fillTemplate,
  monthlyReportDue,
  oneVisitGroups,
  previousMonth,
  type ReportFigure,
  reportDraftEditSchema,
  SENTENCE_TEMPLATES,
  SLA_OUTCOMES,
  sectionOfGroup,
  slaGroups,
  slaRowMatches,
  untilPhrase,
} from './period-report.ts';

const fig = (key: string, value: number, group?: string, label = key, unit = '个'): ReportFigure => ({
  key,
  value,
  label: { zh: label, en: label },
  unit: { zh: unit, en: unit },
  group,
});

const ARTICLE = { from: '2020-01-01', to: '2020-11-30' };
const ARTICLE_FIGURES = [
  fig('commitmentEiaApproved', 13, 'eia'),
  fig('eiaExemptions', 3, 'eia'),
  fig('enterpriseVisits', 243, 'service'),
  fig('campaigns', 4, 'service'),
  fig('receptionEnterprises', 32, 'service'),
  fig('receptionPeople', 86, 'service'),
  fig('receptionConcernsResolved', 45, 'service'),
];

describe('dates in the bureau style', () => {
  it('writes dates and the "截至" phrase as the report does', () => {
    expect(chineseDate('2020-01-01')).toBe('2020年1月1日');
    expect(untilPhrase('2020-01-01', '2020-11-30')).toBe('截至11月30日');
    expect(untilPhrase('2020-06-01', '2021-03-31')).toBe('截至2021年3月31日');
  });

  it('gives the previous calendar month, across a year end and in February', () => {
    expect(previousMonth('2021-01-01')).toEqual({ month: '2020-12', from: '2020-12-01', to: '2020-12-31' });
    expect(previousMonth('2024-03-15')).toEqual({ month: '2024-02', from: '2024-02-01', to: '2024-02-29' });
    expect(previousMonth('2023-03-01').to).toBe('2023-02-28');
  });

  it('reports a month only if it ended after the install (a month the install saw part of counts)', () => {
    expect(monthlyReportDue('2020-11-30', '2020-12-04')).toBe(false);
    expect(monthlyReportDue('2020-11-30', '2020-12-01')).toBe(false);
    expect(monthlyReportDue('2020-11-30', '2020-11-30')).toBe(true);
    expect(monthlyReportDue('2020-11-30', '2020-11-02')).toBe(true);
  });
});

describe('draftReport', () => {
  it('reads like the 2020 report for the article figures', () => {
    const d = draftReport(ARTICLE, ARTICLE_FIGURES);
    const text = draftText(d);
    expect(d.title).toBe('萍乡市上栗生态环境局“放管服”改革工作情况（2020年1月1日至2020年11月30日）');
    expect(text).toContain('截至11月30日，共计办理告知承诺制环评13个、环评豁免3个');
    expect(text).toContain('组织上门服务企业达243户次，其中集中开展下沉式服务4次');
    expect(text).toContain('共接待企业32家，接待86人次，受理并解决问题45个');
    expect(d.sections.map((s) => s.key)).toEqual(['intro', 'fang', 'fu', 'closing']);
  });

  it('words the concerns accepted by the reception days and the ratings by level, not in a bare "此外"', () => {
    const d = draftReport(ARTICLE, [
      ...ARTICLE_FIGURES,
      fig('receptionConcernsAccepted', 52, 'reception', '受理问题'),
      fig('badRatings', 16, 'ratings'),
      fig('badRatingsDue', 15, 'ratings'),
      fig('badRatingsRectifiedOnTime', 8, 'ratings'),
      ...[38, 20, 11, 5, 0].map((n, i) => fig(`ratingsLevel${5 - i}`, n, 'ratings', `评价${5 - i}`)),
    ]);
    const fu = d.sections.find((s) => s.key === 'fu')!.sentences;
    expect(fu.map((s) => s.id)).not.toContain('fu.other');
    const text = fu.map((s) => s.text).join('');
    expect(text).toContain('受理并解决问题45个。接待日共受理企业和群众反映的问题52个。');
    // a level with no rating is left out with its separator
    expect(text).toContain(
      '收到差评16个，其中已整改或整改期限已届满的15个中按期整改8个。全部评价中，“非常满意”38个、“满意”20个、“基本满意”11个、“不满意”5个。',
    );
    // with nothing to say, neither sentence is drafted and no 0 is stated
    const quiet = draftReport(ARTICLE, [
      fig('receptionConcernsAccepted', 0, 'reception'),
      ...[5, 4, 3, 2, 1].map((l) => fig(`ratingsLevel${l}`, 0, 'ratings')),
    ]);
    expect(quiet.sections.map((x) => x.key)).toEqual(['intro', 'closing']);
    expect(fu.find((s) => s.id === 'fu.ratingLevels')!.figures.map((f) => f.key)).toEqual([
      'ratingsLevel5',
      'ratingsLevel4',
      'ratingsLevel3',
      'ratingsLevel2',
    ]);
  });

  it('drafts no sentence whose figure is missing, and never invents a number', () => {
    const d = draftReport(ARTICLE, [fig('commitmentEiaApproved', 13, 'eia')]);
    const text = draftText(d);
    expect(text).not.toContain('环评豁免');
    expect(text).not.toMatch(/\{[A-Za-z]+\}/);
    // the lone figure still appears, worded by its own label
    expect(text).toContain('commitmentEiaApproved13个');
  });

  it('reports a figure no template words in the section of its group', () => {
    const d = draftReport(ARTICLE, [fig('inspectionsDone', 7, 'inspections', '现场检查', '次')]);
    const guan = d.sections.find((s) => s.key === 'guan')!;
    expect(guan.sentences).toEqual([
      { id: 'guan.other', text: '此外，现场检查7次。', figures: [{ key: 'inspectionsDone', value: 7 }] },
    ]);
    expect(sectionOfGroup(undefined)).toBe('guan');
    expect(sectionOfGroup('service')).toBe('fu');
  });

  it('every figure given that is not 0 appears in exactly one sentence, with its value in the text', () => {
    const keys = [...new Set(SENTENCE_TEMPLATES.flatMap((t) => t.keys)), 'x1', 'x2'];
    fc.assert(
      fc.property(
        fc.subarray(keys),
        fc.array(fc.nat(100_000), { minLength: keys.length, maxLength: keys.length }),
        (chosen, values) => {
          const figures = chosen.map((k, i) => fig(k, values[i]!, k.startsWith('x') ? 'ratings' : undefined));
          const d = draftReport(ARTICLE, figures);
          const refs = d.sections.flatMap((s) =>
            s.sentences.flatMap((x) => x.figures.map((f) => ({ ...f, text: x.text }))),
          );
          const value = new Map(chosen.map((k, i) => [k, values[i]!]));
          const nonZero = chosen.filter((k) => value.get(k) !== 0);
          // a figure is sure to be stated unless its sentence has a 0 it may depend on (差评 0 → 整改 not said)
          const drafted = (k: string) =>
            SENTENCE_TEMPLATES.find((t) => t.keys.includes(k) && t.keys.every((x) => value.has(x)));
          const sure = nonZero.filter((k) => !drafted(k)?.keys.some((x) => value.get(x) === 0));
          const stated = refs.map((r) => r.key);
          expect(new Set(stated).size).toBe(stated.length);
          for (const k of stated) expect(nonZero).toContain(k);
          for (const k of sure) expect(stated).toContain(k);
          for (const r of refs) expect(r.text).toContain(String(r.value));
          // nothing is left of the template's marks, and no zero is spelled out as a count
          const text = draftText(d);
          expect(text).not.toMatch(/[{}[\]|\uE000\uE001]/);
          expect(text).not.toMatch(/(?<!\d)0(?:个|件|家|项|条|次|户次|家次|人次)/);
          expect(text).not.toMatch(/[、，；][，。；、]/);
        },
      ),
    );
  });

  it('words a count of 0 naturally: the clause is left out or says 未/尚无, never "0件"', () => {
    const period = { from: '2021-01-01', to: '2021-03-31' };
    const text = (figures: ReportFigure[]) => draftText(draftReport(period, figures));
    // the audit's case: applications decided, none with a time limit
    const apps = text([
      fig('applicationsDecided', 5, 'applications'),
      fig('applicationsDecidedWithLimit', 0, 'applications'),
      fig('applicationsOnTime', 0, 'applications'),
      fig('oneVisitRate', 2, 'applications'),
    ]);
    expect(apps).toContain('办结行政许可申请5件，申请人最多跑一次即办结2件。');
    const late = text([
      fig('applicationsDecided', 5, 'applications'),
      fig('applicationsDecidedWithLimit', 4, 'applications'),
      fig('applicationsOnTime', 0, 'applications'),
      fig('oneVisitRate', 0, 'applications'),
    ]);
    expect(late).toContain('办结行政许可申请5件，其中设有办理时限的4件均未按时办结。');
    const eia = text([fig('commitmentEiaApproved', 13, 'eia'), fig('eiaExemptions', 0, 'eia')]);
    expect(eia).toContain('共计办理告知承诺制环评13个，“放”了市场主体活力。');
    const none = text([fig('commitmentEiaApproved', 0, 'eia'), fig('eiaExemptions', 0, 'eia')]);
    expect(none).toContain('截至3月31日尚未办理告知承诺制环评和环评豁免。');
    const ratings = text([
      fig('badRatings', 0, 'ratings'),
      fig('badRatingsDue', 0, 'ratings'),
      fig('badRatingsRectifiedOnTime', 0, 'ratings'),
    ]);
    expect(ratings).toContain('开展政务服务“好差评”，未收到差评。');
    // a bad rating still within its due date is received, but not yet on time or late
    const pending = text([
      fig('badRatings', 1, 'ratings'),
      fig('badRatingsDue', 0, 'ratings'),
      fig('badRatingsRectifiedOnTime', 0, 'ratings'),
    ]);
    expect(pending).toContain('开展政务服务“好差评”，收到差评1个。');
    // the demo's December: 9 received, one due on 25 December still being rectified
    const december = text([
      fig('badRatings', 9, 'ratings'),
      fig('badRatingsDue', 8, 'ratings'),
      fig('badRatingsRectifiedOnTime', 7, 'ratings'),
    ]);
    expect(december).toContain('收到差评9个，其中已整改或整改期限已届满的8个中按期整改7个。');
    const cases = text([fig('rectificationOrders', 0), fig('rectifiedOnTime', 0), fig('enforcementCases', 2)]);
    expect(cases).toContain('立案查处环境违法案件2件。');
    expect(cases).not.toContain('责令整改');
    // a stated figure keeps its link; a figure left out has none
    const d = draftReport(period, [
      fig('badRatings', 3, 'ratings'),
      fig('badRatingsDue', 2, 'ratings'),
      fig('badRatingsRectifiedOnTime', 0, 'ratings'),
    ]);
    const s = d.sections.flatMap((x) => x.sentences).find((x) => x.id === 'fu.ratings')!;
    expect(s).toEqual({
      id: 'fu.ratings',
      text: '开展政务服务“好差评”，收到差评3个，其中已整改或整改期限已届满的2个均未按期整改。',
      figures: [
        { key: 'badRatings', value: 3 },
        { key: 'badRatingsDue', value: 2 },
      ],
    });
  });

  it('a rate over nothing is left out, never 0 %; a measured 0 % and other counts stay', () => {
    const rate = (key: string, label: string, value: number, noData: boolean): ReportFigure => ({
      ...fig(key, value, 'monitoring', label, '%'),
      rate: true,
      noData,
    });
    const y2020 = draftReport(ARTICLE, [
      rate('monitoringDataCaptureRate', '有效传输率', 0, true),
      rate('monitoringOnlineRate', '监控点在线率', 0, true),
    ]);
    expect(draftText(y2020)).not.toContain('%');
    expect(y2020.sections.map((s) => s.key)).toEqual(['intro', 'closing']);
    const mixed = draftReport(ARTICLE, [
      rate('monitoringDataCaptureRate', '有效传输率', 0, false),
      rate('monitoringOnlineRate', '监控点在线率', 0, true),
      fig('stationsAdded', 0, 'monitoring', '新增监控点', '个'),
      fig('permitsIssued', 4, 'monitoring', '核发排污许可证', '张'),
    ]);
    const other = mixed.sections.flatMap((s) => s.sentences).find((s) => s.id === 'guan.other')!;
    expect(other.text).toBe('此外，有效传输率0%，核发排污许可证4张。');
    expect(other.figures.map((f) => f.key)).toEqual(['monitoringDataCaptureRate', 'permitsIssued']);
  });

  it('fillTemplate leaves nothing unfilled and refuses a template with a missing key', () => {
    const t = SENTENCE_TEMPLATES.find((x) => x.id === 'fang.eia')!;
    expect(fillTemplate(t, new Map([['commitmentEiaApproved', 1]]), ARTICLE)).toBeNull();
    expect(fillTemplate(t, new Map(t.keys.map((k) => [k, 0])), ARTICLE)).not.toMatch(/[{}]/);
  });
});

describe('figureSegments', () => {
  it('ties each drafted number to its figure, whole numbers only', () => {
    const segs = figureSegments('办理告知承诺制环评13个、环评豁免3个。', [
      { key: 'a', value: 13 },
      { key: 'b', value: 3 },
    ]);
    expect(segs).toEqual([
      { text: '办理告知承诺制环评' },
      { text: '13', figure: 'a' },
      { text: '个、环评豁免' },
      { text: '3', figure: 'b' },
      { text: '个。' },
    ]);
  });

  it('a number the editor removed loses its link; the text is always kept whole', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.record({ key: fc.string(), value: fc.nat(1000) }), { maxLength: 5 }),
        (text, figures) => {
          expect(
            figureSegments(text, figures)
              .map((s) => s.text)
              .join(''),
          ).toBe(text);
        },
      ),
    );
    expect(figureSegments('共计办理二十个', [{ key: 'a', value: 20 }])).toEqual([{ text: '共计办理二十个' }]);
  });
});

describe('reportDraftEditSchema', () => {
  it('accepts an edit and refuses unknown fields, empty sentences and too many sections', () => {
    const ok = {
      version: 1,
      title: '报告',
      sections: [{ key: 'fang', heading: '一、', sentences: [{ id: 'fang.eia', text: '改过的句子。' }] }],
    };
    expect(reportDraftEditSchema.safeParse(ok).success).toBe(true);
    expect(reportDraftEditSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(
      reportDraftEditSchema.safeParse({
        ...ok,
        sections: [{ ...ok.sections[0], sentences: [{ id: 'x', text: '  ' }] }],
      }).success,
    ).toBe(false);
    expect(reportDraftEditSchema.safeParse({ ...ok, sections: Array(6).fill(ok.sections[0]) }).success).toBe(false);
  });
});

describe('SLA groups', () => {
  const row = (over: Partial<import('./period-report.ts').SlaRow>) => ({
    id: Math.random().toString(),
    desk: 'clerk',
    matter: 'm',
    town: 't',
    industry: 'i',
    outcome: 'on-time' as const,
    days: 3,
    ...over,
  });

  it('sums on time, late and open overdue per value, rates over completed only', () => {
    const rows = [
      row({}),
      row({ outcome: 'late', days: 9 }),
      row({ outcome: 'open-overdue', days: null }),
      row({ desk: 'approver', outcome: 'open', days: null }),
    ];
    expect(slaGroups(rows, 'desk')).toEqual([
      { value: 'clerk', completed: 2, onTime: 1, late: 1, overdue: 1, onTimeRate: 0.5, averageDays: 6 },
      { value: 'approver', completed: 0, onTime: 0, late: 0, overdue: 0, onTimeRate: null, averageDays: null },
    ]);
    expect(slaGroups(rows, null)[0]).toMatchObject({ value: '', completed: 2, overdue: 1 });
  });

  it('the groups of any dimension add up to the whole, and each metric matches its rows', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            desk: fc.constantFrom('clerk', 'approver', ''),
            town: fc.constantFrom('a', 'b'),
            outcome: fc.constantFrom(...SLA_OUTCOMES),
          }),
        ),
        (spec) => {
          const rows = spec.map((s) => row({ ...s, days: s.outcome.startsWith('open') ? null : 1 }));
          const whole = slaGroups(rows, null)[0] ?? { completed: 0, overdue: 0 };
          for (const dim of ['desk', 'town'] as const) {
            const gs = slaGroups(rows, dim);
            expect(gs.reduce((s, g) => s + g.completed, 0)).toBe(whole.completed);
            expect(gs.reduce((s, g) => s + g.overdue, 0)).toBe(whole.overdue);
          }
          expect(rows.filter((r) => slaRowMatches(r, 'completed')).length).toBe(whole.completed);
          expect(rows.filter((r) => slaRowMatches(r, 'overdue')).length).toBe(whole.overdue);
        },
      ),
    );
  });

  it('one-visit rate per matter counts decided applications with at most one visit', () => {
    const rows = [
      { id: '1', matter: 'eia', town: 'a', industry: 'x', visits: 0 },
      { id: '2', matter: 'eia', town: 'a', industry: 'x', visits: 1 },
      { id: '3', matter: 'eia', town: 'b', industry: 'x', visits: 2 },
    ];
    expect(oneVisitGroups(rows, 'matter')).toEqual([{ value: 'eia', decided: 3, oneVisit: 2, oneVisitRate: 0.667 }]);
    expect(oneVisitGroups(rows, 'town').map((g) => g.oneVisitRate)).toEqual([1, 0]);
    // tallies of the same rows, as a query groups them, give the same groups
    const tallies = [
      { matter: 'eia', town: 'a', industry: 'x', decided: 2, oneVisit: 2 },
      { matter: 'eia', town: 'b', industry: 'x', decided: 1, oneVisit: 0 },
    ];
    for (const dim of [null, 'matter', 'town', 'industry'] as const)
      expect(oneVisitGroups(tallies, dim), String(dim)).toEqual(oneVisitGroups(rows, dim));
  });
});
