import { todayInShanghai } from '@qingshan/core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  type Client,
  idsInOrder,
  login,
  loginAs,
  makeEnterprise,
  makeUser,
  type TestApp,
  uniqueName,
} from '../../test/helpers.ts';
import { policies, policyPushes } from './tables.ts';

let t: TestApp;
let clerk: Client;
let inspector: Client;
let entA: Client;
let entA2: Client;
let entB: Client;
let entFar: Client;
let citizen: Client;
let A: { id: string };
let B: { id: string };

// Industry 2672 (焰火、鞭炮产品制造) in town 360322101; B makes the same in another town; Far is in another industry.
const TOWN = '360322101';
const OTHER_TOWN = '360322102';

beforeAll(async () => {
  t = await buildTestApp();
  clerk = await loginAs(t, ['clerk']);
  inspector = await loginAs(t, ['inspector']);
  A = await makeEnterprise(t, { townCode: TOWN, industryCode: '2672' });
  B = await makeEnterprise(t, { townCode: TOWN, industryCode: '2671' });
  const far = await makeEnterprise(t, { townCode: OTHER_TOWN, industryCode: '1311' });
  entA = await loginAs(t, ['enterprise'], A.id);
  const a2 = await makeUser(t, ['enterprise'], A.id);
  entA2 = await login(t, a2.username);
  entB = await loginAs(t, ['enterprise'], B.id);
  entFar = await loginAs(t, ['enterprise'], far.id);
  citizen = await loginAs(t, ['citizen']);
});
afterAll(() => t.close());

const policy = (over: Record<string, unknown> = {}) => ({
  kind: 'benefit',
  title: '烟花爆竹企业安全环保改造补助办法',
  summary: '对完成废气治理改造的烟花爆竹生产企业给予一次性补助',
  body: '一、适用范围：本县烟花爆竹制造企业。二、补助标准：按改造投资额的 20% 给予补助，最高 10 万元。',
  issuer: '萍乡市上栗生态环境局',
  documentNo: '上环字〔2025〕8号',
  industries: ['267'],
  towns: [TOWN],
  topics: ['subsidy'],
  validFrom: '2025-01-01',
  validTo: '2099-12-31',
  ...over,
});

async function ok(p: ReturnType<Client['request']>, status = 200) {
  const r = await p;
  expect(r.statusCode, r.body.slice(0, 400)).toBe(status);
  return r.json();
}

