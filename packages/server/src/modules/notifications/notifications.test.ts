import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, idsInOrder, loginAs, makeEnterprise, type TestApp, uniqueName } from '../../test/helpers.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { auditEntries } from '../audit/tables.ts';
import { buildSenders, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './channels.ts';
import { dispatchDeliveries } from './dispatch.ts';
import { notify, setPreferences } from './service.ts';
import { deliveries } from './tables.ts';
import { startHttpServer, startSmtpServer } from './test-servers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('inbox', () => {
  it('lists my messages only, counts unread, marks read', async () => {
    const a = await loginAs(t, ['clerk']);
    const b = await loginAs(t, ['clerk']);
    await t.database.db.transaction(async (tx) => {
      await notify(tx, {
        userId: a.userId,
        kind: 'test.one',
        title: '第一条',
        body: '正文一',
        en: { title: 'First', body: 'Body one' },
        link: '/x/1',
      });
      await notify(tx, {
        userId: a.userId,
        kind: 'test.two',
        title: '第二条',
        body: '正文二',
        en: { title: 'Second', body: 'Body two' },
      });
      await notify(tx, {
        userId: b.userId,
        kind: 'test.one',
        title: '别人的',
        body: '…',
        en: { title: 'Someone else’s', body: '…' },
      });
    });
    const list = (await a.request({ method: 'GET', url: '/api/inbox' })).json();
    expect(list.items.map((n: { title: string }) => n.title).sort()).toEqual(['第一条', '第二条']);
    expect(list.unread).toBe(2);
    expect((await a.request({ method: 'GET', url: '/api/inbox/unread-count' })).json()).toEqual({ unread: 2 });
    const first = list.items.find((n: { title: string }) => n.title === '第一条');
    // the same message in English beside the Chinese, for the console's English face
    expect({ titleEn: first.titleEn, bodyEn: first.bodyEn }).toEqual({ titleEn: 'First', bodyEn: 'Body one' });
    const other = (await b.request({ method: 'GET', url: '/api/inbox' })).json().items[0];
    expect((await a.request({ method: 'POST', url: `/api/inbox/${other.id}/read` })).json().code).toBe(
      'FORBIDDEN_RECORD',
    );
    expect((await a.request({ method: 'POST', url: `/api/inbox/${first.id}/read` })).statusCode).toBe(204);
    expect(
      (await a.request({ method: 'GET', url: '/api/inbox?unread=true' }))
        .json()
        .items.map((n: { title: string }) => n.title),
    ).toEqual(['第二条']);
    expect((await a.request({ method: 'POST', url: '/api/inbox/read-all' })).json()).toEqual({ marked: 1 });
    expect((await a.request({ method: 'GET', url: '/api/worklist/counts' })).json().unread).toBe(0);
    expect((await b.request({ method: 'GET', url: '/api/inbox/unread-count' })).json()).toEqual({ unread: 1 });
  });

  it('rolls back with the caller: a failed transaction notifies nobody', async () => {
    const a = await loginAs(t, ['clerk']);
    await expect(
      t.database.db.transaction(async (tx) => {
        await notify(tx, {
          userId: a.userId,
          kind: 'test.rollback',
          title: '不应出现',
          body: '…',
          en: { title: 'Must not appear', body: '…' },
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect((await a.request({ method: 'GET', url: '/api/inbox' })).json().total).toBe(0);
  });
});

describe('preferences', () => {
  it('lets an enterprise user set e-mail, webhook and WeChat; a citizen cannot set a webhook', async () => {
    const e = await makeEnterprise(t);
    const u = await loginAs(t, ['enterprise'], e.id);
    const put = await u.request({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      // a literal public address: the check needs no name server (nothing is sent in this test)
      payload: { email: 'ent@example.test', webhookUrl: 'https://8.8.8.8/hook', wechatOpenid: 'oAbc_123456' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ inApp: true, email: 'ent@example.test', wechatOpenid: 'oAbc_123456' });
    expect(put.json().webhookSecret).toMatch(/^[\w-]{20,}$/);
    expect((await u.request({ method: 'GET', url: '/api/me/notification-preferences' })).json().email).toBe(
      'ent@example.test',
    );
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, u.userId));
    expect(audit.some((a) => a.action === 'notification-preferences.update')).toBe(true);

    const bad = await u.request({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      payload: { email: 'not-an-address' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('email');

    const citizen = await loginAs(t, ['citizen']);
    const refused = await citizen.request({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      payload: { webhookUrl: 'https://example.test/hook' },
    });
    expect(refused.statusCode).toBe(400);
    expect(
      (await citizen.request({ method: 'GET', url: '/api/me/notification-preferences' })).json().webhookUrl,
    ).toBeNull();
  });
});

describe('webhook receivers checked when saved', () => {
  const put = (c: Awaited<ReturnType<typeof loginAs>>, webhookUrl: string) =>
    c.request({ method: 'PUT', url: '/api/me/notification-preferences', payload: { webhookUrl } });

  it('refuses private, loopback and link-local receivers and names resolving to them, changing nothing', async () => {
    const e = await makeEnterprise(t);
    const u = await loginAs(t, ['enterprise'], e.id);
    expect((await put(u, 'https://8.8.8.8/hook')).statusCode).toBe(200);
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://10.1.2.3/hook',
      'http://192.168.1.20:8080/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[fe80::1]/hook',
      'http://localhost:8080/hook',
    ]) {
      const res = await put(u, url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().errors[0].path).toBe('webhookUrl');
      expect(res.json().errors[0].message, url).toMatch(/内部网络或本机/);
    }
    const now = (await u.request({ method: 'GET', url: '/api/me/notification-preferences' })).json();
    expect(now.webhookUrl).toBe('https://8.8.8.8/hook');
  });

  it('checks the receiver only when it changes, so other preferences can be saved', async () => {
    const e = await makeEnterprise(t);
    const u = await loginAs(t, ['enterprise'], e.id);
    // stored earlier (a name that resolved then and does not now)
    await t.database.db.transaction((tx) =>
      setPreferences(
        tx,
        SYSTEM_ACTOR,
        { id: u.userId, enterpriseId: e.id },
        { email: null, webhookUrl: 'https://gone.example.invalid/hook', wechatOpenid: null },
      ),
    );
    const res = await u.request({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      payload: { email: 'hb@example.test', webhookUrl: 'https://gone.example.invalid/hook' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await u.request({ method: 'GET', url: '/api/me/notification-preferences' })).json().email).toBe(
      'hb@example.test',
    );
  });

  it('refuses a host name that does not resolve, with its own message', async () => {
    const e = await makeEnterprise(t);
    const u = await loginAs(t, ['enterprise'], e.id);
    // .invalid never resolves (RFC 6761)
    const res = await put(u, 'https://hooks.example.invalid/hook');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: 'webhookUrl' });
    expect(res.json().errors[0].message).toMatch(/找不到回调地址中的主机名（hooks\.example\.invalid）/);
    expect((await u.request({ method: 'GET', url: '/api/me/notification-preferences' })).json().webhookUrl).toBeNull();
  });
});

describe('channels', () => {
  it('fans out to every user of an enterprise, signs webhooks with HMAC-SHA256 and retries with back-off', async () => {
    let failures = 1;
    const hook = await startHttpServer(() =>
      failures-- > 0 ? { status: 500, json: { error: 'busy' } } : { status: 200, json: { ok: true } },
    );
    const smtp = await startSmtpServer();
    try {
      const e = await makeEnterprise(t);
      const u1 = await loginAs(t, ['enterprise'], e.id);
      const u2 = await loginAs(t, ['enterprise'], e.id);
      // The API refuses a receiver on this machine when it is saved; stored directly here, it
      // stands for a name that resolved publicly then and privately now, which delivery refuses.
      const prefs = await t.database.db.transaction((tx) =>
        setPreferences(
          tx,
          SYSTEM_ACTOR,
          { id: u1.userId, enterpriseId: e.id },
          { email: null, webhookUrl: `${hook.url}/hook`, wechatOpenid: null },
        ),
      );
      await u2.request({
        method: 'PUT',
        url: '/api/me/notification-preferences',
        payload: { email: 'u2@example.test' },
      });
      await t.database.db.transaction((tx) =>
        notify(tx, {
          enterpriseId: e.id,
          kind: 'test.fanout',
          title: '整改通知',
          body: '请于期限内整改',
          en: { title: 'Rectification notice', body: 'Rectify within the period' },
          link: '/enterprise/x',
        }),
      );
      expect((await u1.request({ method: 'GET', url: '/api/inbox' })).json().total).toBe(1);
      expect((await u2.request({ method: 'GET', url: '/api/inbox' })).json().total).toBe(1);

      // by default a webhook into a private network is refused (and retried, visibly)
      const strict = buildSenders({ smtpUrl: smtp.url });
      const refused = await dispatchDeliveries(t.database.db, { senders: strict, owner: 'T', retryBaseMs: 0 });
      expect(refused).toEqual({ sent: 1, failed: 1 });
      const [blocked] = await t.database.db.select().from(deliveries).where(eq(deliveries.channel, 'webhook'));
      expect(blocked!.lastError).toContain('127.0.0.1');
      expect(hook.calls).toHaveLength(0);
      await t.database.db.update(deliveries).set({ attempts: 0 }).where(eq(deliveries.id, blocked!.id));

      const senders = buildSenders({ smtpUrl: smtp.url, allowPrivateWebhooks: true });
      const first = await dispatchDeliveries(t.database.db, { senders, owner: 'T', retryBaseMs: 0 });
      expect(first).toEqual({ sent: 0, failed: 1 });
      const [pending] = await t.database.db.select().from(deliveries).where(eq(deliveries.channel, 'webhook'));
      expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
      expect(pending!.lastError).toContain('500');
      const second = await dispatchDeliveries(t.database.db, { senders, owner: 'T', retryBaseMs: 0 });
      expect(second).toEqual({ sent: 1, failed: 0 });

      expect(hook.calls).toHaveLength(2);
      const call = hook.calls[1]!;
      const ts = call.headers[TIMESTAMP_HEADER] as string;
      expect(call.headers[SIGNATURE_HEADER]).toBe(webhookSignature(prefs.webhookSecret!, ts, call.body));
      expect(call.headers[SIGNATURE_HEADER]).not.toBe(webhookSignature('wrong-secret', ts, call.body));
      expect(JSON.parse(call.body)).toMatchObject({ kind: 'test.fanout', title: '整改通知', link: '/enterprise/x' });
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]!.to).toEqual(['u2@example.test']);
      expect(smtp.mails[0]!.subject).toBe('整改通知');
      expect(smtp.mails[0]!.text).toContain('请于期限内整改');
    } finally {
      await hook.close();
      await smtp.close();
    }
  });

  it('sends WeChat template messages with a cached access token and refetches it when rejected', async () => {
    let tokens = 0;
    let rejectNext = false;
    const wx = await startHttpServer((call) => {
      const url = new URL(call.url, 'http://x');
      if (url.pathname === '/cgi-bin/token') {
        if (url.searchParams.get('appid') !== 'wxAPP' || url.searchParams.get('secret') !== 's3cret') {
          return { status: 200, json: { errcode: 40013, errmsg: 'invalid appid' } };
        }
        tokens++;
        return { status: 200, json: { access_token: `TOKEN${tokens}`, expires_in: 7200 } };
      }
      if (url.pathname === '/cgi-bin/message/template/send') {
        if (rejectNext) {
          rejectNext = false;
          return { status: 200, json: { errcode: 40001, errmsg: 'invalid credential' } };
        }
        return { status: 200, json: { errcode: 0, errmsg: 'ok', msgid: 200228332 } };
      }
      return { status: 404, json: {} };
    });
    try {
      const citizen = await loginAs(t, ['citizen']);
      await citizen.request({
        method: 'PUT',
        url: '/api/me/notification-preferences',
        payload: { wechatOpenid: 'oCitizen0001' },
      });
      const senders = buildSenders({
        wechat: { apiUrl: wx.url, appId: 'wxAPP', appSecret: 's3cret', templateId: 'TPL-1' },
      });
      await t.database.db.transaction((tx) =>
        notify(tx, {
          userId: citizen.userId,
          kind: 'test.wx',
          title: '预约提醒',
          body: '明天 9:00 窗口办理',
          en: { title: 'Booking reminder', body: 'At the window tomorrow 9:00' },
        }),
      );
      expect(await dispatchDeliveries(t.database.db, { senders, owner: 'T', retryBaseMs: 0 })).toEqual({
        sent: 1,
        failed: 0,
      });
      const send = wx.calls.find((c) => c.url.startsWith('/cgi-bin/message/template/send'))!;
      expect(send.url).toContain('access_token=TOKEN1');
      expect(JSON.parse(send.body)).toMatchObject({
        touser: 'oCitizen0001',
        template_id: 'TPL-1',
        data: { first: { value: '预约提醒' } },
      });

      rejectNext = true;
      await t.database.db.transaction((tx) =>
        notify(tx, {
          userId: citizen.userId,
          kind: 'test.wx',
          title: '第二条',
          body: '…',
          en: { title: 'Second', body: '…' },
        }),
      );
      expect(await dispatchDeliveries(t.database.db, { senders, owner: 'T', retryBaseMs: 0 })).toEqual({
        sent: 0,
        failed: 1,
      });
      expect(await dispatchDeliveries(t.database.db, { senders, owner: 'T', retryBaseMs: 0 })).toEqual({
        sent: 1,
        failed: 0,
      });
      expect(tokens).toBe(2);
    } finally {
      await wx.close();
    }
  });

  it('marks a delivery failed after its attempts, shows it to admins, and lets them retry it', async () => {
    const u = await loginAs(t, ['citizen']);
    await u.request({
      method: 'PUT',
      url: '/api/me/notification-preferences',
      payload: { email: 'nobody@example.test' },
    });
    // no SMTP configured: every attempt fails with a clear error
    const senders = buildSenders({});
    await t.database.db.transaction((tx) =>
      notify(tx, {
        userId: u.userId,
        kind: 'test.fail',
        title: '无法送达',
        body: '…',
        en: { title: 'Undeliverable', body: '…' },
      }),
    );
    for (let i = 0; i < 8; i++) await dispatchDeliveries(t.database.db, { senders, owner: 'T', retryBaseMs: 0 });
    const admin = await loginAs(t, ['admin']);
    const log = (await admin.request({ method: 'GET', url: '/api/deliveries?status=failed&channel=email' })).json();
    const d = log.items.find((x: { target: string }) => x.target === 'nobody@example.test');
    expect(d).toMatchObject({ status: 'failed', attempts: 6, maxAttempts: 6, title: '无法送达' });
    expect(d.lastError).toContain('SMTP_URL');
    const retried = await admin.request({ method: 'POST', url: `/api/deliveries/${d.id}/retry` });
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await admin.request({ method: 'POST', url: `/api/deliveries/${d.id}/retry` });
    expect(again.statusCode).toBe(400);
    expect((await u.request({ method: 'GET', url: '/api/deliveries' })).statusCode).toBe(403);
  });
});

describe('the delivery log', () => {
  it('lists newest first, or oldest first when asked; by recipient either way, newest first within one', async () => {
    const kind = uniqueName('test.sort');
    const log = async (target: string, createdAt: string) => {
      const [row] = await t.database.db
        .insert(deliveries)
        .values({
          channel: 'email',
          target,
          kind,
          payload: { title: '排序', body: '…', link: null },
          status: 'sent',
          createdAt: new Date(createdAt),
        })
        .returning();
      return row!.id;
    };
    const first = await log('b@example.test', '2026-06-01T09:00:00+08:00');
    const second = await log('a@example.test', '2026-06-02T09:00:00+08:00');
    const third = await log('b@example.test', '2026-06-03T09:00:00+08:00');
    const admin = await loginAs(t, ['admin']);
    const ids = (sort: string) => idsInOrder(admin, `/api/deliveries?q=${encodeURIComponent(kind)}`, sort);
    expect(await ids('')).toEqual([third, second, first]);
    expect(await ids('-createdAt')).toEqual([third, second, first]);
    expect(await ids('createdAt')).toEqual([first, second, third]);
    expect(await ids('target')).toEqual([second, third, first]);
    expect(await ids('-target')).toEqual([third, first, second]);
    expect((await admin.request({ method: 'GET', url: '/api/deliveries?sort=status' })).statusCode).toBe(400);
  });
});
