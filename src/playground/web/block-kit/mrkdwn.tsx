import type { ComponentChildren } from 'preact';

/** Who and what `<@U…>`, `<#C…>` and `<!subteam^…>` name, for showing them as Slack does. */
export interface Names {
  user(id: string): string | undefined;
  channel(id: string): string | undefined;
}

const EMOJI: Record<string, string> = {
  warning: '⚠️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  no_entry: '⛔',
  no_entry_sign: '🚫',
  hourglass: '⌛',
  hourglass_flowing_sand: '⏳',
  lock: '🔒',
  key: '🔑',
  bell: '🔔',
  chart_with_upwards_trend: '📈',
  chart_with_downwards_trend: '📉',
  moneybag: '💰',
  information_source: 'ℹ️',
  rotating_light: '🚨',
  tada: '🎉',
  eyes: '👀',
  wave: '👋',
  arrow_up: '⬆️',
  arrow_down: '⬇️',
  red_circle: '🔴',
  large_green_circle: '🟢',
  large_yellow_circle: '🟡',
  calendar: '📅',
  bar_chart: '📊',
  memo: '📝',
  inbox_tray: '📥',
};

/** Entities Slack sends in mrkdwn, decoded for display (the text is never parsed as HTML). */
export const decode = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const emoji = (text: string): string =>
  text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);

const SAFE_LINK = /^(https?:|mailto:|\/)/i;

/** `<!date^1700000000^{date_short_pretty} {time}|fallback>` in the reader's own time zone. */
function dateToken(inner: string): string {
  const [, seconds = '', format = ''] = inner.split('^');
  const when = new Date(Number(seconds) * 1000);
  if (Number.isNaN(when.getTime())) return inner.split('|')[1] ?? inner;
  const day = when.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  const time = when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return format
    .replace(/\{date[a-z_]*\}/g, day)
    .replace(/\{time(_secs)?\}/g, time)
    .replace(/\|.*$/, '');
}

/** One `<…>` token: a mention, a channel, a group, a date, or a link. */
function angle(inner: string, names: Names, key: number): ComponentChildren {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decode(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    return (
      <span key={key} class="mention">
        @{names.user(target.slice(1)) ?? label ?? target.slice(1)}
      </span>
    );
  }
  if (target.startsWith('#')) {
    return (
      <span key={key} class="mention">
        #{names.channel(target.slice(1)) ?? label ?? target.slice(1)}
      </span>
    );
  }
  if (target.startsWith('!subteam^')) {
    return (
      <span key={key} class="mention">
        {label ?? '@group'}
      </span>
    );
  }
  if (target.startsWith('!date^')) return <time key={key}>{dateToken(inner)}</time>;
  if (target.startsWith('!')) {
    return (
      <span key={key} class="mention">
        @{target.slice(1)}
      </span>
    );
  }
  const href = decode(target);
  if (!SAFE_LINK.test(href)) return <span key={key}>{label ?? href}</span>;
  return (
    <a key={key} href={href} rel="noopener noreferrer" target={href.startsWith('/') ? undefined : '_blank'}>
      {label ?? href.replace(/^mailto:/, '')}
    </a>
  );
}

const STYLES: { mark: string; tag: 'strong' | 'em' | 'del' }[] = [
  { mark: '*', tag: 'strong' },
  { mark: '_', tag: 'em' },
  { mark: '~', tag: 'del' },
];

/** Bold, italic and strike-through between word boundaries, as Slack reads them. */
function styled(text: string, key: string): ComponentChildren[] {
  for (const { mark, tag } of STYLES) {
    const m = new RegExp(`(^|[\\s(\\[])\\${mark}([^\\${mark}\\n]*[^\\s\\${mark}])\\${mark}(?=$|[\\s.,;:!?)\\]])`).exec(
      text,
    );
    if (!m || m.index === undefined) continue;
    const start = m.index + (m[1] ?? '').length;
    const inner = m[2] ?? '';
    const Tag = tag;
    return [
      ...styled(text.slice(0, start), `${key}a`),
      <Tag key={`${key}b`}>{styled(inner, `${key}c`)}</Tag>,
      ...styled(text.slice(start + inner.length + 2), `${key}d`),
    ];
  }
  return text ? [emoji(decode(text))] : [];
}

/** One line's inline parts: code spans, `<…>` tokens, styled text. */
function inline(line: string, names: Names, key: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  const pattern = /`([^`\n]+)`|<([^<>\n]+)>/g;
  let last = 0;
  let n = 0;
  for (const match of line.matchAll(pattern)) {
    parts.push(...styled(line.slice(last, match.index), `${key}s${n}`));
    if (match[1] !== undefined) parts.push(<code key={`${key}c${n}`}>{decode(match[1])}</code>);
    else parts.push(angle(match[2] ?? '', names, n));
    last = (match.index ?? 0) + match[0].length;
    n += 1;
  }
  parts.push(...styled(line.slice(last), `${key}e`));
  return parts;
}

/** Slack mrkdwn as elements: code blocks, quotes, lines, inline styles, mentions and links; never raw HTML. */
export function Mrkdwn({ text, names }: { text: string; names: Names }) {
  const pieces = text.split('```');
  return (
    <>
      {pieces.map((piece, index) =>
        index % 2 === 1 ? (
          <pre key={index}>{decode(piece.replace(/^\n/, ''))}</pre>
        ) : (
          <Lines key={index} text={piece} names={names} />
        ),
      )}
    </>
  );
}

function Lines({ text, names }: { text: string; names: Names }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, index) => {
        const quote = line.startsWith('&gt; ') || line === '&gt;';
        const body = inline(quote ? line.slice(5) : line, names, `l${index}`);
        const last = index === lines.length - 1;
        if (quote) return <blockquote key={index}>{body}</blockquote>;
        return (
          <span key={index}>
            {body}
            {last ? null : <br />}
          </span>
        );
      })}
    </>
  );
}
