import * as React from 'react';
import { ChoiceField, DateField, RowsEditor, TextField } from '../../editor/fields';
import { lazySection } from '../../common/LazySection';

// Searching what earlier plans heard is its own chunk, fetched when the About section opens.
const InsightSearch = lazySection(
  () => import(/* webpackChunkName: "insight-search" */ './InsightSearch').then((m) => m.InsightSearch),
  'Loading the search of what the organisation already heard…'
);

/** About the project (NENC template, DOMAIN.md §2), with a search of what earlier plans heard under "What we already know". */
export function AboutSection({ planId }: { planId: number }): JSX.Element {
  return (
    <>
      <TextField path="project.title" label="Project title" required />
      <TextField
        path="project.currentService"
        label="The current service"
        hint="What happens now, who uses it and where."
        multiline
        required
      />
      <TextField
        path="project.focus"
        label="The focus of this involvement"
        hint="What do you want people to help with?"
        multiline
        required
      />
      <TextField
        path="project.existingInsight"
        label="What we already know"
        hint="Existing insight: surveys, complaints, data, earlier engagement."
        multiline
        required
      />
      <InsightSearch planId={planId} />
      <RowsEditor
        path="project.insightLinks"
        legend="Links to existing insight"
        addLabel="Add a link"
        newRow={() => ({ title: '', url: '' })}
        rowLabel={(_r, i) => `Link ${i + 1}`}
        columns={[
          { key: 'title', label: 'Name of the document or page' },
          { key: 'url', label: 'Web address', hint: 'Starting with https://' }
        ]}
      />
      <TextField path="project.inScope" label="In scope" multiline required />
      <TextField path="project.outOfScope" label="Not in scope" multiline />
      <ChoiceField
        path="project.systemLevel"
        label="Level of the system"
        required
        options={[
          { value: 'system', label: 'System' },
          { value: 'place', label: 'Place' },
          { value: 'neighbourhood', label: 'Neighbourhood' }
        ]}
      />
      <TextField path="project.placeName" label="Place or neighbourhood" hint="Leave empty for system-wide work." />
      <TextField path="project.organisation" label="Organisation leading the project" required />
      <TextField path="project.clinicalLead" label="Clinical lead" />
      <DateField path="project.decisionDate" label="Date the decision will be made" required />
      <TextField
        path="project.decisionBody"
        label="The body that will make the decision"
        hint="For example: ICB board, or the trust's executive committee."
        required
      />
    </>
  );
}
