import * as React from 'react';
import { act, render, waitFor } from '@testing-library/react';
import { emptyPlanContent } from '../../src/domain';
import { getIn, rowPath, setIn, type PlanPath, type PlanPathTo, type PlanValue } from '../../src/ui/editor/paths';
import { useKeptWork, type KeptWork } from '../../src/ui/common/keptWork';
import { browserStore } from '../../src/ui/common/browserStore';

// Compile-time checks, run by `npm run typecheck` (test/tsconfig.json): each line under an
// expect-error directive must fail to compile. If typed paths ever fall back to plain strings,
// these lines compile, the directive is unused, and the typecheck fails.
// @ts-expect-error a misspelt path
const misspelt: PlanPath = 'project.titel';
// @ts-expect-error a number field is not a text field
const wrongType: PlanPathTo<string> = 'budget.0.quantity';
// @ts-expect-error a row field that does not exist
const noSuchColumn: PlanPath = 'communications.risks.0.owner';
const fine: PlanPathTo<number> = 'budget.3.unitCostGbp';
const text: PlanValue<'communications.risks.1.risk'> = 'Low turnout';

describe('typed editor paths', () => {
  it('read and write the value the path names, leaving the rest untouched', () => {
    const content = emptyPlanContent();
    const withRisk = setIn(content, 'communications.risks', [{ risk: '', mitigation: '' }]);
    const changed = setIn(withRisk, rowPath<string>('communications.risks', 0, 'risk'), text);
    expect(getIn(changed, 'communications.risks.0.risk')).toBe('Low turnout');
    expect(getIn(changed, 'communications.risks.0.mitigation')).toBe('');
    expect(content.communications.risks).toEqual([]);
    expect([misspelt, wrongType, noSuchColumn, fine]).toHaveLength(4);
  });
});

// What is kept is read from IndexedDB, which answers asynchronously (issue 15 §5): these tests wait
// for it; the behaviour they check is unchanged.
describe('useKeptWork', () => {
  let kept: KeptWork<string[]> | undefined;
  function Probe({ name }: { name: string }): JSX.Element {
    kept = useKeptWork<string[]>(`test:${name}`);
    return <span>{kept.loaded ? (kept.value ?? []).join(',') : 'loading'}</span>;
  }
  const settled = (): Promise<void> => act(async () => new Promise((r) => setTimeout(r, 20)));

  it('keeps work across a remount (a reload) until it is cleared; an empty list clears it', async () => {
    const first = render(<Probe name="a" />);
    await settled();
    act(() => kept?.keep(['Healthwatch (Sample)']));
    act(() => kept?.keep((was) => [...(was ?? []), 'Carers group (Sample)']));
    await settled();
    first.unmount();
    const again = render(<Probe name="a" />);
    await waitFor(() => expect(again.container.textContent).toBe('Healthwatch (Sample),Carers group (Sample)'));
    act(() => kept?.keep([]));
    await settled();
    expect(await browserStore.read('test:a')).toBeUndefined();
    expect(window.localStorage.getItem('involvement-planner:test:a')).toBeNull();
    again.unmount();
  });

  it('reads the work of the new key when the key changes (and work an earlier version kept in localStorage)', async () => {
    window.localStorage.setItem('involvement-planner:test:b', JSON.stringify(['Kept for b']));
    const view = render(<Probe name="a" />);
    await waitFor(() => expect(view.container.textContent).toBe(''));
    view.rerender(<Probe name="b" />);
    await waitFor(() => expect(view.container.textContent).toBe('Kept for b'));
    act(() => kept?.clear());
    await settled();
    expect(window.localStorage.getItem('involvement-planner:test:b')).toBeNull();
    expect(await browserStore.read('test:b')).toBeUndefined();
  });
});
