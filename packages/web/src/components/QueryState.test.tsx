// @vitest-environment jsdom
// A page's error state: 重试 where asking again may help (the server failed, the network dropped),
// not for a refusal or a missing record, which stay so however often they are asked (a leader who
// opened a draw still secret to its team was offered a retry that could never succeed).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../i18n.ts';
import { ApiError } from '../api/http.ts';
import { stubBrowser } from '../test-support/app.tsx';
import { ErrorState } from './QueryState.tsx';

beforeAll(stubBrowser);
afterEach(cleanup);

const refusal = (status: number) =>
  new ApiError({
    status,
    code: 'X',
    title: '抽查名单公开前仅检查组成员可以查看',
    detail: '抽查名单公开前仅检查组成员可以查看',
  });

describe('ErrorState', () => {
  it('offers 重试 after a server failure', () => {
    render(<ErrorState error={refusal(500)} onRetry={() => {}} />);
    expect(screen.getByText('加载失败')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeTruthy();
  });

  it('offers no retry for a refusal or a missing record, and says which it is', () => {
    render(<ErrorState error={refusal(403)} onRetry={() => {}} />);
    expect(screen.getByText('无权查看')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /重\s*试/ })).toBeNull();
    cleanup();
    render(<ErrorState error={refusal(404)} onRetry={() => {}} />);
    expect(screen.getByText('记录不存在')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /重\s*试/ })).toBeNull();
  });
});
