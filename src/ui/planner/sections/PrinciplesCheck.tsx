import * as React from 'react';
import { Checkbox, Field, Text, Textarea } from '@fluentui/react-components';
import { GUNNING_PRINCIPLES, TEN_PRINCIPLES, type PrincipleCheck } from '../../../domain';
import { useEditor } from '../../editor/EditorContext';

/** Self-check against the Gunning principles and the ten principles, with evidence. */
export function PrinciplesCheck(): JSX.Element {
  const { content, update, readOnly } = useEditor();
  const all = [
    ...GUNNING_PRINCIPLES.map((p) => ({ id: `gunning-${p.id}`, name: p.name })),
    ...TEN_PRINCIPLES.map((p) => ({ id: p.id, name: p.name }))
  ];
  const checkFor = (id: string): PrincipleCheck =>
    content.principles.find((p) => p.principle === id) ?? { principle: id, met: false, evidence: '' };
  const set = (id: string, change: Partial<PrincipleCheck>): void => {
    const rest = content.principles.filter((p) => p.principle !== id);
    update('principles', [...rest, { ...checkFor(id), ...change }]);
  };
  return (
    <>
      {[
        ['The Gunning principles', all.slice(0, 4)],
        ['The ten principles for working with people and communities', all.slice(4)]
      ].map(([title, list]) => (
        <fieldset key={title as string}>
          <legend>
            <Text weight="semibold">{title as string}</Text>
          </legend>
          {(list as Array<{ id: string; name: string }>).map((p) => {
            const c = checkFor(p.id);
            return (
              <div key={p.id}>
                <Checkbox label={p.name} checked={c.met} disabled={readOnly} onChange={(_e, d) => set(p.id, { met: d.checked === true })} />
                {c.met && (
                  <Field label="Evidence" hint="How the plan shows this.">
                    <Textarea value={c.evidence} readOnly={readOnly} onChange={(_e, d) => set(p.id, { evidence: d.value })} />
                  </Field>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </>
  );
}
