import * as React from 'react';
import { Body1, Button, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, Title3 } from '@fluentui/react-components';
import { GUIDE_SECTION_TITLES, GUIDE_SECTIONS, messageText, type GuideSection } from '../../../domain';
import { useEditor } from '../../editor/EditorContext';
import { PrinciplesCheck } from './PrinciplesCheck';
import { formatDateTime } from '../../common/format';

// WCAG 2.2 target size: each checklist link is at least 24px tall.
const useStyles = makeStyles({ item: { minHeight: '24px', display: 'inline-block', paddingTop: '2px', paddingBottom: '2px' } });

/** Props for {@link ReviewSection}. */
export type ReviewSectionProps = { onGo(section: GuideSection, field: string): void };

/** The readiness checklist, the principles self-check, and "Mark as ready to submit". */
export function ReviewSection({ onGo }: ReviewSectionProps): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly, readiness: items, stakeholders } = useEditor();
  const [refused, setRefused] = React.useState(false);
  const markReady = (): void => {
    if (items.length > 0 || stakeholders === null) {
      setRefused(true);
      return;
    }
    setRefused(false);
    update('review', { markedReady: true, markedReadyAt: new Date().toISOString() });
  };
  return (
    <>
      <Title3 as="h3" block>
        Checklist
      </Title3>
      {items.length === 0 ? (
        <Body1 as="p">Everything the involvement team needs is filled in.</Body1>
      ) : (
        <>
          <Body1 as="p">
            {items.length} {items.length === 1 ? 'thing is' : 'things are'} still missing. Incomplete plans delay the involvement team’s
            review.
          </Body1>
          {GUIDE_SECTIONS.filter((s) => items.some((i) => i.section === s)).map((section) => (
            <section key={section} aria-label={`Missing in ${GUIDE_SECTION_TITLES[section]}`}>
              <Text weight="semibold">{GUIDE_SECTION_TITLES[section]}</Text>
              <ul>
                {items
                  .filter((i) => i.section === section)
                  .map((i) => (
                    <li key={`${i.field}-${i.text}`}>
                      <Link as="button" className={styles.item} onClick={() => onGo(i.section, i.field)}>
                        {i.text}
                      </Link>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <Title3 as="h3" block>
        Check the plan against the principles
      </Title3>
      <PrinciplesCheck />
      {content.review.markedReady && items.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Ready to submit</MessageBarTitle>You marked this plan ready on {formatDateTime(content.review.markedReadyAt)}.
          </MessageBarBody>
        </MessageBar>
      ) : (
        !readOnly && (
          <p>
            <Button appearance="primary" onClick={markReady}>
              Mark as ready to submit
            </Button>
          </p>
        )
      )}
      {refused && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{messageText('plan.notReady')}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
