import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretValues } from '../../src/config.js';

const valid = {
  SLACK_BOT_TOKEN: 'xoxb-secret-token',
  SLACK_SIGNING_SECRET: 'signing-secret-value',
  OPENAI_ADMIN_KEY: 'sk-admin-very-secret',
};

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({
      slack: { mode: 'http', apiUrl: 'https://slack.com/api/' },
      openai: { baseUrl: 'https://api.openai.com/v1' },
      databaseUrl: 'sqlite:./data/openai-bot.db',
      policyFile: './policy.yml',
      port: 3000,
      logLevel: 'info',
      dryRun: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every missing variable at once', () => {
    const error = problemsOf({});
    expect(error.problems).toEqual(
      expect.arrayContaining(['SLACK_BOT_TOKEN is required', 'OPENAI_ADMIN_KEY is required']),
    );
  });

  it('names every malformed variable without printing secret values', () => {
    const error = problemsOf({
      ...valid,
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
      PORT: 'eighty',
      OPENAI_BASE_URL: 'http://api.example.com/v1',
      DATABASE_URL: 'mysql://x',
      LOG_LEVEL: 'loud',
    });
    expect(error.problems).toHaveLength(5);
    expect(error.message).toContain('SLACK_BOT_TOKEN must be a bot token');
    expect(error.message).toContain('PORT must be a number');
    expect(error.message).toContain('OPENAI_BASE_URL must use https://');
    expect(error.message).toContain('DATABASE_URL must be sqlite:<path> or postgres://');
    expect(error.message).toContain('LOG_LEVEL must be one of');
    expect(error.message).not.toContain('xoxp-user-token-secret');
    expect(error.message).not.toContain('sk-admin-very-secret');
  });

  it('allows plain http only to loopback hosts', () => {
    expect(loadConfig({ ...valid, OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1' }).openai.baseUrl).toBe(
      'http://127.0.0.1:9999/v1',
    );
    expect(loadConfig({ ...valid, SLACK_API_URL: 'http://localhost:1/api' }).slack.apiUrl).toBe(
      'http://localhost:1/api/',
    );
    expect(problemsOf({ ...valid, SLACK_API_URL: 'http://10.0.0.1/api/' }).problems).toHaveLength(1);
  });

  it('needs the signing secret in HTTP mode but not in Socket Mode', () => {
    const { SLACK_SIGNING_SECRET: _omit, ...withoutSecret } = valid;
    expect(problemsOf(withoutSecret).problems[0]).toContain('SLACK_SIGNING_SECRET is required in HTTP mode');
    expect(loadConfig({ ...withoutSecret, SLACK_APP_TOKEN: 'xapp-1-abc' }).slack.mode).toBe('socket');
  });

  it('turns dry-run mode on with DRY_RUN=1 and refuses any other value than 0 or 1', () => {
    expect(loadConfig({ ...valid, DRY_RUN: '1' }).dryRun).toBe(true);
    expect(loadConfig({ ...valid, DRY_RUN: '0' }).dryRun).toBe(false);
    expect(problemsOf({ ...valid, DRY_RUN: 'yes' }).problems).toEqual([
      'DRY_RUN must be 1 (writes to the Admin API are not sent) or 0',
    ]);
  });

  it('accepts PORT=0 and postgres URLs', () => {
    const config = loadConfig({ ...valid, PORT: '0', DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' });
    expect(config.port).toBe(0);
    expect(config.databaseUrl).toBe('postgres://u@127.0.0.1:5432/db');
  });
});

describe('secretValues', () => {
  it('lists every secret the configuration holds, which the bot and the CLI mask in their logs', () => {
    const config = loadConfig({
      ...valid,
      SLACK_SIGNING_SECRET: 'signing-secret-value',
      SLACK_APP_TOKEN: 'xapp-app-token-value',
    });
    expect(secretValues(config).sort()).toEqual(
      [valid.OPENAI_ADMIN_KEY, valid.SLACK_BOT_TOKEN, 'signing-secret-value', 'xapp-app-token-value'].sort(),
    );
  });
});
