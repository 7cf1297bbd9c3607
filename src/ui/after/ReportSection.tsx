import * as React from 'react';
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, Title3 } from '@fluentui/react-components';
import {
  checkReadability,
  EVALUATION_QUESTION_TEXTS,
  evaluationSchema,
  FEEDBACK_CHANNEL_OPTIONS,
  DEFAULT_SETTINGS,
  feedbackSchema,
  LONG_SENTENCE_WORDS,
  outputsAndOutcomes,
  RATING_LABELS,
  RATING_STATEMENTS,
  reportSchema,
  reportTimeliness,
  TARGET_READING_AGE,
  toFieldProblems,
  type Evaluation,
  type Feedback,
  type FeedbackChannelId,
  type FieldProblem,
  type ReportFields,
  type StoredPlan
} from '../../domain';
import { formatDate } from '../common/format';
import { downloadBlob, downloadWord } from '../export/ExportActions';
import { toHtmlPage } from '../export/htmlDocument';
import { ErrorBar } from '../common/components';
import { engagementReportDocument, evaluationSections, youSaidWeDidDocument } from './documents';
import { problemAt, TextInput, toCount, useFormStyles } from './formParts';
import type { RecordEditor } from './useRecordEditor';
import { useFeedbackNotice } from './FeedbackNotice';

const today = (): string => new Date().toISOString().slice(0, 10);

/** Where the deadline comes from: TRUST's 12 weeks, or the organisation's own setting. */
const guidance = (weeks: number): string =>
  weeks === DEFAULT_SETTINGS.reportDueWeeksAfterClose ? 'following TRUST' : 'your organisation’s setting; TRUST says 12';

/**
 * What to do about a late report. TRUST's line is quoted as it stands; where the organisation's
 * deadline is not TRUST's 12 weeks, the message says which deadline was missed before quoting it.
 */
export function lateAdvice(weeks: number): string {
  const trust = 'TRUST: “Where it is not published within 12 weeks, the Trust should publish a brief explanation for the delay.”';
  if (weeks === DEFAULT_SETTINGS.reportDueWeeksAfterClose) return trust;
  return `Your organisation’s deadline is ${weeks} weeks after the engagement closed, and it has passed: publish a brief explanation for the delay. ${trust}`;
}

