import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { post } from './api.js';
import { ConfirmDialog } from './confirm-dialog.js';
import { Conversation } from './conversation.js';
import { HomePanel } from './home-panel.js';
import { Modal } from './modal.js';
import { namesOf } from './names.js';
import { type Place, Sidebar } from './sidebar.js';
import { addNotice, useConsole } from './store.js';
import { closeView, messageSurface, type SurfaceDeps, submitView, viewSurface } from './surfaces.js';
import { ThreadPane } from './thread-pane.js';
import { type ConfirmObject, dmOf, type Message, type StateValues } from './types.js';

const DEFAULT_USER = 'UPLAYADMIN';

/** Where a URL points: `?channel=C…[&ts=…][&thread_ts=…]`, `?tab=home` or `?tab=messages`. */
function placeOf(search: string, fallback: string) {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const place: Place =
    tab === 'home' || tab === 'messages' ? { kind: tab } : { kind: 'channel', id: params.get('channel') ?? fallback };
  return { place, ts: params.get('ts') ?? undefined, threadTs: params.get('thread_ts') ?? undefined };
}

const visibleTo = (userId: string) => (m: Message) => !m.visibleTo || m.visibleTo === userId;
const byTs = (a: Message, b: Message) => Number(a.ts) - Number(b.ts);

/** The console: who is acting, where, the conversation or Home, a thread, and the person's open modal. */
export function App() {
  const state = useConsole();
  const hello = state.hello;
  const names = useMemo(() => namesOf(hello), [hello]);
  const [userId, setUserId] = useState(() => sessionStorage.getItem('acting-as') ?? DEFAULT_USER);
  const start = useMemo(() => placeOf(location.search, 'CPLAYOPS'), []);
  const [place, setPlace] = useState<Place>(start.place);
  const [thread, setThread] = useState<string | undefined>(start.threadTs);
  const [highlight, setHighlight] = useState<string | undefined>(start.ts);
  const [confirm, setConfirm] = useState<{ confirm: ConfirmObject; run: () => void } | undefined>();
  const typed = useRef(new Map<string, StateValues>());
  const [, setTypedVersion] = useState(0);

  const go = (next: Place, ts?: string, threadTs?: string) => {
    setPlace(next);
    setThread(threadTs);
    setHighlight(ts);
    const query = next.kind === 'channel' ? `?channel=${next.id}` : `?tab=${next.kind}`;
    history.replaceState(null, '', query);
  };
  useEffect(() => {
    sessionStorage.setItem('acting-as', userId);
    if (place.kind === 'home') post('home', { userId }).catch((e: unknown) => addNotice(userId, String(e)));
  }, [userId, place.kind]);
  useEffect(() => {
    // Links to messages (permalinks) move within the console instead of reloading it.
    const follow = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a');
      if (!link || link.origin !== location.origin || link.pathname !== '/' || !link.search) return;
      event.preventDefault();
      const target = placeOf(link.search, 'CPLAYOPS');
      go(target.place, target.ts, target.threadTs);
    };
    document.addEventListener('click', follow);
    return () => document.removeEventListener('click', follow);
  }, []);

  if (!hello) return <p class="boot">Connecting to the playground…</p>;
  const deps: SurfaceDeps = {
    userId,
    names,
    askConfirm: (c, run) => setConfirm({ confirm: c, run }),
    typed: typed.current,
    onTyped: () => setTypedVersion((v) => v + 1),
  };
  const all = [...state.messages.values()].filter(visibleTo(userId)).sort(byTs);
  const channelId = place.kind === 'channel' ? place.id : dmOf(userId);
  const channel = hello.channels.find((c) => c.id === channelId);
  const top = all.filter((m) => m.channel === channelId && (!m.threadTs || m.threadTs === m.ts));
  const repliesOf = (parent: Message) =>
    all.filter((m) => m.channel === parent.channel && m.threadTs === parent.ts && m.ts !== parent.ts);
  const authorOf = (m: Message) => ({ name: names.author(m.author), isApp: m.author === hello.app.botUserId });
  const surfaceFor = (m: Message) => messageSurface(deps, m.key);
  const views = [...state.views.values()].filter((v) => v.userId === userId);
  const home = views.find((v) => v.kind === 'home');
  const modals = views.filter((v) => v.kind === 'modal').sort((a, b) => a.depth - b.depth);
  const modal = modals[modals.length - 1];
  const parent = thread ? top.find((m) => m.ts === thread) : undefined;
  const send = (text: string, threadTs?: string) =>
    post('send', { userId, channel: channelId, text, ...(threadTs ? { threadTs } : {}) }).then(
      () => undefined,
      (e: unknown) => addNotice(userId, e instanceof Error ? e.message : String(e)),
    );
  const user = hello.users.find((u) => u.id === userId);

  return (
    <div class={`app${parent ? ' with-thread' : ''}`}>
      <header class="topbar">
        <h1>Slack playground · {hello.app.name}</h1>
        <label for="acting-as">Acting as</label>
        <select id="acting-as" value={userId} onChange={(e) => setUserId((e.currentTarget as HTMLSelectElement).value)}>
          {hello.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.realName} ({u.title})
            </option>
          ))}
        </select>
        {state.connected ? null : <span class="offline">Reconnecting…</span>}
      </header>
      <Sidebar appName={hello.app.name} channels={hello.channels} place={place} go={(p) => go(p)} />
      <main class="main">
        {place.kind === 'home' ? (
          <HomePanel home={home} surface={home ? viewSurface(deps, home) : undefined} />
        ) : (
          <section
            class="conversation"
            aria-labelledby={place.kind === 'messages' ? 'tab-messages' : 'conversation-title'}
            {...(place.kind === 'messages' ? { role: 'tabpanel', id: 'app-panel' } : {})}
          >
            <header class="pane-head">
              <h2 id="conversation-title">
                {channel ? `#${channel.name}` : `${hello.app.name} · messages with ${user?.realName ?? userId}`}
              </h2>
              {channel ? <p class="topic">{channel.topic}</p> : null}
            </header>
            <Conversation
              label={channel ? `Messages in #${channel.name}` : `Messages with ${hello.app.name}`}
              messages={top}
              replyCount={(m) => repliesOf(m).length}
              surfaceFor={surfaceFor}
              authorOf={authorOf}
              onOpenThread={(m) => setThread(m.ts)}
              onSend={(text) => send(text)}
              placeholder={channel ? `Message #${channel.name} — try /openai help` : `Message ${hello.app.name}`}
              highlightTs={highlight}
            />
          </section>
        )}
      </main>
      {parent ? (
        <ThreadPane
          parent={parent}
          replies={repliesOf(parent)}
          surfaceFor={surfaceFor}
          authorOf={authorOf}
          onReply={(text) => send(text, parent.ts)}
          onClose={() => setThread(undefined)}
        />
      ) : null}
      {modal ? (
        <Modal
          key={modal.id}
          view={modal}
          surface={viewSurface(deps, modal)}
          depth={modal.depth}
          onSubmit={() => void submitView(deps, modal)}
          onClose={() => void closeView(deps, modal)}
        />
      ) : null}
      {confirm ? (
        <ConfirmDialog
          confirm={confirm.confirm}
          onDeny={() => setConfirm(undefined)}
          onConfirm={() => {
            setConfirm(undefined);
            confirm.run();
          }}
        />
      ) : null}
      <div class="toasts" role="status" aria-live="polite">
        {state.notices
          .filter((n) => n.userId === userId)
          .map((n) => (
            <p key={n.id} class="toast">
              {n.text}
            </p>
          ))}
      </div>
    </div>
  );
}
