import { describe, expect, it } from 'vitest';
import { APPLICATION_STATES } from './applications.ts';
import { applicationLinkRefusal, pathAllows, pathRefusal, pathsFor } from './eia.ts';

describe('which paths a classified project may take', () => {
  it('keeps report books off the commitment path except for pig farms (Jiangxi 2020)', () => {
    expect(pathAllows('commitment', 'report-form', '2672')).toBe(true);
    expect(pathAllows('commitment', 'report-book', '3011')).toBe(false);
    expect(pathAllows('commitment', 'report-book', '0313')).toBe(true);
    expect(pathsFor('report-book', '3011')).toEqual(['report-book']);
    expect(pathsFor('report-form')).toEqual(['commitment', 'ordinary']);
    expect(pathsFor('none')).toEqual(['exemption']);
    expect(pathsFor('registration-form')).toEqual(['exemption', 'filing']);
  });

  it('explains a refusal in plain words with the row and the paths that fit', () => {
    const r = pathRefusal('commitment', 'report-book', '名录第54行“报告书”栏', '3011');
    expect(r.suggested).toEqual(['report-book']);
    expect(r.zh).toContain('按名录第54行“报告书”栏，本项目应编制环境影响报告书');
    expect(r.zh).toContain('只办理编制环境影响报告表的项目');
    expect(r.zh).toContain('请改选：“报告书审批（市局审批，跟踪）”');
    expect(r.zh).not.toMatch(/report-book|commitment/);
  });
});

describe('which applications an EIA case may be opened from', () => {
  const NOW = new Date('2026-06-15T08:00:00Z');
  const before = '2026-06-10T02:00:00Z';
  const after = '2026-06-20T02:00:00Z';
  const app = (status: string, acceptedAt: string | null, decidedAt: string | null = null) => ({
    status,
    acceptedAt,
    decidedAt,
  });

  it('only an accepted application still being handled, and only once', () => {
    const states: [string, string | null, string | null][] = [
      ['submitted', null, null],
      ['awaiting-materials', null, null],
      ['accepted', before, null],
      ['expert-review', before, null],
      ['approved', before, before],
      ['refused', before, before],
    ];
    const open = states.filter(([s, a, d]) => applicationLinkRefusal(app(s, a, d), null, NOW) === null).map(([s]) => s);
    expect(open).toEqual(['accepted', 'expert-review']);
    expect(APPLICATION_STATES).toEqual(states.map(([s]) => s));
    expect(applicationLinkRefusal(app('refused', before, before), null, NOW)?.zh).toContain('不予许可');
    expect(applicationLinkRefusal(app('approved', before, before), null, NOW)?.zh).toContain('准予许可');
    expect(applicationLinkRefusal(app('awaiting-materials', null), null, NOW)?.zh).toContain('尚未受理');
    expect(applicationLinkRefusal(app('withdrawn', before), null, NOW)?.zh).toContain('不在办理中');
    expect(applicationLinkRefusal(app('accepted', before), 'HP-2026-0001', NOW)?.zh).toContain(
      '已立环评事项 HP-2026-0001',
    );
    for (const [s, a, d] of states) {
      const r = applicationLinkRefusal(app(s, a, d), null, NOW);
      if (r) expect(r.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('judges the application as it stood when the case is opened', () => {
    // decided later than the moment replayed: it was still being handled then
    expect(applicationLinkRefusal(app('approved', before, after), null, NOW)).toBeNull();
    // accepted only later: not yet then
    expect(applicationLinkRefusal(app('accepted', after), null, NOW)?.zh).toContain('尚未受理');
  });
});
