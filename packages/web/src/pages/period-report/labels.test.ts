import { describe, expect, it } from 'vitest';
import { groupName } from './labels.ts';

describe('dashboard group names follow the language', () => {
  it('shows the server’s Chinese in Chinese', () => {
    expect(groupName('town', { value: '360322202', label: '东源乡' }, 'zh-CN', '（未关联企业）')).toBe('东源乡');
    expect(groupName('desk', { value: 'clerk', label: '窗口受理' }, 'zh-CN', '')).toBe('窗口受理');
  });

  it('names towns and desks from their code in English; matters and industries as sent', () => {
    expect(groupName('town', { value: '360322202', label: '东源乡' }, 'en', '(no enterprise)')).toBe(
      'Dongyuan Township',
    );
    expect(groupName('town', { value: '', label: '（未关联企业）' }, 'en', '(no enterprise)')).toBe('(no enterprise)');
    expect(groupName('desk', { value: 'clerk', label: '窗口受理' }, 'en', '')).toBe('service window');
    expect(groupName('matter', { value: 'm1', label: '排污许可证核发' }, 'en', '')).toBe('排污许可证核发');
  });
});
