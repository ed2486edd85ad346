import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { BUREAU_NAME } from '@qingshan/core';
import type { Transporter } from 'nodemailer';
import { type ResolvedTarget, resolveTarget } from './address-guard.ts';
import type { Channel } from './service.ts';
import type { deliveries } from './tables.ts';

export type DeliveryRow = typeof deliveries.$inferSelect;

/** Sends one delivery or throws; the dispatcher records the error and retries. */
export type Sender = (d: DeliveryRow, ctx: { webhookSecret: string | null }) => Promise<void>;

export type ChannelsConfig = {
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  /** prefixed to relative links in e-mail and WeChat messages */
  publicUrl?: string | undefined;
  wechat?: { apiUrl: string; appId: string; appSecret: string; templateId: string } | undefined;
  timeoutMs?: number;
  /** webhooks to loopback / private networks (tests, an intranet receiver); off by default */
  allowPrivateWebhooks?: boolean | undefined;
};

export const SIGNATURE_HEADER = 'x-qingshan-signature';
export const TIMESTAMP_HEADER = 'x-qingshan-timestamp';

/** HMAC-SHA256 over "<timestamp>.<body>": the receiver recomputes it with its secret. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function absolute(link: string | null, base: string | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//.test(link) || !base) return link;
  return `${base.replace(/\/$/, '')}${link.startsWith('/') ? '' : '/'}${link}`;
}

/**
 * POSTs to the address resolveTarget checked, whatever the name resolves to by now; TLS still
 * verifies the certificate against the URL's host name. Redirects are not followed (a 3xx fails).
 */
export function postPinned(
  url: URL,
  target: ResolvedTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      {
        protocol: url.protocol,
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...headers, host: url.host, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        servername: isIP(hostname) ? undefined : hostname,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
}

export function buildSenders(cfg: ChannelsConfig): Record<Channel, Sender> {
  const timeoutMs = cfg.timeoutMs ?? 10_000;
  const smtpUrl = cfg.smtpUrl;
  // nodemailer loads with the first e-mail: a platform without SMTP_URL never needs it (issue 11)
  let transport: Promise<Transporter> | undefined;

  const email: Sender = async (d) => {
    if (!smtpUrl) throw new Error('未配置 SMTP_URL，无法发送邮件 / SMTP_URL is not configured');
    transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
    const link = absolute(d.payload.link, cfg.publicUrl);
    await (await transport).sendMail({
      from: cfg.mailFrom ?? 'Qingshan <noreply@qingshan.local>',
      to: d.target,
      subject: d.payload.title,
      text: `${d.payload.body}${link ? `\n\n${link}` : ''}\n\n— ${BUREAU_NAME} 青山平台（系统邮件，请勿直接回复）`,
      headers: { 'X-Qingshan-Kind': d.kind, 'X-Qingshan-Delivery': d.id },
    });
  };

  const webhook: Sender = async (d, { webhookSecret }) => {
    if (!webhookSecret) throw new Error('Webhook 未设置签名密钥 / the webhook has no signing secret');
    const url = new URL(d.target);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error('Webhook 地址必须是 http 或 https / the webhook must be http or https');
    }
    const target = await resolveTarget(url, !!cfg.allowPrivateWebhooks);
    const body = JSON.stringify({
      id: d.id,
      kind: d.kind,
      title: d.payload.title,
      body: d.payload.body,
      link: absolute(d.payload.link, cfg.publicUrl),
      createdAt: d.createdAt.toISOString(),
    });
    const ts = String(Math.floor(Date.now() / 1000));
    const status = await postPinned(
      url,
      target,
      {
        'content-type': 'application/json',
        'x-qingshan-event': d.kind,
        'x-qingshan-delivery': d.id,
        [TIMESTAMP_HEADER]: ts,
        [SIGNATURE_HEADER]: webhookSignature(webhookSecret, ts, body),
      },
      body,
      timeoutMs,
    );
    if (status < 200 || status > 299) {
      throw new Error(`Webhook 返回 HTTP ${status} / webhook answered HTTP ${status}`);
    }
  };

  // WeChat official account: access_token from /cgi-bin/token (cached until shortly before it
  // expires), then /cgi-bin/message/template/send, which answers {errcode, errmsg, msgid}.
  let token: { value: string; until: number } | undefined;
  const wechatToken = async (): Promise<string> => {
    const w = cfg.wechat!;
    if (token && token.until > Date.now()) return token.value;
    const url = new URL('/cgi-bin/token', w.apiUrl);
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: w.appId,
      secret: w.appSecret,
    }).toString();
    const res = await fetchWithTimeout(url.toString(), { method: 'GET' }, timeoutMs);
    const json = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      errcode?: number;
      errmsg?: string;
    };
    if (!json.access_token)
      throw new Error(
        `微信 access_token 获取失败 / token request failed: ${json.errcode ?? res.status} ${json.errmsg ?? ''}`.trim(),
      );
    token = { value: json.access_token, until: Date.now() + Math.max(60, (json.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  };
  const wechat: Sender = async (d) => {
    const w = cfg.wechat;
    if (!w) throw new Error('未配置微信公众号 / WeChat official account is not configured');
    const access = await wechatToken();
    const url = new URL('/cgi-bin/message/template/send', w.apiUrl);
    url.search = new URLSearchParams({ access_token: access }).toString();
    const link = absolute(d.payload.link, cfg.publicUrl);
    const res = await fetchWithTimeout(
      url.toString(),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: d.target,
          template_id: w.templateId,
          ...(link ? { url: link } : {}),
          data: {
            first: { value: d.payload.title },
            keyword1: { value: d.payload.body.slice(0, 200) },
            keyword2: { value: d.createdAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
            remark: { value: BUREAU_NAME },
          },
        }),
      },
      timeoutMs,
    );
    const json = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string; msgid?: number };
    if (json.errcode !== 0) {
      // an expired or revoked token is fetched again on the retry
      if (json.errcode === 40001 || json.errcode === 42001 || json.errcode === 40014) token = undefined;
      throw new Error(
        `微信模板消息发送失败 / template send failed: ${json.errcode ?? res.status} ${json.errmsg ?? ''}`.trim(),
      );
    }
  };

  return { email, webhook, wechat };
}

