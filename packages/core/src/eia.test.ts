import { describe, expect, it } from 'vitest';
import { pathAllows, pathRefusal, pathsFor } from './eia.ts';

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
