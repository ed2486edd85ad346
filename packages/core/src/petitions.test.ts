import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptanceLetterKind,
  allowedPetitionActions,
  isPetitionClosed,
  PETITION_ACTIONS,
  PETITION_LETTER_KINDS,
  PETITION_LETTER_TEMPLATES,
  PETITION_STATUSES,
  petitionResolutionApplies,
  petitionStep,
  renderTemplate,
} from './petitions.ts';

describe('petition stages (信访工作条例 第二十三、三十四至三十六条)', () => {
  it('the statutory path: accept → extension asked and approved → reply → review and re-review by others', () => {
    const path: [string, string][] = [];
    let s: (typeof PETITION_STATUSES)[number] = 'registered';
    for (const a of [
      'accept',
      'request-extension',
      'approve-extension',
      'reply',
      'record-delivery',
      'request-review',
      'transmit-review',
      'record-review',
      'request-re-review',
      'transmit-re-review',
      'record-re-review',
    ] as const) {
      const step = petitionStep(s, a);
      expect(step, `${s} ${a}`).not.toBeNull();
      path.push([a, step!.to]);
      s = step!.to;
    }
    expect(s).toBe('re-reviewed');
    expect(allowedPetitionActions('re-reviewed')).toEqual([]);
  });

  it('acceptance starts the 60-day clock; the review window starts at delivery, not at the reply', () => {
    expect(petitionStep('registered', 'accept')).toMatchObject({
      complete: expect.arrayContaining(['petition.acceptance-notice']),
      start: ['petition.resolution'],
      letter: 'acceptance',
    });
    expect(petitionStep('accepted', 'reply')).toMatchObject({ complete: ['petition.resolution'], start: [] });
    expect(petitionStep('replied', 'record-delivery')).toMatchObject({ start: ['petition.review-request'] });
  });

  it('no step writes a 复查 or 复核 letter in the bureau’s name (第三十五、三十六条: the next level up decides)', () => {
    for (const s of PETITION_STATUSES) {
      for (const a of PETITION_ACTIONS) {
        const step = petitionStep(s, a);
        if (step && /review/.test(a)) expect(step.letter, `${s} ${a}`).toBeNull();
      }
    }
    expect(PETITION_LETTER_KINDS).not.toContain('review');
    expect(PETITION_LETTER_KINDS).not.toContain('re-review');
  });

  it('the 60-day limit and its wording only for claims handled as petitions (第三十四条, 第三十一条第六项)', () => {
    expect(petitionResolutionApplies('claim', null)).toBe(true);
    expect(petitionResolutionApplies('claim', '行政复议法')).toBe(false);
    expect(petitionResolutionApplies('suggestion', null)).toBe(false);
    expect(petitionResolutionApplies('accusation', null)).toBe(false);
    expect(acceptanceLetterKind('suggestion', null)).toBe('acceptance-routed');
    expect(PETITION_LETTER_TEMPLATES['acceptance-routed']).not.toContain('60日');
  });

  it('property: every step started clock is completed by some later step or is a petitioner window', () => {
    const starts = new Set<string>();
    const completes = new Set<string>();
    for (const s of PETITION_STATUSES) {
      for (const a of PETITION_ACTIONS) {
        const step = petitionStep(s, a);
        if (!step) continue;
        for (const k of step.start) starts.add(k);
        for (const k of step.complete) completes.add(k);
      }
    }
    for (const k of starts) expect(completes.has(k), k).toBe(true);
  });

  it('property: actions not in the table are refused from every stage', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PETITION_STATUSES), fc.constantFrom(...PETITION_ACTIONS), (s, a) => {
        const step = petitionStep(s, a);
        expect(step === null).toBe(!allowedPetitionActions(s).includes(a));
      }),
    );
  });

  it('closed once a written answer went out', () => {
    expect(isPetitionClosed('registered')).toBe(false);
    expect(isPetitionClosed('accepted')).toBe(false);
    expect(isPetitionClosed('replied')).toBe(true);
    expect(isPetitionClosed('not-accepted')).toBe(true);
  });
});

describe('letters', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(renderTemplate('{a} 与 {b}', { a: '甲' })).toBe('甲 与 {b}');
  });

  it('every template renders completely with the values the server provides', () => {
    const values = {
      petitionerName: '刘某',
      code: 'XF23456789AB',
      title: '异味扰民',
      channel: '来信',
      receivedDate: '2020-05-06',
      acceptedDate: '2020-05-10',
      dueDate: '2020-07-09',
      bureau: '萍乡市上栗生态环境局',
      reason: '经查属实',
      date: '2020-06-01',
      days: 30,
      approver: '王局长',
      routedWording: '本机关将依照有关法律法规规定的程序处理。',
    };
    for (const k of PETITION_LETTER_KINDS) {
      const text = renderTemplate(PETITION_LETTER_TEMPLATES[k], values);
      expect(text, k).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(text).toContain('信访工作条例');
    }
  });
});
