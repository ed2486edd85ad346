// The public look-up of one's own record by the code on the receipt and the phone it was filed
// with (信访进度查询, 预约查询, 申请进度查询, 举报进度查询): one form, one query, one way to say "not found".
import { isChinesePhone } from '@qingshan/core';
import { type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Grid, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { lookupErrorText } from './lookupError.ts';

export type LookupCredentials = { code: string; phone: string };

/** Codes are issued in upper case; people type them with spaces and in lower case. */
export const normalisedLookupCode = (code: string): string => code.trim().toUpperCase();

/**
 * Whether a typed code can be one of this kind's: its prefix (XF 信访, YY 预约, GK 依申请公开, JB 举报) and
 * then letters and digits. The length is the server's to judge: a code too short is answered as
 * "not found", which tells her to check what she typed.
 */
export function looksLikeCode(code: string, prefix: string): boolean {
  const c = normalisedLookupCode(code);
  return c.startsWith(prefix) && /^[0-9A-Z]+$/.test(c);
}

export type CodeLookup<T> = {
  /** what she last searched with (the phone stays in memory, never in the address bar) */
  creds: LookupCredentials | null;
  search: (creds: LookupCredentials) => void;
  query: UseQueryResult<T>;
  /** the record found by the last search, if any */
  found: T | undefined;
  /** the last search is on its way and nothing is shown yet */
  loading: boolean;
};

/** The query behind a look-up form: nothing is asked until she searches. */
export function useCodeLookup<T>(
  key: (code: string, phone: string) => QueryKey,
  fetch: (code: string, phone: string, signal: AbortSignal) => Promise<T>,
): CodeLookup<T> {
  const [creds, setCreds] = useState<LookupCredentials | null>(null);
  const query = useQuery({
    queryKey: key(creds?.code ?? '', creds?.phone ?? ''),
    queryFn: ({ signal }) => fetch(creds!.code, creds!.phone, signal),
    enabled: creds !== null,
    retry: false,
  });
  const search = (next: LookupCredentials) => {
    // The same code and phone again is a retry (after a lost connection, or once the record has
    // moved on): the query's key does not change, so ask again outright.
    if (creds && creds.code === next.code && creds.phone === next.phone) void query.refetch();
    else setCreds(next);
  };
  return {
    creds,
    search,
    query,
    found: creds !== null && !query.isError ? query.data : undefined,
    loading: creds !== null && query.isPending,
  };
}

/**
 * The code and phone form, with the refusal of a failed look-up under it. The code starts as the
 * address gives it (`?code=`, from a receipt or 我的); each page names the code as its receipt does
 * and says which prefix its codes carry.
 */
export function LookupByCodeForm<T>({
  lookup,
  codeLabel,
  codePrefix,
  phoneLabel,
}: {
  lookup: CodeLookup<T>;
  codeLabel: string;
  codePrefix: string;
  phoneLabel: string;
}) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const phone = Grid.useBreakpoint().xs === true;
  const { creds, query } = lookup;
  return (
    <Card style={{ marginBottom: 16 }}>
      <Form
        layout={phone ? 'vertical' : 'inline'}
        initialValues={{ code: params.get('code') ?? '' }}
        onFinish={(v: LookupCredentials) =>
          lookup.search({ code: normalisedLookupCode(v.code), phone: v.phone.trim() })
        }
      >
        <Form.Item
          name="code"
          label={codeLabel}
          required
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) throw new Error(t('web.lookup.codeRequired', { label: codeLabel }));
                if (!looksLikeCode(value, codePrefix))
                  throw new Error(t('web.lookup.codeFormat', { label: codeLabel, prefix: codePrefix }));
              },
            },
          ]}
        >
          <Input
            maxLength={20}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            style={{ width: phone ? '100%' : 180 }}
            data-testid="track-code"
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={phoneLabel}
          required
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                if (!value?.trim()) throw new Error(t('web.lookup.phoneRequired', { label: phoneLabel }));
                if (!isChinesePhone(value.trim())) throw new Error(t('web.lookup.phoneInvalid'));
              },
            },
          ]}
        >
          <Input
            maxLength={20}
            inputMode="tel"
            autoComplete="tel"
            style={{ width: phone ? '100%' : 160 }}
            data-testid="track-phone"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block={phone}
          loading={creds !== null && query.isFetching}
          data-testid="track-submit"
        >
          {t('web.lookup.submit')}
        </Button>
      </Form>
      {creds !== null && query.isError ? (
        <div style={{ marginTop: 16 }}>
          <FailedLookup error={query.error} codeLabel={codeLabel} phoneLabel={phoneLabel} />
        </div>
      ) : null}
    </Card>
  );
}

/**
 * The refusal, inline under the form: a mistyped code is her everyday slip, not a page that failed
 * to load. It names the code and phone as this form does.
 */
function FailedLookup({ error, codeLabel, phoneLabel }: { error: unknown; codeLabel: string; phoneLabel: string }) {
  const { t } = useTranslation();
  const { title, hint } = lookupErrorText(error, t, { code: codeLabel, phone: phoneLabel });
  return <Alert type="warning" showIcon role="alert" data-testid="lookup-error" title={title} description={hint} />;
}