describe('publishing and pushing a policy', () => {
  let id: string;

  it('refuses bad input with field details and writes nothing', async () => {
    const res = await clerk.request({
      method: 'POST',
      url: '/api/policies',
      payload: policy({ validTo: '2024-01-01', industries: ['9999'], towns: ['x'] }),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['validTo', 'industries.0', 'towns.0']));
    const list = await ok(clerk.request({ method: 'GET', url: '/api/policies' }));
    expect(list.total).toBe(0);
  });

  it('a draft is not public; the inspector may read but not publish', async () => {
    const created = await ok(clerk.request({ method: 'POST', url: '/api/policies', payload: policy() }), 201);
    id = created.id;
    expect(created.status).toBe('draft');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/policies/${id}` })).statusCode).toBe(404);
    const pub = await t.app.inject({ method: 'GET', url: '/api/public/policies' });
    expect(pub.json().total).toBe(0);
    const denied = await inspector.request({
      method: 'POST',
      url: `/api/policies/${id}/publish`,
      payload: { version: 1 },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('attachments are bounded to PDFs and images and listed with the policy', async () => {
    const pdf = Buffer.from('%PDF-1.4\n%test\n');
    const up = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/policies/${id}/attachments?name=${encodeURIComponent('补助申请表.pdf')}`,
        headers: { 'content-type': 'application/pdf' },
        payload: pdf,
      }),
      201,
    );
    expect(up.fileName).toBe('补助申请表.pdf');
    const bad = await clerk.request({
      method: 'POST',
      url: `/api/policies/${id}/attachments?name=x.exe`,
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from('MZ'),
    });
    expect(bad.statusCode).toBe(415);
    const d = await ok(clerk.request({ method: 'GET', url: `/api/policies/${id}` }));
    expect(d.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['补助申请表.pdf']);
  });

  it('publishing pushes to every account of the concerned enterprises, not to others', async () => {
    const res = await ok(
      clerk.request({ method: 'POST', url: `/api/policies/${id}/publish`, payload: { version: 1 } }),
    );
    expect(res.status).toBe('published');
    // A has two accounts, B one (2671 is under 267); Far is in another industry and town
    expect(res.pushed).toBe(3);
    const again = await clerk.request({ method: 'POST', url: `/api/policies/${id}/publish`, payload: { version: 2 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('POLICY_STATE_CONFLICT');
    const mine = await ok(entA.request({ method: 'GET', url: '/api/me/policies' }));
    expect(mine.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect(mine.items[0].readAt).toBeNull();
    const far = await ok(entFar.request({ method: 'GET', url: '/api/me/policies' }));
    expect(far.total).toBe(0);
    const inbox = await ok(entA.request({ method: 'GET', url: '/api/inbox' }));
    expect(
      inbox.items.some(
        (n: { title: string; link: string }) => n.title.includes('补助办法') && n.link === `/enterprise/policies/${id}`,
      ),
    ).toBe(true);
    // in English the kind is translated; the policy's own title and summary stay as the bureau wrote them
    const pushed = inbox.items.find((n: { link: string }) => n.link === `/enterprise/policies/${id}`);
    expect(pushed).toMatchObject({
      title: '【惠企措施】烟花爆竹企业安全环保改造补助办法',
      titleEn: '[Support measure] 烟花爆竹企业安全环保改造补助办法',
      bodyEn: '对完成废气治理改造的烟花爆竹生产企业给予一次性补助',
    });
  });

  it('the reach moves when an enterprise reads it: delivered, read, share of concerned enterprises', async () => {
    let reach = await ok(clerk.request({ method: 'GET', url: `/api/policies/${id}/reach` }));
    expect(reach).toMatchObject({
      pushed: 3,
      read: 0,
      concerned: 2,
      concernedDelivered: 2,
      concernedReached: 0,
      share: 0,
    });
    const read = await ok(entA.request({ method: 'POST', url: `/api/me/policies/${id}/read` }));
    expect(read.readAt).not.toBeNull();
    // reading again keeps the first read
    const again = await ok(entA.request({ method: 'POST', url: `/api/me/policies/${id}/read` }));
    expect(again.readAt).toBe(read.readAt);
    reach = await ok(clerk.request({ method: 'GET', url: `/api/policies/${id}/reach` }));
    expect(reach).toMatchObject({ pushed: 3, read: 1, concerned: 2, concernedReached: 1, share: 50 });
    // the second account of A reading does not reach a new enterprise
    await ok(entA2.request({ method: 'POST', url: `/api/me/policies/${id}/read` }));
    reach = await ok(clerk.request({ method: 'GET', url: `/api/policies/${id}/reach` }));
    expect(reach).toMatchObject({ read: 2, concernedReached: 1, share: 50 });
    const notReached = await ok(
      clerk.request({ method: 'GET', url: `/api/policies/${id}/reach/enterprises?reached=false` }),
    );
    expect(notReached.items.map((e: { id: string }) => e.id)).toEqual([B.id]);
    expect(notReached.items[0]).toMatchObject({ delivered: true, reached: false });
  });

  it('the reach is a dashboard figure: concerned, delivered and read per policy and firm, each listing its pairs', async () => {
    // a concerned firm with no account: concerned, never delivered
    const C = await makeEnterprise(t, { townCode: TOWN, industryCode: '2672' });
    const today = todayInShanghai();
    const period = `from=${today.slice(0, 4)}-01-01&to=${today}`;
    const dash = await ok(clerk.request({ method: 'GET', url: `/api/figures?${period}` }));
    expect(dash.values).toMatchObject({ policyFirmsConcerned: 3, policyFirmsDelivered: 2, policyFirmsReached: 1 });
    const records = async (key: string) =>
      (await ok(clerk.request({ method: 'GET', url: `/api/figures/${key}/records?${period}&pageSize=50` }))).items as {
        enterpriseId: string;
        detail: string;
        link: string;
      }[];
    const concerned = await records('policyFirmsConcerned');
    expect(new Map(concerned.map((r) => [r.enterpriseId, r.detail]))).toEqual(
      new Map([
        [A.id, '已送达，已阅读'],
        [B.id, '已送达，未阅读'],
        [C.id, '未送达（发布时该企业没有可用账号）'],
      ]),
    );
    expect(concerned.every((r) => r.link === `/staff/policies/${id}`)).toBe(true);
    expect((await records('policyFirmsDelivered')).map((r) => r.enterpriseId).sort()).toEqual([A.id, B.id].sort());
    expect((await records('policyFirmsReached')).map((r) => r.enterpriseId)).toEqual([A.id]);
    // the period report says it in its 服 section
    const leader = await loginAs(t, ['leader']);
    const draft = await ok(leader.request({ method: 'GET', url: `/api/period-report/draft?${period}` }));
    const fu = draft.sections.find((x: { key: string }) => x.key === 'fu');
    expect(fu.sentences.find((x: { id: string }) => x.id === 'fu.policies').text).toContain(
      '应触达企业3户次，已送达2户次，企业已阅读1户次',
    );
  });

  it('is public with its attachment, in force, and in a well-formed Atom feed with escaping', async () => {
    const d = (await t.app.inject({ method: 'GET', url: `/api/public/policies/${id}` })).json();
    expect(d.title).toBe('烟花爆竹企业安全环保改造补助办法');
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/public/policies/${id}/attachments/${d.attachments[0].id}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/policies?inForce=true&kind=benefit' })).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(id);
    const tricky = await ok(
      clerk.request({
        method: 'POST',
        url: '/api/policies',
        payload: policy({
          kind: 'notice',
          title: '关于 <重污染> 天气 & "应急" 的通知',
          industries: [],
          towns: [],
          topics: ['emergency'],
        }),
      }),
      201,
    );
    await ok(clerk.request({ method: 'POST', url: `/api/policies/${tricky.id}/publish`, payload: { version: 1 } }));
    const feed = await t.app.inject({ method: 'GET', url: '/api/public/policies/feed.atom' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('关于 &lt;重污染&gt; 天气 &amp; &quot;应急&quot; 的通知');
    expect(feed.body).not.toContain('<重污染>');
    expect(feed.body.match(/<entry>/g)?.length).toBe(2);
    // well-formed: every element that opens, closes, in order
    const stack: string[] = [];
    for (const m of feed.body.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z:]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });
});

describe('subscriptions', () => {
  it('a subscriber outside the concerned enterprises gets what it asked for; citizens only notices marked for them', async () => {
    await ok(entFar.request({ method: 'PUT', url: '/api/me/policy-subscription', payload: { topics: ['eia'] } }));
    await ok(citizen.request({ method: 'PUT', url: '/api/me/policy-subscription', payload: {} }));
    const bad = await entFar.request({
      method: 'PUT',
      url: '/api/me/policy-subscription',
      payload: { topics: ['nope'] },
    });
    expect(bad.statusCode).toBe(400);
    expect((await ok(entFar.request({ method: 'GET', url: '/api/me/policy-subscription' }))).topics).toEqual(['eia']);
    const eia = await ok(
      clerk.request({
        method: 'POST',
        url: '/api/policies',
        payload: policy({
          kind: 'interpretation',
          title: '环评告知承诺制政策解读',
          industries: ['2672'],
          topics: ['eia'],
        }),
      }),
      201,
    );
    const pushed = await ok(
      clerk.request({ method: 'POST', url: `/api/policies/${eia.id}/publish`, payload: { version: 1 } }),
    );
    // A's two accounts (concerned) and Far (subscribed); B (2671) is not concerned by 2672; the citizen gets no interpretation
    expect(pushed.pushed).toBe(3);
    expect(
      (await ok(entFar.request({ method: 'GET', url: '/api/me/policies' }))).items.map((p: { id: string }) => p.id),
    ).toContain(eia.id);
    expect((await ok(citizen.request({ method: 'GET', url: '/api/me/policies' }))).total).toBe(0);
    const notice = await ok(
      clerk.request({
        method: 'POST',
        url: '/api/policies',
        payload: policy({
          kind: 'notice',
          title: '关于开展环保开放日活动的通知',
          industries: [],
          towns: [],
          topics: ['other'],
          forCitizens: true,
        }),
      }),
      201,
    );
    await ok(clerk.request({ method: 'POST', url: `/api/policies/${notice.id}/publish`, payload: { version: 1 } }));
    const cit = await ok(citizen.request({ method: 'GET', url: '/api/me/policies' }));
    expect(cit.items.map((p: { id: string }) => p.id)).toEqual([notice.id]);
  });
});

describe('Q&A and FAQ', () => {
  it('an enterprise asks, sees only its own unanswered questions, and a published answer joins the FAQ', async () => {
    const list = await ok(clerk.request({ method: 'GET', url: '/api/policies?status=published&kind=benefit' }));
    const id = list.items[0].id as string;
    const q = await ok(
      entA.request({
        method: 'POST',
        url: `/api/policies/${id}/questions`,
        payload: { question: '已完成改造但尚未验收，能否申请补助？' },
      }),
      201,
    );
    expect(q.mine).toBe(true);
    await ok(
      entB.request({
        method: 'POST',
        url: `/api/policies/${id}/questions`,
        payload: { question: '补助资金何时拨付到位？' },
      }),
      201,
    );
    // the clerk who wrote the policy is told, with a link to its desk page
    const deskInbox = await ok(clerk.request({ method: 'GET', url: '/api/inbox' }));
    expect(
      deskInbox.items
        .filter((n: { link: string | null }) => n.link === `/staff/policies/${id}`)
        .map((n: { body: string }) => n.body),
    ).toEqual(expect.arrayContaining(['已完成改造但尚未验收，能否申请补助？', '补助资金何时拨付到位？']));
    const askedEn = deskInbox.items.find(
      (n: { link: string | null; body: string }) =>
        n.link === `/staff/policies/${id}` && n.body === '补助资金何时拨付到位？',
    );
    expect(askedEn).toMatchObject({
      titleEn: `An enterprise asked about a policy: ${list.items[0].title}`,
      bodyEn: '补助资金何时拨付到位？',
    });
    const seenByB = await ok(entB.request({ method: 'GET', url: `/api/policies/${id}/questions` }));
    expect(seenByB.items.map((x: { question: string }) => x.question)).toEqual(['补助资金何时拨付到位？']);
    const citizenAsks = await citizen.request({
      method: 'POST',
      url: `/api/policies/${id}/questions`,
      payload: { question: '个人可以申请吗？' },
    });
    expect(citizenAsks.statusCode).toBe(403);
    const answered = await ok(
      clerk.request({
        method: 'POST',
        url: `/api/policies/${id}/questions/${q.id}/answer`,
        payload: { answer: '须在验收合格后申请，验收前可先提交材料预审。', publish: true },
      }),
    );
    expect(answered.published).toBe(true);
    const nowSeenByB = await ok(entB.request({ method: 'GET', url: `/api/policies/${id}/questions` }));
    expect(nowSeenByB.total).toBe(2);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/policies/${id}` })).json();
    expect(pub.faq).toEqual([expect.objectContaining({ question: '已完成改造但尚未验收，能否申请补助？' })]);
    const inbox = await ok(entA.request({ method: 'GET', url: '/api/inbox' }));
    expect(inbox.items.some((n: { title: string }) => n.title.startsWith('您的政策咨询已答复'))).toBe(true);
    const answeredEn = inbox.items.find((n: { kind: string }) => n.kind === 'policy.answered');
    expect(answeredEn).toMatchObject({
      titleEn: `Your question about a policy has been answered: ${list.items[0].title}`,
      bodyEn: '须在验收合格后申请，验收前可先提交材料预审。',
    });
  });

  it('withdrawn policies leave the public pages and the portal list', async () => {
    const list = await ok(clerk.request({ method: 'GET', url: '/api/policies?kind=interpretation' }));
    const p = list.items[0];
    await ok(
      clerk.request({
        method: 'POST',
        url: `/api/policies/${p.id}/withdraw`,
        payload: { version: p.version, reason: '政策已废止' },
      }),
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/public/policies/${p.id}` })).statusCode).toBe(404);
    const far = await ok(entFar.request({ method: 'GET', url: '/api/me/policies' }));
    expect(far.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
  });
});

describe('the staff list', () => {
  it('lists drafts then the newest published first, or oldest first when asked; by title or start either way', async () => {
    const tag = uniqueName('排序');
    // titles the same but for the last letter, so any collation orders them A, B, C, D
    const write = async (title: string, validFrom: string, createdAt: string, publishedAt: string | null) => {
      const p = await ok(
        clerk.request({ method: 'POST', url: '/api/policies', payload: policy({ title, validFrom }) }),
        201,
      );
      await t.database.db
        .update(policies)
        .set({
          createdAt: new Date(createdAt),
          ...(publishedAt ? { status: 'published', publishedAt: new Date(publishedAt) } : {}),
        })
        .where(eq(policies.id, p.id));
      return p.id as string;
    };
    const older = await write(`${tag}B`, '2025-03-01', '2026-04-01T09:00:00+08:00', '2026-05-01T09:00:00+08:00');
    const newer = await write(`${tag}C`, '2025-01-01', '2026-04-02T09:00:00+08:00', '2026-05-10T09:00:00+08:00');
    const draft = await write(`${tag}A`, '2025-02-01', '2026-04-03T09:00:00+08:00', null);
    const newDraft = await write(`${tag}D`, '2025-04-01', '2026-04-04T09:00:00+08:00', null);
    const ids = (sort: string) => idsInOrder(clerk, `/api/policies?q=${encodeURIComponent(tag)}`, sort);
    expect(await ids('')).toEqual([newDraft, draft, newer, older]);
    expect(await ids('-publishedAt')).toEqual([newDraft, draft, newer, older]);
    expect(await ids('publishedAt')).toEqual([older, newer, draft, newDraft]);
    expect(await ids('title')).toEqual([draft, older, newer, newDraft]);
    expect(await ids('-title')).toEqual([newDraft, newer, older, draft]);
    expect(await ids('validFrom')).toEqual([newer, draft, older, newDraft]);
    expect(await ids('-validFrom')).toEqual([newDraft, older, draft, newer]);
    expect((await clerk.request({ method: 'GET', url: '/api/policies?sort=kind' })).statusCode).toBe(400);
    // the public list, without sign-in: the published ones only, in the same orders
    const pub = async (sort: string) => {
      const url = `/api/public/policies?q=${encodeURIComponent(tag)}${sort ? `&sort=${sort}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((p: { id: string }) => p.id);
    };
    expect(await pub('')).toEqual([newer, older]);
    expect(await pub('publishedAt')).toEqual([older, newer]);
    expect(await pub('title')).toEqual([older, newer]);
    expect(await pub('-title')).toEqual([newer, older]);
    expect(await pub('validFrom')).toEqual([newer, older]);
    expect(await pub('-validFrom')).toEqual([older, newer]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/policies?sort=kind' })).statusCode).toBe(400);
  });
});

describe('the portal list', () => {
  it('lists what was pushed to me newest first, or oldest first, or by title either way; refuses another sort', async () => {
    const firm = await makeEnterprise(t, { townCode: TOWN, industryCode: '2672' });
    const reader = await loginAs(t, ['enterprise'], firm.id);
    const tag = uniqueName('推送排序');
    // titles the same but for the last letter, so any collation orders them A, B, C
    const push = async (title: string, pushedAt: string) => {
      const p = await ok(clerk.request({ method: 'POST', url: '/api/policies', payload: policy({ title }) }), 201);
      await ok(clerk.request({ method: 'POST', url: `/api/policies/${p.id}/publish`, payload: { version: 1 } }));
      await t.database.db
        .update(policyPushes)
        .set({ pushedAt: new Date(pushedAt) })
        .where(and(eq(policyPushes.policyId, p.id), eq(policyPushes.userId, reader.userId)));
      return p.id as string;
    };
    const b = await push(`${tag}B`, '2026-06-01T09:00:00+08:00');
    const a = await push(`${tag}A`, '2026-06-03T09:00:00+08:00');
    const c = await push(`${tag}C`, '2026-06-02T09:00:00+08:00');
    const ids = (sort: string) => idsInOrder(reader, '/api/me/policies?pageSize=100', sort);
    expect(await ids('')).toEqual([a, c, b]);
    expect(await ids('-pushedAt')).toEqual([a, c, b]);
    expect(await ids('pushedAt')).toEqual([b, c, a]);
    expect(await ids('title')).toEqual([a, b, c]);
    expect(await ids('-title')).toEqual([c, b, a]);
    expect((await reader.request({ method: 'GET', url: '/api/me/policies?sort=readAt' })).statusCode).toBe(400);
  });
});