/** Sends one text message to a mobile phone, or throws. */
export type SmsTransport = { kind: 'sms' | 'development'; send(phone: string, text: string): Promise<void> };

/**
 * The SMS channel. With SMS_URL set, an HTTP gateway: POST {"phone", "text"} as JSON (with
 * `Authorization: Bearer <SMS_TOKEN>` when a token is set); any 2xx answer counts as sent. Without
 * it, a development transport: the message goes to the server log, and `outbox` (demo mode only)
 * keeps the last message per phone so the browser journeys can read their code.
 */
export function buildSmsTransport(cfg: {
  smsUrl?: string | undefined;
  smsToken?: string | undefined;
  timeoutMs?: number;
  log: (msg: string) => void;
  outbox?: Map<string, string> | undefined;
}): SmsTransport {
  const timeoutMs = cfg.timeoutMs ?? 5_000;
  if (cfg.smsUrl) {
    const url = cfg.smsUrl;
    return {
      kind: 'sms',
      async send(phone, text) {
        const res = await fetchWithTimeout(
          url,
          {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(cfg.smsToken ? { authorization: `Bearer ${cfg.smsToken}` } : {}),
            },
            body: JSON.stringify({ phone, text }),
          },
          timeoutMs,
        );
        if (!res.ok) throw new Error(`短信网关返回 HTTP ${res.status} / the SMS gateway answered HTTP ${res.status}`);
      },
    };
  }
  return {
    kind: 'development',
    async send(phone, text) {
      cfg.log(`[development SMS, no SMS_URL configured] to ${phone}: ${text}`);
      cfg.outbox?.set(phone, text);
    },
  };
}
