import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  draftReport,
  draftText,
  figureSegments,
  fillTemplate,
  previousMonth,
  type ReportFigure,
  reportDraftEditSchema,
  SENTENCE_TEMPLATES,
  sectionOfGroup,
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
});

describe('draftReport', () => {
  it('reads like the 2020 report for the article figures', () => {
    const d = draftReport(ARTICLE, ARTICLE_FIGURES);
    const text = draftText(d);
    expect(d.title).toBe('上栗县生态环境局“放管服”改革工作情况（2020年1月1日至2020年11月30日）');
    expect(text).toContain('截至11月30日，共计办理告知承诺制环评13个、环评豁免3个');
    expect(text).toContain('组织上门服务企业达243户次，其中集中开展下沉式服务4次');
    expect(text).toContain('共接待企业32家，接待86人次，受理并解决问题45个');
    expect(d.sections.map((s) => s.key)).toEqual(['intro', 'fang', 'fu', 'closing']);
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

  it('every figure given appears in exactly one sentence, with its value in the text', () => {
    const keys = [...new Set(SENTENCE_TEMPLATES.flatMap((t) => t.keys)), 'x1', 'x2'];
    fc.assert(
      fc.property(
        fc.subarray(keys),
        fc.array(fc.nat(100_000), { minLength: keys.length, maxLength: keys.length }),
        (chosen, values) => {
          const figures = chosen.map((k, i) => fig(k, values[i]!, k.startsWith('x') ? 'ratings' : undefined));
          const d = draftReport(ARTICLE, figures);
          const refs = d.sections.flatMap((s) => s.sentences.flatMap((x) => x.figures.map((f) => ({ ...f, text: x.text }))));
          expect(refs.map((r) => r.key).sort()).toEqual([...chosen].sort());
          for (const r of refs) expect(r.text).toContain(String(r.value));
        },
      ),
    );
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
      fc.property(fc.string(), fc.array(fc.record({ key: fc.string(), value: fc.nat(1000) }), { maxLength: 5 }), (text, figures) => {
        expect(
          figureSegments(text, figures)
            .map((s) => s.text)
            .join(''),
        ).toBe(text);
      }),
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
      reportDraftEditSchema.safeParse({ ...ok, sections: [{ ...ok.sections[0], sentences: [{ id: 'x', text: '  ' }] }] })
        .success,
    ).toBe(false);
    expect(reportDraftEditSchema.safeParse({ ...ok, sections: Array(6).fill(ok.sections[0]) }).success).toBe(false);
  });
});
