import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registerListeners } from '../src/slack/listeners/index.js';
import type { SlackServices } from '../src/slack/services.js';

const ROOT = join(import.meta.dirname, '..');
const EVENTS_URL = /^https:\/\/[^/]+\/slack\/events$/;

/**
 * Bot scopes of each Web API method the bot calls, from each method's page in Slack's reference
 * (docs.slack.dev/reference/methods). `views.*` and `auth.test` need none.
 */
const SCOPES_BY_METHOD: Record<string, readonly string[]> = {
  'auth.test': [],
  'chat.getPermalink': [],
  'chat.postEphemeral': ['chat:write'],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  // Files can only be shared into a conversation id, so a file for one person needs their DM opened first.
  'conversations.open': ['im:write'],
  // files.getUploadURLExternal and files.completeUploadExternal.
  'files.uploadV2': ['files:write'],
  'usergroups.users.list': ['usergroups:read'],
  // The bot reads the profile's email, which needs users:read.email besides users:read.
  'users.info': ['users:read', 'users:read.email'],
  'users.lookupByEmail': ['users:read.email'],
  'views.open': [],
  'views.publish': [],
  'views.push': [],
  'views.update': [],
};

const WEB_API_FAMILIES =
  'admin|apps|assistant|auth|bookmarks|bots|calls|canvases|chat|conversations|dnd|emoji|files|pins|reactions|reminders|search|team|usergroups|users|views|workflows';
const WEB_API_CALL = new RegExp(
  String.raw`\b(?:client|slack)\s*\.\s*(${WEB_API_FAMILIES})\s*\.\s*(\w+)(?:\s*\.\s*(\w+))?\s*\(`,
  'g',
);

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

/** Every Slack Web API method called anywhere in src/, e.g. `chat.postMessage`. */
const calledMethods = (): string[] => {
  const methods = new Set<string>();
  for (const file of sources('src')) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(WEB_API_CALL)) {
      methods.add([m[1], m[2], m[3]].filter(Boolean).join('.'));
    }
  }
  return [...methods].sort();
};

interface Registrations {
  commands: string[];
  events: string[];
  interactive: number;
  options: number;
}

/** What the real listener registration asks of Bolt, recorded instead of served. */
const registrations = (): Registrations => {
  const seen: Registrations = { commands: [], events: [], interactive: 0, options: 0 };
  const recorder = {
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    action: () => seen.interactive++,
    view: () => seen.interactive++,
    shortcut: () => seen.interactive++,
    options: () => seen.options++,
  };
  registerListeners(recorder as unknown as App, {} as SlackServices);
  return seen;
};

interface Manifest {
  features: { slash_commands: { command: string; url?: string }[]; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    interactivity: { is_enabled: boolean; request_url?: string; message_menu_options_url?: string };
    event_subscriptions: { request_url?: string; bot_events: string[] };
    socket_mode_enabled: boolean;
  };
}

const manifest = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8')) as Manifest;
const MANIFESTS = [
  ['manifest.yml', 'http'],
  ['manifest.socket-mode.yml', 'socket'],
] as const;

describe('Slack app manifests', () => {
  it('knows the scopes of every Web API method the code calls', () => {
    const methods = calledMethods();
    expect(methods).toContain('chat.postMessage');
    expect(methods.filter((method) => !(method in SCOPES_BY_METHOD))).toEqual([]);
  });

  it.each(MANIFESTS)('%s asks for exactly the scopes the code needs, no more', (file) => {
    const needed = new Set(calledMethods().flatMap((method) => SCOPES_BY_METHOD[method] ?? []));
    if (registrations().commands.length > 0) needed.add('commands');
    expect([...manifest(file).oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it.each(MANIFESTS)('%s declares every command, event, interactive surface and options load', (file, mode) => {
    const { features, settings } = manifest(file);
    const seen = registrations();
    expect(seen.commands.length).toBeGreaterThan(0);
    for (const command of seen.commands) {
      const declared = features.slash_commands.find((c) => c.command === command);
      expect(declared, command).toBeTruthy();
      if (mode === 'http') expect(declared?.url).toMatch(EVENTS_URL);
      else expect(declared?.url).toBeUndefined();
    }
    expect([...settings.event_subscriptions.bot_events].sort()).toEqual([...new Set(seen.events)].sort());
    if (seen.events.includes('app_home_opened')) expect(features.app_home.home_tab_enabled).toBe(true);
    expect(settings.interactivity.is_enabled).toBe(seen.interactive + seen.options > 0);
    expect(settings.socket_mode_enabled).toBe(mode === 'socket');
    if (mode === 'http') {
      expect(settings.event_subscriptions.request_url).toMatch(EVENTS_URL);
      expect(settings.interactivity.request_url).toMatch(EVENTS_URL);
      if (seen.options > 0) expect(settings.interactivity.message_menu_options_url).toMatch(EVENTS_URL);
    } else {
      expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/^\s*(url|request_url|message_menu_options_url):/m);
    }
  });

  it('explains every scope in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const scope of manifest('manifest.yml').oauth_config.scopes.bot) {
      expect(readme, scope).toMatch(new RegExp(`^\\| \`${scope.replace('.', '\\.')}\` \\|`, 'm'));
    }
  });
});
