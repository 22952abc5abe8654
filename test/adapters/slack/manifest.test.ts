/**
 * The app manifest asks for what the adapter handles, and nothing it does not use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('../../../adapters/slack/manifest.yaml', import.meta.url), 'utf8')) as {
  features: { slash_commands: Array<{ command: string; url: string }>; app_home: { messages_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
};

describe('adapters/slack/manifest.yaml', () => {
  it('subscribes to the events the adapter handles, with the scopes they need', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('declares /plans and interactivity, all at /slack/events', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/plans']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });
});
