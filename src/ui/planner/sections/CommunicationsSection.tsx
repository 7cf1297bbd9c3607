import * as React from 'react';
import { Title3 } from '@fluentui/react-components';
import { RowsEditor, TextField } from '../../editor/fields';
import { useEditor } from '../../editor/EditorContext';

/** The communications and engagement plan (PC Appendix 3, DOMAIN.md §6). */
export function CommunicationsSection(): JSX.Element {
  return (
    <>
      <RowsEditor
        path="communications.versions"
        legend="Version table"
        addLabel="Add a version"
        newRow={() => ({ version: '', date: '', contributors: '', notes: '' })}
        rowLabel={(r, i) => `Version ${String(r.version || i + 1)}`}
        columns={[
          { key: 'version', label: 'Version' },
          { key: 'date', label: 'Date', type: 'date' },
          { key: 'contributors', label: 'Contributors' },
          { key: 'notes', label: 'Notes' }
        ]}
      />
      <TextField path="communications.introduction" label="Introduction and background" multiline />
      <TextField
        path="communications.smartObjective"
        label="Objective"
        hint="Specific, measurable, achievable, relevant and time-bound."
        multiline
        required
      />
      <TextField path="communications.strategy" label="Strategy overview" multiline />
      <Title3 as="h3" block>
        Situation analysis (PEST)
      </Title3>
      <TextField
        path="communications.pest.political"
        label="Political"
        hint="For example elections, national policy, councillors' views."
        multiline
      />
      <TextField path="communications.pest.economic" label="Economic" hint="For example cost of living, funding, travel costs." multiline />
      <TextField path="communications.pest.social" label="Social" hint="For example communities affected, languages, trust." multiline />
      <TextField
        path="communications.pest.technological"
        label="Technological"
        hint="For example digital access, online booking."
        multiline
      />
      <RowsEditor
        path="communications.risks"
        legend="Risks and how we will reduce them"
        addLabel="Add a risk"
        newRow={() => ({ risk: '', mitigation: '' })}
        rowLabel={(_r, i) => `Risk ${i + 1}`}
        columns={[
          { key: 'risk', label: 'Risk', multiline: true },
          { key: 'mitigation', label: 'How we will reduce it', multiline: true }
        ]}
      />
      <RowsEditor
        path="communications.audiences"
        legend="Audiences, key messages and tactics"
        addLabel="Add an audience"
        newRow={() => ({ audience: '', keyMessages: '', tactics: '' })}
        rowLabel={(r, i) => String(r.audience || `Audience ${i + 1}`)}
        columns={[
          { key: 'audience', label: 'Audience' },
          { key: 'keyMessages', label: 'Key messages', multiline: true },
          { key: 'tactics', label: 'Tactics', multiline: true }
        ]}
      />
      <AudienceLinks />
      <RowsEditor
        path="communications.keyDates"
        legend="Key dates"
        addLabel="Add a key date"
        newRow={() => ({ date: '', what: '' })}
        rowLabel={(_r, i) => `Key date ${i + 1}`}
        columns={[
          { key: 'date', label: 'Date', type: 'date' },
          { key: 'what', label: 'What happens' }
        ]}
      />
      <RowsEditor
        path="communications.kpis"
        legend="Evaluation: measures and desired outcomes"
        addLabel="Add a measure"
        newRow={() => ({ kpi: '', desiredOutcome: '' })}
        rowLabel={(_r, i) => `Measure ${i + 1}`}
        columns={[
          { key: 'kpi', label: 'Measure (KPI)' },
          { key: 'desiredOutcome', label: 'Desired outcome', multiline: true }
        ]}
      />
      <Title3 as="h3" block>
        Governance
      </Title3>
      <div id="field-communications-governance">
        <TextField path="communications.governance.whoLeads" label="Who leads" required />
        <TextField path="communications.governance.whoApproves" label="Who approves" required />
      </div>
    </>
  );
}

/** Which stakeholders on the map belong to each audience (linked from each stakeholder's details). */
function AudienceLinks(): JSX.Element | null {
  const { content, stakeholders } = useEditor();
  const audiences = content.communications.audiences.map((a) => a.audience.trim()).filter(Boolean);
  if (stakeholders === null || audiences.length === 0) return null;
  const orphans = stakeholders.filter((s) => s.audience && !audiences.includes(s.audience));
  return (
    <section aria-label="Stakeholders in each audience">
      <Title3 as="h3" block>
        Stakeholders in each audience
      </Title3>
      <ul>
        {audiences.map((a) => {
          const who = stakeholders.filter((s) => s.audience === a).map((s) => s.name);
          return (
            <li key={a}>
              {a}: {who.length ? who.join(', ') : 'no one on the stakeholder map is linked yet (link them in each stakeholder’s details)'}
            </li>
          );
        })}
        {orphans.length > 0 && (
          <li>Linked to an audience that is no longer here: {orphans.map((s) => `${s.name} (${s.audience})`).join(', ')}</li>
        )}
      </ul>
    </section>
  );
}
