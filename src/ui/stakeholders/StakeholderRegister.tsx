import * as React from 'react';
import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import {
  ENGAGEMENT_METHODS,
  INEQUALITY_GROUPS,
  PROTECTED_CHARACTERISTICS,
  quadrantName,
  STAKEHOLDER_KIND_NAMES,
  type Stakeholder
} from '../../domain';

const ROW_HEIGHT = 48;
const VISIBLE_ROWS = 10;
const OVERSCAN = 5;
const COLUMNS = 'minmax(12rem, 2fr) 7rem 9rem minmax(10rem, 2fr) minmax(10rem, 2fr) 7rem';

const useStyles = makeStyles({
  scroller: {
    maxHeight: `${ROW_HEIGHT * VISIBLE_ROWS}px`,
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium
  },
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`
  },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  search: { maxWidth: '24rem', marginBottom: tokens.spacingVerticalS }
});

const groupName = (id: string): string => [...PROTECTED_CHARACTERISTICS, ...INEQUALITY_GROUPS].find((g) => g.id === id)?.name ?? id;
const methodName = (id: string): string => ENGAGEMENT_METHODS.find((m) => m.id === id)?.name ?? id;

/** Props for {@link StakeholderRegister}. */
export type StakeholderRegisterProps = { items: readonly Stakeholder[]; onOpen(id: number): void };

/**
 * The register of everyone on the map, searchable. Only the rows in view are drawn, so a map of
 * 500 stakeholders scrolls smoothly; the table still tells assistive technology how many rows
 * there are and where each drawn row sits (aria-rowcount / aria-rowindex).
 */
export function StakeholderRegister({ items, onOpen }: StakeholderRegisterProps): JSX.Element {
  const styles = useStyles();
  const [search, setSearch] = React.useState('');
  const [scrollTop, setScrollTop] = React.useState(0);
  const scroller = React.useRef<HTMLDivElement>(null);
  const term = search.trim().toLowerCase();
  const rows = React.useMemo(
    () =>
      [...items]
        .filter(
          (s) =>
            !term || s.name.toLowerCase().includes(term) || s.owner.toLowerCase().includes(term) || s.audience.toLowerCase().includes(term)
        )
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
    [items, term]
  );
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + ROW_HEIGHT * VISIBLE_ROWS) / ROW_HEIGHT) + OVERSCAN);
  const visible = rows.slice(first, last);

  return (
    <section aria-labelledby="stakeholder-register-heading">
      <h3 id="stakeholder-register-heading">Register</h3>
      <Field label="Search the register" className={styles.search} hint="By name, owner or audience">
        <Input
          type="search"
          value={search}
          onChange={(_e, d) => {
            setSearch(d.value);
            setScrollTop(0);
            if (scroller.current) scroller.current.scrollTop = 0;
          }}
        />
      </Field>
      <Text as="p" block role="status">
        {rows.length === items.length
          ? `${items.length} stakeholders on the map.`
          : `${rows.length} of ${items.length} stakeholders match “${search.trim()}”.`}
      </Text>
      {rows.length > 0 && (
        <div
          className={styles.scroller}
          ref={scroller}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          tabIndex={0}
          role="region"
          aria-label="Stakeholder register, scrollable"
        >
          <div role="table" aria-label="Stakeholder register" aria-rowcount={rows.length + 1}>
            <div role="rowgroup">
              <div role="row" aria-rowindex={1} className={`${styles.row} ${styles.header}`}>
                {['Name', 'Type', 'Grid box', 'Reaches', 'How we engage', 'Contact'].map((h) => (
                  <div role="columnheader" key={h} className={styles.cell}>
                    {h}
                  </div>
                ))}
              </div>
            </div>
            <div role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT}px`, position: 'relative' }}>
              {visible.map((s, i) => (
                <div
                  role="row"
                  key={s.id}
                  aria-rowindex={first + i + 2}
                  className={styles.row}
                  style={{ position: 'absolute', top: `${(first + i) * ROW_HEIGHT}px`, left: 0, right: 0 }}
                >
                  <div role="cell" className={styles.cell} title={s.name}>
                    <Button appearance="transparent" onClick={() => onOpen(s.id)} aria-label={`${s.name}: details and history`}>
                      {s.name}
                    </Button>
                  </div>
                  <div role="cell" className={styles.cell}>
                    {STAKEHOLDER_KIND_NAMES[s.kind]}
                  </div>
                  <div role="cell" className={styles.cell}>
                    {quadrantName(s.quadrant)}
                  </div>
                  <div role="cell" className={styles.cell} title={s.reaches.map(groupName).join(', ')}>
                    {s.reaches.map(groupName).join(', ') || '—'}
                  </div>
                  <div role="cell" className={styles.cell} title={s.methods.map(methodName).join(', ')}>
                    {s.methods.map(methodName).join(', ') || 'Not planned yet'}
                  </div>
                  <div role="cell" className={styles.cell}>
                    {s.kind === 'group' ? 'No personal data' : s.mayContact ? 'May contact' : 'Do not contact'}
                  </div>
                </div>
              ))}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
