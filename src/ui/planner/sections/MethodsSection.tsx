import * as React from 'react';
import { Body1, Button, Caption1, Card, Field, Select, Text, Title3 } from '@fluentui/react-components';
import {
  ACCESSIBILITY_GUIDANCE,
  BUDGET_ITEMS,
  budgetTotalGbp,
  ENGAGEMENT_METHODS,
  guideStep,
  type BudgetItemId,
  type MethodId
} from '../../../domain';
import { GuidancePanel, sourceTitle } from '../../common/Guidance';
import { NumberField, RowsEditor, TextField } from '../../editor/fields';
import { useEditor } from '../../editor/EditorContext';
import { useStyles, gbp } from './styles';

/** Methods per audience and the budget (DOMAIN.md §7). */
export function MethodsSection(): JSX.Element {
  const styles = useStyles();
  const { content, update, readOnly } = useEditor();
  const [method, setMethod] = React.useState<MethodId | ''>('');
  const [item, setItem] = React.useState<BudgetItemId | ''>('');
  const total = budgetTotalGbp(content.budget);
  return (
    <>
      <Title3 as="h3" block>
        Methods
      </Title3>
      <GuidancePanel title="Choosing methods (step 5)">
        <Body1 as="p">{guideStep('5').guidance}</Body1>
        <Caption1 as="p">From: {guideStep('5').sources.map(sourceTitle).join('; ')}</Caption1>
      </GuidancePanel>
      <GuidancePanel title="Making it accessible: a checklist" citations={ACCESSIBILITY_GUIDANCE.map((a) => a.citation)}>
        <ul className={styles.reasons}>
          {ACCESSIBILITY_GUIDANCE.map((a) => (
            <li key={a.text}>
              {a.text} <Caption1>({a.sources.map(sourceTitle).join('; ')})</Caption1>
            </li>
          ))}
        </ul>
      </GuidancePanel>
      {!readOnly && (
        <div className={styles.inline}>
          <Field label="Choose a method to add">
            <Select value={method} onChange={(_e, d) => setMethod(d.value as MethodId | '')}>
              <option value="">Choose a method</option>
              {ENGAGEMENT_METHODS.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={!method}
            onClick={() => {
              if (method) {
                update('methods', [...content.methods, { method, audience: '', notes: '' }]);
                setMethod('');
              }
            }}
          >
            Add method
          </Button>
        </div>
      )}
      <RowsEditor
        path="methods"
        legend="Methods you will use"
        columns={[
          { key: 'audience', label: 'Who it is for (audience)' },
          { key: 'notes', label: 'Notes', multiline: true }
        ]}
        rowLabel={(row) => ENGAGEMENT_METHODS.find((m) => m.id === row.method)?.name ?? 'Method'}
        renderExtra={(i) => {
          const m = ENGAGEMENT_METHODS.find((x) => x.id === content.methods[i]?.method);
          return m ? (
            <Caption1 as="p">
              Good for: {m.goodFor} Access: {m.accessibilityNotes}
            </Caption1>
          ) : null;
        }}
      />
      <Title3 as="h3" block>
        Budget
      </Title3>
      {!readOnly && (
        <div className={styles.inline}>
          <Field label="Choose a cost to add">
            <Select value={item} onChange={(_e, d) => setItem(d.value as BudgetItemId | '')}>
              <option value="">Choose a cost</option>
              {BUDGET_ITEMS.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                  {b.defaultUnitCostGbp ? ` (about ${gbp(b.defaultUnitCostGbp)} ${b.unit})` : ''}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={!item}
            onClick={() => {
              const b = BUDGET_ITEMS.find((x) => x.id === item);
              if (b) {
                update('budget', [...content.budget, { item: b.id, description: b.name, unitCostGbp: b.defaultUnitCostGbp, quantity: 1 }]);
                setItem('');
              }
            }}
          >
            Add cost
          </Button>
          <Button
            disabled={readOnly}
            onClick={() => update('budget', [...content.budget, { item: null, description: '', unitCostGbp: 0, quantity: 1 }])}
          >
            Add another cost
          </Button>
        </div>
      )}
      {content.budget.map((line, i) => (
        <Card key={i} className={styles.card} aria-label={`Cost ${i + 1}: ${line.description || 'not named yet'}`}>
          <TextField path={`budget.${i}.description`} label={`Cost ${i + 1}: what it is`} />
          <div className={styles.inline}>
            <NumberField path={`budget.${i}.unitCostGbp`} label="Cost each (£)" step={0.01} />
            <NumberField path={`budget.${i}.quantity`} label="How many" min={1} />
            <Text>= {gbp(line.unitCostGbp * line.quantity)}</Text>
            {!readOnly && (
              <Button
                appearance="subtle"
                onClick={() =>
                  update(
                    'budget',
                    content.budget.filter((_l, j) => j !== i)
                  )
                }
              >
                Remove cost {i + 1}
              </Button>
            )}
          </div>
        </Card>
      ))}
      <Text as="p" weight="semibold" aria-live="polite">
        Total budget: {gbp(total)}
      </Text>
    </>
  );
}
