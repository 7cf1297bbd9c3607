import * as React from 'react';
import { Button, Card, Field, Input, Link, makeStyles, Select, Text, Title3, tokens } from '@fluentui/react-components';
import { newMeetingLink, type InvolvementPlan } from '../../domain';
import { useHost } from '../shell/host';

const useStyles = makeStyles({ card: { marginBottom: tokens.spacingVerticalM } });

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const DURATIONS = [30, 45, 60, 90, 120];

/** Props for {@link ScopingMeetingCard}. */
export type ScopingMeetingCardProps = {
  plan: InvolvementPlan;
  /** The link to this plan's review, put in the meeting's description. */
  planLink: string;
  busy: boolean;
  /** Record the booking in the plan (and its history); `link` is the Teams meeting form it opened. */
  onBook(at: string, attendees: string[], link: string): Promise<boolean>;
  /** The meeting form last opened, kept by the review while it reloads the plan. */
  booked?: string;
};

/**
 * Book the scoping meeting as a Teams meeting: Teams' own "new meeting" form opens prefilled
 * (subject, start, end, the plan's link, the project lead and the involvement lead invited), in
 * the team member's own calendar, so no extra permission is needed; the booking is recorded in
 * the plan's history.
 */
export function ScopingMeetingCard({ plan, planLink, busy, onBook, booked }: ScopingMeetingCardProps): JSX.Element {
  const styles = useStyles();
  const host = useHost();
  const [at, setAt] = React.useState('');
  const [minutes, setMinutes] = React.useState(60);
  const [others, setOthers] = React.useState('');
  const [problem, setProblem] = React.useState<string>();
  const people = [plan.projectLead, plan.involvementLead].filter((p): p is NonNullable<typeof p> => !!p?.email);
  const title = plan.content.project.title || 'Untitled plan';

  const book = async (): Promise<void> => {
    const extra = others
      .split(/[,;]/)
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = extra.filter((e) => !EMAIL.test(e));
    const start = new Date(at);
    if (Number.isNaN(start.getTime())) return setProblem('Enter the date and time of the meeting.');
    if (bad.length) return setProblem(`These are not email addresses: ${bad.join(', ')}. Separate addresses with commas.`);
    setProblem(undefined);
    const end = new Date(start.getTime() + minutes * 60_000);
    const link = newMeetingLink({
      subject: `Scoping meeting: ${title}`,
      start: start.toISOString(),
      end: end.toISOString(),
      content: `Scoping meeting for the involvement plan "${title}". The plan: ${planLink}`,
      attendees: [...people.map((p) => p.email), ...extra]
    });
    if (await onBook(start.toISOString(), [...people.map((p) => p.displayName), ...extra], link)) {
      (host.openLink ?? ((url: string) => window.open(url, '_blank', 'noopener')))(link);
    }
  };

  return (
    <Card className={styles.card}>
      <Title3 as="h3" block>
        Scoping meeting
      </Title3>
      <Text as="p" block>
        Opens a Teams meeting in your calendar with {people.length ? people.map((p) => p.displayName).join(' and ') : 'the people below'}{' '}
        invited and a link to this plan.
      </Text>
      <Field label="Date and time" validationState={problem ? 'error' : 'none'} validationMessage={problem}>
        <Input type="datetime-local" value={at} onChange={(_e, d) => setAt(d.value)} />
      </Field>
      <Field label="How long">
        <Select value={String(minutes)} onChange={(_e, d) => setMinutes(Number(d.value))}>
          {DURATIONS.map((m) => (
            <option key={m} value={m}>
              {m < 60 ? `${m} minutes` : `${m / 60} hour${m > 60 ? 's' : ''}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Other people to invite" hint="Email addresses, separated by commas">
        <Input value={others} onChange={(_e, d) => setOthers(d.value)} />
      </Field>
      <Button disabled={busy || !at} onClick={() => void book()}>
        Book the scoping meeting in Teams
      </Button>
      {booked && (
        <Text as="p" block>
          Booked and recorded in the plan’s history. If Teams did not open,{' '}
          <Link href={booked} target="_blank" rel="noopener noreferrer">
            open the meeting form in Teams
          </Link>
          .
        </Text>
      )}
    </Card>
  );
}
