import * as React from 'react';
import { Badge, Button, Caption1, makeStyles, Switch, Text, Title2, tokens, typographyStyles } from '@fluentui/react-components';
import {
  allEqualityGroups,
  GUIDE_SECTION_TITLES,
  GUIDE_SECTIONS,
  LEAD_EDITABLE_STATUSES,
  PLAN_STATUS_DESCRIPTIONS,
  PLAN_STATUS_LABELS,
  sectionProgressForPlan,
  type GuideSection,
  type StoredPlan
} from '../../domain';
import { useCurrentUser } from '../shell/session';
import { useInvolvementSettings } from '../shell/involvementSettings';
import { EditorProvider } from '../editor/EditorContext';
import { usePlanEditor } from '../editor/usePlanEditor';
import { EditorAlerts, SaveStatus } from '../editor/SaveStatus';
import { ExportActions } from '../export/ExportActions';
import { SubmissionPanel } from './SubmissionPanel';
import { useStakeholderMap } from '../stakeholders/useStakeholderMap';
import { GuideSectionView } from './sections';
import { PrintView } from '../export/PrintView';
import { communicationsPlanDocument, planningTemplateDocument } from '../export/documentModel';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    justifyContent: 'space-between',
    marginBottom: tokens.spacingVerticalM
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(14rem, 18rem) 1fr',
    gap: tokens.spacingHorizontalXL,
    '@media (max-width: 700px)': { gridTemplateColumns: '1fr' }
  },
  nav: { listStyleType: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  navButton: { width: '100%', justifyContent: 'space-between', textAlign: 'left', gap: tokens.spacingHorizontalS },
  sectionHeading: { ...typographyStyles.title2, marginTop: 0 },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, marginTop: tokens.spacingVerticalXL }
});

/** Props for {@link PlanGuide}. */
export type PlanGuideProps = { plan: StoredPlan; onBack(): void; onReload(): void };

/**
 * The guide through the involvement planning template: a list of sections with what each still
 * needs, any section in any order, saved as the lead types.
 */
