import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('listens on this machine only while demo accounts are on, on every interface for an empty start', () => {
    expect(loadConfig({}).host).toBe('localhost');
    expect(loadConfig({ QINGSHAN_DEMO: '0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ QINGSHAN_DEMO: '0', HOST: '10.0.0.8' }).host).toBe('10.0.0.8');
  });

  it('keeps backups outside the repository by default', () => {
    expect(loadConfig({}).backupDir).toBe(path.join(os.homedir(), 'qingshan-backups'));
    expect(loadConfig({ QINGSHAN_BACKUP_DIR: '/srv/backups' }).backupDir).toBe('/srv/backups');
  });

  it('serves the built web app unless SERVE_WEB=off asks for the API only', () => {
    expect(loadConfig({}).serveWeb).toBe(true);
    expect(loadConfig({ SERVE_WEB: 'on' }).serveWeb).toBe(true);
    expect(loadConfig({ SERVE_WEB: 'off' }).serveWeb).toBe(false);
    expect(() => loadConfig({ SERVE_WEB: 'no' })).toThrow(/SERVE_WEB: on .* or off/);
  });

  it('refuses a short metrics token', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });
});

describe('loadDotEnv', () => {
  it('reads .env without overriding what the environment already says', async () => {
    const fs = await import('node:fs');
    const { loadDotEnv } = await import('./config.ts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qs-env-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'QS_TEST_FROM_FILE=file\nQS_TEST_BOTH=file\n');
    process.env.QS_TEST_BOTH = 'environment';
    try {
      expect(loadDotEnv(file)).toBe(true);
      expect(process.env.QS_TEST_FROM_FILE).toBe('file');
      expect(process.env.QS_TEST_BOTH).toBe('environment');
      expect(loadDotEnv(path.join(dir, 'missing.env'))).toBe(false);
      fs.writeFileSync(file, 'QS_TEST_OFF=file\n');
      process.env.QINGSHAN_ENV_FILE = 'none';
      expect(loadDotEnv(file)).toBe(false);
      expect(process.env.QS_TEST_OFF).toBeUndefined();
    } finally {
      delete process.env.QS_TEST_FROM_FILE;
      delete process.env.QS_TEST_BOTH;
      delete process.env.QINGSHAN_ENV_FILE;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