/** Where the report stands against its due date, said plainly. */
function DueNotice({ editor, weeks }: { editor: RecordEditor; weeks: number }): JSX.Element | null {
  const t = reportTimeliness(editor.record.content, weeks, today());
  if (t.state === 'notDue')
    return (
      <Text as="p" block>
        Enter the date the engagement closed to see when the report is due ({weeks} weeks after, {guidance(weeks)}).
      </Text>
    );
  if (t.state === 'published')
    return (
      <Text as="p" block>
        Published {formatDate(editor.record.content.report.publishedOn)}
        {t.due ? (t.onTime ? `, within its due date of ${formatDate(t.due)}.` : `, after its due date of ${formatDate(t.due)}.`) : '.'}
      </Text>
    );
  if (t.state === 'due')
    return (
      <Text as="p" block>
        The report is due by {formatDate(t.due)} ({t.daysLeft} days left): {weeks} weeks after the engagement closed ({guidance(weeks)}).
      </Text>
    );
  return (
    <MessageBar intent={t.explained ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The report is late</MessageBarTitle>
        It was due by {formatDate(t.due)}.{' '}
        {t.explained
          ? 'The explanation of the delay is recorded: make sure it is published.'
          : `${lateAdvice(weeks)} Write the explanation below.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The report's written parts, its due date, and the Word download built from the whole record. */
function ReportForm({
  plan,
  editor,
  editable,
  weeks
}: {
  plan: StoredPlan;
  editor: RecordEditor;
  editable: boolean;
  weeks: number;
}): JSX.Element {
  const styles = useFormStyles();
  const content = editor.record.content;
  const [r, setR] = React.useState<ReportFields>(content.report);
  const [problems, setProblems] = React.useState<FieldProblem[]>([]);
  const [error, setError] = React.useState<unknown>();
  const set =
    <K extends keyof ReportFields>(key: K) =>
    (value: ReportFields[K]): void =>
      setR((was) => ({ ...was, [key]: value }));
  const save = (): void => {
    const result = reportSchema.safeParse(r);
    if (!result.success) return setProblems(toFieldProblems(result.error));
    setProblems([]);
    void editor.change({ ...content, report: result.data });
  };
  return (
    <section aria-labelledby="after-report">
      <Title3 as="h3" id="after-report" block>
        The report
      </Title3>
      <DueNotice editor={editor} weeks={weeks} />
      <div className={styles.grid}>
        <TextInput
          label="Date the engagement closed"
          type="date"
          value={r.engagementClosed}
          onChange={set('engagementClosed')}
          readOnly={!editable}
          message={problemAt(problems, 'engagementClosed')}
        />
        <TextInput
          label="Date the report was published"
          type="date"
          value={r.publishedOn}
          onChange={set('publishedOn')}
          readOnly={!editable}
          message={problemAt(problems, 'publishedOn')}
        />
        <TextInput
          label="Where it is published (web address)"
          type="url"
          value={r.link}
          onChange={set('link')}
          readOnly={!editable}
          message={problemAt(problems, 'link')}
        />
      </div>
      <TextInput label="Summary" multiline value={r.summary} onChange={set('summary')} readOnly={!editable} />
      <TextInput label="Next steps" required multiline value={r.nextSteps} onChange={set('nextSteps')} readOnly={!editable} />
      <TextInput
        label="Explanation of any delay"
        hint="If the report is not published within its due date, publish a brief explanation (TRUST)."
        multiline
        value={r.delayExplanation}
        onChange={set('delayExplanation')}
        readOnly={!editable}
      />
      <div className={styles.actions}>
        {editable && (
          <Button appearance="primary" disabled={editor.save.kind === 'saving'} onClick={save}>
            Save the report
          </Button>
        )}
        <Button
          onClick={() => {
            setError(undefined);
            const doc = engagementReportDocument(plan, editor.record.content, weeks);
            downloadWord(
              { ...doc, sections: [...doc.sections, ...evaluationSections(plan, editor.record.content)] },
              'engagement-report'
            ).catch(setError);
          }}
        >
          Download the report (Word)
        </Button>
      </div>
      {error !== undefined && <ErrorBar error={error} />}
    </section>
  );
}

/** "You said, we did": the public summary with its plain-English check, how people were told, and downloads. */
function FeedbackForm({ plan, editor, editable }: { plan: StoredPlan; editor: RecordEditor; editable: boolean }): JSX.Element {
  const styles = useFormStyles();
  const content = editor.record.content;
  const [f, setF] = React.useState<Feedback>(content.feedback);
  const [problems, setProblems] = React.useState<FieldProblem[]>([]);
  const [error, setError] = React.useState<unknown>();
  const set =
    <K extends keyof Feedback>(key: K) =>
    (value: Feedback[K]): void =>
      setF((was) => ({ ...was, [key]: value }));
  const check = checkReadability(f.summary);
  // Publishing tells the involvement team in Teams, once per publication date (through the outbox).
  const notice = useFeedbackNotice(plan.id, content.feedback.publishedOn);
  const save = async (): Promise<void> => {
    const result = feedbackSchema.safeParse(f);
    if (!result.success) return setProblems(toFieldProblems(result.error));
    setProblems([]);
    const before = content.feedback.publishedOn;
    const saved = await editor.change({ ...content, feedback: result.data });
    if (saved && result.data.publishedOn && result.data.publishedOn !== before) await notice.send();
  };
  const doc = (): ReturnType<typeof youSaidWeDidDocument> => youSaidWeDidDocument(plan, { ...editor.record.content, feedback: f });
  return (
    <section aria-labelledby="after-feedback">
      <Title3 as="h3" id="after-feedback" block>
        You said, we did
      </Title3>
      <Text as="p" block>
        Tell people what changed because of their participation, and what could not change and why (LSC step 9). Write for a reading age of
        about {TARGET_READING_AGE}, without jargon (LSC).
      </Text>
      <TextInput label="Summary for the public" multiline value={f.summary} onChange={set('summary')} readOnly={!editable} />
      <div role="status" aria-live="polite" className={styles.card}>
        {check.readingAge === null ? (
          <Text>Write a few sentences to see an estimated reading age.</Text>
        ) : (
          <Text>
            Estimated reading age: {check.readingAge} years
            {check.aboveTarget
              ? ` — above the target of about ${TARGET_READING_AGE}. Try shorter sentences and words.`
              : ' — about right.'}{' '}
            (An estimate from sentence and word length.)
          </Text>
        )}
        {check.longSentences.length > 0 && (
          <>
            <Text as="p" block weight="semibold">
              Sentences longer than {LONG_SENTENCE_WORDS} words (a suggestion, not a rule):
            </Text>
            <ul>
              {check.longSentences.map((s, i) => (
                <li key={i}>
                  {s.words} words: “{s.text}”
                </li>
              ))}
            </ul>
          </>
        )}
        {check.jargon.length > 0 && (
          <>
            <Text as="p" block weight="semibold">
              Words people may not know:
            </Text>
            <ul>
              {check.jargon.map((j) => (
                <li key={j.term}>
                  “{j.term}” — try “{j.instead}”
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>How people were told (NENC)</legend>
        {FEEDBACK_CHANNEL_OPTIONS.map((c) => (
          <Checkbox
            key={c.id}
            label={c.name}
            disabled={!editable}
            checked={f.channels.includes(c.id)}
            onChange={(_e, d) =>
              set('channels')(d.checked ? [...f.channels, c.id] : f.channels.filter((x: FeedbackChannelId) => x !== c.id))
            }
          />
        ))}
      </fieldset>
      <div className={styles.grid}>
        <TextInput
          label="Date participants were told"
          type="date"
          value={f.participantsToldOn}
          onChange={set('participantsToldOn')}
          readOnly={!editable}
          message={problemAt(problems, 'participantsToldOn')}
        />
        <TextInput
          label="Date it was published"
          type="date"
          value={f.publishedOn}
          onChange={set('publishedOn')}
          readOnly={!editable}
          message={problemAt(problems, 'publishedOn')}
        />
        <TextInput
          label="Where it is published (web address)"
          type="url"
          value={f.link}
          onChange={set('link')}
          readOnly={!editable}
          message={problemAt(problems, 'link')}
        />
      </div>
      <TextInput
        label="If it was not published, why not"
        multiline
        value={f.notPublishedReason}
        onChange={set('notPublishedReason')}
        readOnly={!editable}
      />
      {notice.bar}
      <div className={styles.actions}>
        {editable && (
          <Button appearance="primary" disabled={editor.save.kind === 'saving'} onClick={() => void save()}>
            Save “you said, we did”
          </Button>
        )}
        <Button
          onClick={() => {
            setError(undefined);
            downloadWord(doc(), 'you-said-we-did').catch(setError);
          }}
        >
          Download “you said, we did” (Word)
        </Button>
        <Button
          onClick={() => {
            const name = `${
              (plan.content.project.title || 'plan')
                .replace(/[^A-Za-z0-9 -]/g, '')
                .trim()
                .replace(/\s+/g, '-')
                .slice(0, 60) || 'plan'
            }-you-said-we-did.html`;
            downloadBlob(new Blob([toHtmlPage(doc())], { type: 'text/html;charset=utf-8' }), name);
          }}
        >
          Download as a web page (HTML)
        </Button>
      </div>
      {error !== undefined && <ErrorBar error={error} />}
    </section>
  );
}

/** The evaluation: NENC's questions, SUF's outputs and outcomes, lessons learned. */
function EvaluationForm({ plan, editor, editable }: { plan: StoredPlan; editor: RecordEditor; editable: boolean }): JSX.Element {
  const styles = useFormStyles();
  const content = editor.record.content;
  const e0 = content.evaluation;
  const [answers, setAnswers] = React.useState<string[]>([...e0.answers]);
  const [numbers, setNumbers] = React.useState<Record<string, string>>(() => ({
    suggestionsMade: e0.suggestionsMade === null ? '' : String(e0.suggestionsMade),
    suggestionsActioned: e0.suggestionsActioned === null ? '' : String(e0.suggestionsActioned),
    servicesCoProduced: e0.servicesCoProduced === null ? '' : String(e0.servicesCoProduced),
    ...Object.fromEntries(
      RATING_STATEMENTS.flatMap((k) => [
        [`${k}.agreed`, e0.ratings[k].agreed === null ? '' : String(e0.ratings[k].agreed)],
        [`${k}.asked`, e0.ratings[k].asked === null ? '' : String(e0.ratings[k].asked)]
      ])
    )
  }));
  const [caseStudies, setCaseStudies] = React.useState(e0.caseStudies);
  const [lessons, setLessons] = React.useState(e0.lessons);
  const [problems, setProblems] = React.useState<FieldProblem[]>([]);
  const o = outputsAndOutcomes(plan, content);
  const num = (k: string): number | null => toCount(numbers[k] ?? '');
  const save = (): void => {
    const candidate: Evaluation = {
      answers,
      suggestionsMade: num('suggestionsMade'),
      suggestionsActioned: num('suggestionsActioned'),
      servicesCoProduced: num('servicesCoProduced'),
      ratings: Object.fromEntries(
        RATING_STATEMENTS.map((k) => [k, { agreed: num(`${k}.agreed`), asked: num(`${k}.asked`) }])
      ) as Evaluation['ratings'],
      caseStudies,
      lessons
    };
    const result = evaluationSchema.safeParse(candidate);
    if (!result.success) return setProblems(toFieldProblems(result.error));
    setProblems([]);
    void editor.change({ ...content, evaluation: result.data });
  };
  const numberInput = (key: string, label: string): JSX.Element => (
    <TextInput
      key={key}
      label={label}
      type="number"
      value={numbers[key] ?? ''}
      readOnly={!editable}
      onChange={(v) => setNumbers((was) => ({ ...was, [key]: v }))}
      message={problemAt(problems, key.replace('.', '.').replace(/^(informed|heard|influence)/, 'ratings.$1'))}
    />
  );
  return (
    <section aria-labelledby="after-evaluation">
      <Title3 as="h3" id="after-evaluation" block>
        Evaluation
      </Title3>
      <Text as="p" block>
        Look at the aims and objectives you set at the start and answer NENC’s questions.
      </Text>
      {EVALUATION_QUESTION_TEXTS.map((q, i) => (
        <TextInput
          key={q}
          label={q}
          required
          multiline
          readOnly={!editable}
          value={answers[i] ?? ''}
          onChange={(v) => setAnswers((was) => was.map((a, j) => (j === i ? v : a)))}
        />
      ))}
      <Text as="p" block weight="semibold">
        Outputs and outcomes (Suffolk “Working Together”)
      </Text>
      <dl>
        <dt>People reached</dt>
        <dd>{o.peopleReached}</dd>
        <dt>People from the groups the plan set out to reach</dt>
        <dd>{o.priorityGroupReached}</dd>
        <dt>Suggestions investigated or actioned</dt>
        <dd>
          {o.suggestionsActionedPercent === null ? 'Not measured yet' : `${o.suggestionsActionedPercent}% (Suffolk’s example aim: 60%)`}
        </dd>
      </dl>
      <div className={styles.grid}>
        {numberInput('suggestionsMade', 'Suggestions made')}
        {numberInput('suggestionsActioned', 'Suggestions investigated or actioned')}
        {numberInput('servicesCoProduced', 'Services co-produced')}
      </div>
      <fieldset className={styles.fieldset}>
        <legend>Participants’ own rating (how many agreed, of how many asked)</legend>
        <div className={styles.grid}>
          {RATING_STATEMENTS.flatMap((k) => [
            numberInput(`${k}.agreed`, `${RATING_LABELS[k]}: agreed`),
            numberInput(`${k}.asked`, `${RATING_LABELS[k]}: asked`)
          ])}
        </div>
      </fieldset>
      <TextInput label="Case studies" multiline value={caseStudies} onChange={setCaseStudies} readOnly={!editable} />
      <TextInput label="Lessons learned" required multiline value={lessons} onChange={setLessons} readOnly={!editable} />
      {editable && (
        <Button appearance="primary" disabled={editor.save.kind === 'saving'} onClick={save}>
          Save the evaluation
        </Button>
      )}
    </section>
  );
}

/** Step 8 and 9: the report, "you said, we did" and the evaluation. */
export function ReportSection(props: { plan: StoredPlan; editor: RecordEditor; editable: boolean; weeks: number }): JSX.Element {
  return (
    <>
      <ReportForm {...props} />
      <FeedbackForm {...props} />
      <EvaluationForm {...props} />
    </>
  );
}
