import { describe, expect, it } from 'vitest';
import { enterpriseConcerned, policyBodySchema, reachShare, subscriptionMatches, xmlEscape } from './policies.ts';

describe('policies', () => {
  it('an industry section concerns every class below it; no town means the whole county', () => {
    expect(enterpriseConcerned({ industries: ['26'], towns: [] }, { industryCode: '2672', townCode: 'x' })).toBe(true);
    expect(enterpriseConcerned({ industries: ['26'], towns: [] }, { industryCode: '1311', townCode: 'x' })).toBe(false);
    expect(enterpriseConcerned({ industries: [], towns: ['a'] }, { industryCode: '1311', townCode: 'b' })).toBe(false);
  });
  it('an empty subscription criterion matches anything; a filled one must meet the policy', () => {
    const p = { kind: 'benefit', industries: ['2672'], towns: [], topics: ['subsidy'] };
    expect(subscriptionMatches({ industries: [], towns: [], topics: [], kinds: [] }, p)).toBe(true);
    expect(subscriptionMatches({ industries: [], towns: [], topics: ['eia'], kinds: [] }, p)).toBe(false);
    expect(subscriptionMatches({ industries: ['26'], towns: ['t'], topics: [], kinds: ['benefit'] }, p)).toBe(true);
    expect(subscriptionMatches({ industries: ['13'], towns: [], topics: [], kinds: [] }, p)).toBe(false);
  });
  it('validity ends cannot cross', () => {
    const base = {
      kind: 'notice',
      title: '通知标题',
      summary: '摘要内容',
      body: '正文内容正文内容正文',
      issuer: '萍乡市上栗生态环境局',
      topics: ['other'],
    };
    expect(policyBodySchema.safeParse({ ...base, validFrom: '2025-01-02', validTo: '2025-01-01' }).success).toBe(false);
    expect(policyBodySchema.safeParse({ ...base, validFrom: '2025-01-02' }).success).toBe(true);
  });
  it('reach share and XML escaping', () => {
    expect(reachShare(1, 3)).toBe(33.3);
    expect(reachShare(0, 0)).toBeNull();
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });
});
