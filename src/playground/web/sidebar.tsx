import type { Channel } from './types.js';

/** Where the console is: a channel, or the app's Home or Messages tab. */
export type Place = { kind: 'channel'; id: string } | { kind: 'home' } | { kind: 'messages' };

interface Props {
  appName: string;
  channels: Channel[];
  place: Place;
  go(place: Place): void;
}

const TABS = [
  { kind: 'home', label: 'Home' },
  { kind: 'messages', label: 'Messages' },
] as const;

/** Channels as links named by their names; the app's Home and Messages as tabs. */
export function Sidebar({ appName, channels, place, go }: Props) {
  const moveBetweenTabs = (event: KeyboardEvent) => {
    if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    const now = TABS.findIndex((t) => t.kind === place.kind);
    const forward = event.key === 'ArrowDown' || event.key === 'ArrowRight';
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? TABS.length - 1
          : (now + (forward ? 1 : TABS.length - 1)) % TABS.length;
    const tab = TABS[next] ?? TABS[0];
    go({ kind: tab.kind });
    document.getElementById(`tab-${tab.kind}`)?.focus();
  };
  return (
    <nav class="sidebar" aria-label="Workspace">
      <h2 class="sidebar-heading">Channels</h2>
      <ul class="channel-list">
        {channels.map((channel) => (
          <li key={channel.id}>
            <a
              href={`?channel=${channel.id}`}
              aria-current={place.kind === 'channel' && place.id === channel.id ? 'page' : undefined}
              onClick={(event) => {
                event.preventDefault();
                go({ kind: 'channel', id: channel.id });
              }}
            >
              <span aria-hidden="true" class="hash">
                #
              </span>
              {channel.name}
            </a>
          </li>
        ))}
      </ul>
      <h2 class="sidebar-heading" id="app-heading">
        Apps · {appName}
      </h2>
      <div role="tablist" aria-labelledby="app-heading" aria-orientation="vertical" class="app-tabs">
        {TABS.map((tab) => {
          const selected = place.kind === tab.kind;
          const reachable = selected || (place.kind === 'channel' && tab.kind === 'home');
          return (
            <button
              key={tab.kind}
              type="button"
              role="tab"
              id={`tab-${tab.kind}`}
              aria-selected={selected}
              aria-controls={selected ? 'app-panel' : undefined}
              tabIndex={reachable ? 0 : -1}
              onClick={() => go({ kind: tab.kind })}
              onKeyDown={moveBetweenTabs}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
    </nav>
  );
}
