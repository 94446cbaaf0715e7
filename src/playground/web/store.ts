import { useEffect, useState } from 'preact/hooks';
import type { Hello, Message, ViewRecord, WorkspaceEvent } from './types.js';

/** Everything the console shows, kept current from the playground's event stream. */
export interface ConsoleState {
  hello: Hello | undefined;
  messages: Map<string, Message>;
  views: Map<string, ViewRecord>;
  notices: { id: number; userId: string; text: string }[];
  connected: boolean;
}

const state: ConsoleState = { hello: undefined, messages: new Map(), views: new Map(), notices: [], connected: false };
const listeners = new Set<() => void>();
let version = 0;
let noticeSeq = 0;

const changed = () => {
  version += 1;
  for (const listener of listeners) listener();
};

function apply(event: WorkspaceEvent): void {
  switch (event.type) {
    case 'message':
      state.messages.set(event.message.key, event.message);
      break;
    case 'message-deleted':
      state.messages.delete(event.key);
      break;
    case 'view':
      state.views.set(event.view.id, event.view);
      break;
    case 'view-closed':
      state.views.delete(event.id);
      break;
    case 'notice':
      addNotice(event.userId, event.text);
      return;
  }
  changed();
}

/** Shows a short note (an error, a refusal) for a few seconds. */
export function addNotice(userId: string, text: string): void {
  noticeSeq += 1;
  const id = noticeSeq;
  state.notices = [...state.notices, { id, userId, text }];
  changed();
  setTimeout(() => {
    state.notices = state.notices.filter((n) => n.id !== id);
    changed();
  }, 6_000);
}

/** Opens the event stream; the browser reconnects by itself and each `hello` starts over from the full state. */
export function connect(): void {
  const source = new EventSource('/console/events');
  source.addEventListener('hello', (event) => {
    const hello = JSON.parse((event as MessageEvent<string>).data) as Hello;
    state.hello = hello;
    state.messages = new Map(hello.messages.map((m) => [m.key, m]));
    state.views = new Map(hello.views.map((v) => [v.id, v]));
    state.connected = true;
    changed();
  });
  source.onmessage = (event) => apply(JSON.parse(event.data as string) as WorkspaceEvent);
  source.onerror = () => {
    state.connected = false;
    changed();
  };
}

/** The console state, re-rendering the caller on every change. */
export function useConsole(): ConsoleState {
  const [, setSeen] = useState(version);
  useEffect(() => {
    const listener = () => setSeen(version);
    listeners.add(listener);
    // Changes between the first render and this subscription (the stream's first state, often) would go unseen.
    listener();
    return () => listeners.delete(listener);
  }, []);
  return state;
}