export function PlanGuide({ plan, onBack, onReload }: PlanGuideProps): JSX.Element {
  const styles = useStyles();
  const user = useCurrentUser();
  const settings = useInvolvementSettings();
  const initial = React.useMemo(
    () => ({
      ...plan,
      content: {
        ...plan.content,
        equality: { ...plan.content.equality, considerations: allEqualityGroups(plan.content.equality.considerations) }
      }
    }),
    [plan]
  );
  const editor = usePlanEditor(initial);
  const [section, setSection] = React.useState<GuideSection>('about');
  const [showRequired, setShowRequired] = React.useState(false);
  const [printing, setPrinting] = React.useState(false);
  const pendingFocus = React.useRef<string>();
  const headingRef = React.useRef<HTMLHeadingElement>(null);
  const readOnly = editor.plan.projectLead?.id !== user.id || !LEAD_EDITABLE_STATUSES.includes(editor.plan.status);
  const map = useStakeholderMap(plan.id);
  const stakeholders = map.status === 'ready' ? map.items : null;
  const progress = sectionProgressForPlan(editor.content, stakeholders, settings);
  const index = GUIDE_SECTIONS.indexOf(section);

  const open = (next: GuideSection, field?: string): void => {
    if (next === 'review') setShowRequired(true);
    pendingFocus.current = field;
    setSection(next);
  };
  React.useEffect(() => {
    const field = pendingFocus.current;
    pendingFocus.current = undefined;
    if (field) {
      setShowRequired(true);
      // A section loaded on demand (the stakeholder map) may not be there yet: look again shortly.
      let tries = 0;
      let timer: number | undefined;
      const focusField = (): void => {
        const target = document.getElementById(`field-${field.replace(/\./g, '-')}`);
        if (!target && tries++ < 40) {
          timer = window.setTimeout(focusField, 50);
          return;
        }
        const focusable = target?.querySelector<HTMLElement>('input, textarea, select, button');
        target?.scrollIntoView({ block: 'center' });
        (focusable ?? target ?? headingRef.current)?.focus();
      };
      focusField();
      return () => window.clearTimeout(timer);
    } else {
      headingRef.current?.focus();
    }
  }, [section]);

  if (printing) {
    const current = { ...editor.plan, content: editor.content };
    return (
      <PrintView
        documents={[planningTemplateDocument(current, stakeholders ?? [], settings), communicationsPlanDocument(current)]}
        onClose={() => setPrinting(false)}
      />
    );
  }

  return (
    <EditorProvider
      content={editor.content}
      update={editor.update}
      readOnly={readOnly}
      showRequired={showRequired}
      stakeholders={stakeholders}
    >
      <div className={styles.header}>
        <div>
          <Button appearance="subtle" onClick={onBack}>
            ← My plans
          </Button>
          <Title2 as="h2" block>
            {editor.content.project.title || 'Untitled plan'}
          </Title2>
          <Badge appearance="tint">{PLAN_STATUS_LABELS[editor.plan.status]}</Badge>{' '}
          <Caption1>({PLAN_STATUS_DESCRIPTIONS[editor.plan.status]})</Caption1>{' '}
          {readOnly ? (
            <Text>
              Read only: {editor.plan.projectLead?.id !== user.id ? 'this is someone else’s plan.' : 'the involvement team has this plan.'}
            </Text>
          ) : (
            <SaveStatus editor={editor} />
          )}
        </div>
        <ExportActions
          plan={{ ...editor.plan, content: editor.content }}
          stakeholders={stakeholders}
          onPrintView={() => setPrinting(true)}
        />
      </div>
      <EditorAlerts editor={editor} onReload={onReload} />
      <SubmissionPanel
        plan={{ ...editor.plan, content: editor.content }}
        unsaved={editor.save.kind !== 'saved' || editor.save.held.length > 0}
        onSubmitted={onReload}
        stakeholders={stakeholders}
      />
      <div className={styles.layout}>
        <nav aria-label="Sections of the plan">
          <ol className={styles.nav}>
            {GUIDE_SECTIONS.map((s, i) => (
              <li key={s}>
                <Button
                  className={styles.navButton}
                  appearance={s === section ? 'primary' : 'secondary'}
                  aria-current={s === section ? 'step' : undefined}
                  onClick={() => open(s)}
                >
                  <span>
                    {i + 1}. {GUIDE_SECTION_TITLES[s]}
                  </span>
                  <span>
                    {s === 'review'
                      ? editor.content.review.markedReady && Object.values(progress).every((n) => n === 0)
                        ? 'Ready'
                        : ''
                      : s === 'stakeholders' && stakeholders === null
                        ? 'Loading'
                        : progress[s] === 0
                          ? 'Done'
                          : `${progress[s]} to do`}
                  </span>
                </Button>
              </li>
            ))}
          </ol>
        </nav>
        <section aria-labelledby="section-heading">
          <h2 className={styles.sectionHeading} id="section-heading" tabIndex={-1} ref={headingRef}>
            {GUIDE_SECTION_TITLES[section]}
          </h2>
          {section !== 'review' && (
            <Switch
              label="Show what is still needed in this section"
              checked={showRequired}
              onChange={(_e, d) => setShowRequired(d.checked)}
            />
          )}
          <GuideSectionView section={section} map={map} planId={plan.id} onGo={open} />
          <div className={styles.footer}>
            {index > 0 && (
              <Button onClick={() => open(GUIDE_SECTIONS[index - 1])}>Back: {GUIDE_SECTION_TITLES[GUIDE_SECTIONS[index - 1]]}</Button>
            )}
            {index < GUIDE_SECTIONS.length - 1 && (
              <Button appearance="primary" onClick={() => open(GUIDE_SECTIONS[index + 1])}>
                Next: {GUIDE_SECTION_TITLES[GUIDE_SECTIONS[index + 1]]}
              </Button>
            )}
          </div>
        </section>
      </div>
    </EditorProvider>
  );
}
