import { describe, expect, it } from 'vitest';
import { groupName } from './labels.ts';

describe('dashboard group names follow the language', () => {
  it('shows the server’s Chinese in Chinese', () => {
    expect(groupName('town', { value: '360322202', label: '东源乡' }, 'zh-CN', '（未关联企业）')).toBe('东源乡');
    expect(groupName('desk', { value: 'clerk', label: '窗口受理' }, 'zh-CN', '')).toBe('窗口受理');
    expect(groupName('matter', { value: 'eia-report-form', label: '建设项目环境影响报告表审批' }, 'zh-CN', '')).toBe(
      '建设项目环境影响报告表审批',
    );
  });

  it('names industry divisions from their code in English', () => {
    expect(groupName('industry', { value: '26', label: '26 化学原料和化学制品制造业' }, 'en', '(no enterprise)')).toBe(
      '26 Manufacture of chemical raw materials and chemical products',
    );
    expect(groupName('industry', { value: '', label: '（未关联企业）' }, 'en', '(no enterprise)')).toBe(
      '(no enterprise)',
    );
    expect(groupName('industry', { value: '26', label: '26 化学原料和化学制品制造业' }, 'zh-CN', '')).toBe(
      '26 化学原料和化学制品制造业',
    );
  });

  it('names towns, desks and matters from their code in English; deadlines as sent', () => {
    expect(groupName('town', { value: '360322202', label: '东源乡' }, 'en', '(no enterprise)')).toBe(
      'Dongyuan Township',
    );
    expect(groupName('town', { value: '', label: '（未关联企业）' }, 'en', '(no enterprise)')).toBe('(no enterprise)');
    expect(groupName('desk', { value: 'clerk', label: '窗口受理' }, 'en', '')).toBe('Service window');
    expect(groupName('matter', { value: 'm1', label: '排污许可证核发' }, 'en', '')).toBe('排污许可证核发');
    expect(groupName('matter', { value: 'eia-report-form', label: '建设项目环境影响报告表审批' }, 'en', '')).toBe(
      'Approval of an EIA report form',
    );
    expect(groupName('matter', { value: 'eia.report-form.statutory', label: '报告表审批时限' }, 'en', '')).toBe(
      '报告表审批时限',
    );
  });

  it('names a deadline the server names as shipped by its shipped English', () => {
    expect(groupName('matter', { value: 'site-inspection.rectify', label: '责令限期改正' }, 'en', '')).toBe(
      'order to rectify within a period',
    );
    expect(
      groupName(
        'matter',
        { value: 'permit.renewal-reminder', label: '排污许可证延续申请提醒（至届满前60日）' },
        'en',
        '',
      ),
    ).toBe('discharge permit renewal: reminder until 60 days before expiry');
    expect(groupName('matter', { value: 'site-inspection.rectify', label: '责令限期改正' }, 'zh-CN', '')).toBe(
      '责令限期改正',
    );
  });
});
