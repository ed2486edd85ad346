import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditEntityLabel, isLabelledAuditAction } from './audit-labels.ts';
import { PETITION_ACTIONS } from './petitions.ts';

describe('audit action labels', () => {
  it('reads whole actions and record · step pairs in plain Chinese and English', () => {
    expect(auditActionLabel('auth.login')).toBe('登录');
    expect(auditActionLabel('auth.login', 'en')).toBe('Signed in');
    expect(auditActionLabel('petition.accept')).toBe('信访件 · 受理并告知');
    expect(auditActionLabel('reception.concern.resolve')).toBe('接待日诉求 · 办结');
    expect(auditActionLabel('appointment.no-show')).toBe('窗口预约 · 登记爽约');
    expect(auditActionLabel('clock.extend', 'en')).toBe('Deadline clock extended');
  });
  it('labels every petition step', () => {
    for (const a of PETITION_ACTIONS) expect(isLabelledAuditAction(`petition.${a}`), a).toBe(true);
  });
  it('never shows a raw code, even for an action nobody labelled yet', () => {
    for (const a of ['petition.teleport', 'widget.frobnicate', 'nodot']) {
      const label = auditActionLabel(a);
      expect(label).not.toContain(a);
      expect(label).not.toMatch(/[a-z]/);
      expect(isLabelledAuditAction(a)).toBe(false);
    }
    expect(auditActionLabel('petition.teleport')).toBe('信访件 · 其他操作');
  });

  it('names audited record types', () => {
    expect(auditEntityLabel('reception-concern')).toBe('接待日诉求');
    expect(auditEntityLabel('tracked-project')).toBe('重大项目');
    expect(auditEntityLabel('enterprise', 'en')).toBe('Enterprise');
    expect(auditEntityLabel('calendar_year')).toBe('节假日日历');
    expect(auditEntityLabel('gadget')).toBe('其他记录');
  });
});
