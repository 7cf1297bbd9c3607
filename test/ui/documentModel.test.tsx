/**
 * The Word export's planning template (issue 10): the advice from the domain under the saved
 * settings, "not known yet" before the answers, and the record kept at submission.
 */
import { planningTemplateDocument, type PlanDocument } from '../../src/ui/export/documentModel';
import {
  buildDefensibleRecord,
  DEFAULT_SETTINGS,
  emptyPlanContent,
  type InvolvementSettings,
  type PlanContent,
  type Stakeholder,
  type StoredPlan
} from '../../src/domain';
import { readyPlanContent, readyStakeholders } from '../domain/fixtures';

const plan = (content: PlanContent, extra: Partial<StoredPlan> = {}): StoredPlan => ({
  id: 7,
  version: '"1"',
  status: 'draft',
  projectLead: { id: 2, displayName: 'Priya Shah', email: 'priya@x.nhs.uk' },
  involvementLead: null,
  scopingMeeting: null,
  content,
  ...extra
});
const stakeholders: Stakeholder[] = readyStakeholders().map((fields, i) => ({
  ...fields,
  id: i + 1,
  version: '"1"',
  planId: 7,
  history: []
}));
const text = (doc: PlanDocument): string => JSON.stringify(doc);
const section = (doc: PlanDocument, heading: string): string => JSON.stringify(doc.sections.find((s) => s.heading === heading));
const NOW = '2026-11-23T12:00:00Z';

it('says "not known yet" for every legal step and the level before the questions are answered', () => {
  const doc = planningTemplateDocument(plan(emptyPlanContent()), [], DEFAULT_SETTINGS, NOW);
  const legal = section(doc, 'Legal checks');
  expect(legal).toContain('["Formal public consultation","Not known yet"]');
  expect(legal).toContain('["Consulting the local authority (health scrutiny)","Not known yet"]');
  expect(legal).not.toContain('Unlikely');
  expect(section(doc, 'Level of engagement')).toContain('["Recommended level","Not known yet"]');
});

it('gives what each likely duty asks, and names the level on the ladder the organisation shows', () => {
  const content = readyPlanContent();
  content.triage.serviceWithdrawn = 'yes';
  const doc = planningTemplateDocument(plan(content), stakeholders, { ...DEFAULT_SETTINGS, ladderShown: 'PC' }, NOW);
  expect(section(doc, 'Legal checks')).toContain('["Formal public consultation","Likely"]');
  expect(section(doc, 'Legal checks')).toContain('What this asks of you:');
  expect(section(doc, 'Level of engagement')).toContain('["Ladder shown","Ladder of engagement (provider collaborative guide)"]');
  expect(section(doc, 'Level of engagement')).toContain('["Recommended level","Consulting (formal, legal requirement)"]');
});

it('checks the timeline against the saved settings', () => {
  const content = readyPlanContent();
  const defaults = planningTemplateDocument(plan(content), stakeholders, DEFAULT_SETTINGS, NOW);
  expect(section(defaults, 'Timeline')).toContain('The dates meet the guidance and the organisation’s settings.');
  const settings: InvolvementSettings = { ...DEFAULT_SETTINGS, planningLeadWeeks: 17 };
  const stricter = planningTemplateDocument(plan(content), stakeholders, settings, NOW);
  expect(section(stricter, 'Timeline')).toMatch(/Allow at least 17 weeks\./);
});

it('shows the advice recorded at submission, under the settings then, even after the settings change', () => {
  const content = readyPlanContent();
  const record = buildDefensibleRecord(content, { ...DEFAULT_SETTINGS, planningLeadWeeks: 8 }, NOW);
  const submitted = plan(content, { status: 'submitted', adviceRecord: { ok: true, record } });
  const doc = planningTemplateDocument(submitted, stakeholders, { ...DEFAULT_SETTINGS, planningLeadWeeks: 10 }, NOW);
  const kept = section(doc, 'The advice when the plan was submitted');
  expect(kept).toContain('["Weeks of planning before speaking to people","8 weeks"]');
  expect(kept).toContain('The record matches the plan’s answers under the same rules.');
  expect(text(doc)).not.toContain('"Weeks of planning before speaking to people","10 weeks"');
});

it('says when the record kept at submission cannot be read', () => {
  const submitted = plan(readyPlanContent(), { status: 'submitted', adviceRecord: { ok: false, problem: 'Broken JSON.' } });
  const doc = planningTemplateDocument(submitted, stakeholders, DEFAULT_SETTINGS, NOW);
  expect(section(doc, 'The advice when the plan was submitted')).toContain('The record kept at submission cannot be read: Broken JSON.');
});
