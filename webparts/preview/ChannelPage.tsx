import * as React from 'react';
import * as AdaptiveCards from 'adaptivecards';
import { FluentProvider, Spinner, Text, Title2 } from '@fluentui/react-components';
import { useFluentTheme, type HostTheme } from '../../src/ui/shell/theme';

interface PostedMessage {
  id: string;
  from: string;
  via: string;
  createdDateTime: string;
  replyToId?: string;
  body: {
    attachments?: Array<{ contentType: string; content: unknown }>;
    mentions?: Array<{ mentionText?: string }>;
  };
}

/** Renders one Adaptive Card with the Adaptive Cards library, as Teams would. */
function CardView({ content }: { content: unknown }): JSX.Element {
  const host = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.parse(typeof content === 'string' ? JSON.parse(content) : content);
    const element = card.render();
    const target = host.current;
    if (target && element) target.replaceChildren(element);
  }, [content]);
  return <div ref={host} />;
}

/** One message: who posted it, when, whom it mentions (as Teams highlights them) and its cards. */
function MessageView({ message: m }: { message: PostedMessage }): JSX.Element {
  const mentions = (m.body.mentions ?? []).map((x) => x.mentionText ?? '').filter(Boolean);
  return (
    <>
      <Text weight="semibold">{m.from}</Text>{' '}
      <Text size={200}>
        {new Date(m.createdDateTime).toLocaleString('en-GB')} · via {m.via}
      </Text>
      {mentions.length > 0 && (
        <Text as="p" weight="semibold">
          {mentions.map((name) => `@${name}`).join(' ')}
        </Text>
      )}
      {(m.body.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a, i) => (
          <CardView key={i} content={a.content} />
        ))}
    </>
  );
}

/** The workbench's Teams channel: every message posted through Graph or Workflows, newest last. */
export function ChannelPage({ theme }: { theme: HostTheme }): JSX.Element {
  const [messages, setMessages] = React.useState<PostedMessage[]>();
  React.useEffect(() => {
    const load = (): void => {
      fetch('/_workbench/messages')
        .then((r) => r.json() as Promise<{ value: PostedMessage[] }>)
        .then(
          (d) => setMessages(d.value),
          () => undefined
        );
    };
    load();
    const timer = window.setInterval(load, 3000);
    return () => window.clearInterval(timer);
  }, []);
  const fluentTheme = useFluentTheme(theme);
  return (
    <FluentProvider theme={fluentTheme} lang="en-GB">
      <main style={{ padding: '1rem', minHeight: '100vh' }}>
        <Title2 as="h1">Plan submissions (Teams channel, sample)</Title2>
        {!messages ? (
          <Spinner label="Loading messages…" />
        ) : messages.length === 0 ? (
          <Text as="p">No messages yet. When a lead submits a plan, its card appears here.</Text>
        ) : (
          <ol aria-label="Channel messages" style={{ listStyle: 'none', padding: 0 }}>
            {messages
              .filter((m) => !m.replyToId)
              .map((m) => {
                const replies = messages.filter((r) => r.replyToId === m.id);
                return (
                  <li key={m.id} style={{ marginBottom: '1rem', maxWidth: '36rem' }}>
                    <MessageView message={m} />
                    {replies.length > 0 && (
                      <ol aria-label="Replies" style={{ listStyle: 'none', paddingLeft: '1.5rem' }}>
                        {replies.map((r) => (
                          <li key={r.id} style={{ marginTop: '0.5rem' }}>
                            <MessageView message={r} />
                          </li>
                        ))}
                      </ol>
                    )}
                  </li>
                );
              })}
          </ol>
        )}
      </main>
    </FluentProvider>
  );
}
