import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, openPostgres } from './client.ts';

// The machine's PostgreSQL (CI starts it for the PostgreSQL run of the suite).
const SERVER = 'postgres://postgres@127.0.0.1:5432';

describe('openPostgres names the problem instead of a stack dump', () => {
  it('a database that was never created: says so and how to create it', async () => {
    const err = await openPostgres(`${SERVER}/qingshan_never_created_here`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toContain('没有数据库 qingshan_never_created_here');
    expect((err as Error).message).toContain('createdb');
  });

  it('a server that is not there: says where it looked', async () => {
    const err = await openPostgres('postgres://postgres@127.0.0.1:1/qingshan').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect((err as Error).message).toContain('127.0.0.1:1');
  });
});
