import { z } from 'zod';
import { METHOD_IDS, STAKEHOLDER_CATALOGUE_IDS } from './referenceData';
import { msg } from './validation';

/** The four boxes of the power/interest grid (NENC stakeholder mapping; DOMAIN.md §8). */
export const GRID_QUADRANTS = ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'] as const;
/** A box of the power/interest grid. */
export type GridQuadrant = (typeof GRID_QUADRANTS)[number];

/** What each box of the grid means and how to engage people in it. */
export const GRID_QUADRANT_INFO: Readonly<Record<GridQuadrant, { name: string; power: 'high' | 'low'; interest: 'high' | 'low'; approach: string }>> = {
  manageClosely: { name: 'Manage closely', power: 'high', interest: 'high', approach: 'Involve them actively: meetings, workshops, co-production.' },
  keepSatisfied: { name: 'Keep satisfied', power: 'high', interest: 'low', approach: 'Brief them regularly and consult on the things that matter to them.' },
  keepInformed: { name: 'Keep informed', power: 'low', interest: 'high', approach: 'Keep them up to date: newsletters, social media, email, events.' },
  monitor: { name: 'Monitor', power: 'low', interest: 'low', approach: 'Share general information and watch for changes in their interest.' }
};

/** A stakeholder is a person, an organisation or a group (groups need no personal data). */
export const STAKEHOLDER_KINDS = ['person', 'organisation', 'group'] as const;

const emailSchema = z.string().refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), msg('stakeholder.email.invalid'));

/** A stakeholder on a plan's map (DOMAIN.md §8). */
export const stakeholderSchema = z
  .object({
    id: z.number().int().positive().optional(),
    version: z.string().optional(),
    planId: z.number().int().positive(),
    name: z.string().trim().min(1, msg('stakeholder.name.required')).max(255, msg('text.tooLong')),
    kind: z.enum(STAKEHOLDER_KINDS, msg('value.invalid')),
    catalogueEntry: z.enum(STAKEHOLDER_CATALOGUE_IDS).nullable(),
    email: emailSchema,
    phone: z.string().max(50, msg('text.tooLong')),
    mayContact: z.boolean(),
    lawfulBasis: z.string().max(500, msg('text.tooLong')),
    quadrant: z.enum(GRID_QUADRANTS).nullable(),
    methods: z.array(z.enum(METHOD_IDS)).max(20),
    channel: z.string().max(255, msg('text.tooLong')),
    owner: z.string().max(255, msg('text.tooLong')),
    notes: z.string().max(4000, msg('text.tooLong'))
  })
  .superRefine((s, ctx) => {
    if (s.mayContact && s.kind === 'person' && !s.lawfulBasis.trim()) {
      ctx.addIssue({ code: 'custom', path: ['lawfulBasis'], message: 'stakeholder.contactBasis.required' });
    }
  });
/** A stakeholder on a plan's map. */
export type Stakeholder = z.infer<typeof stakeholderSchema>;

/** A stakeholder on the involvement team's shared list, reused across plans (NENC: "the team can share lists"). */
export const organisationStakeholderSchema = z.object({
  id: z.number().int().positive().optional(),
  version: z.string().optional(),
  name: z.string().trim().min(1, msg('stakeholder.name.required')).max(255, msg('text.tooLong')),
  kind: z.enum(STAKEHOLDER_KINDS, msg('value.invalid')),
  catalogueEntry: z.enum(STAKEHOLDER_CATALOGUE_IDS).nullable(),
  email: emailSchema,
  notes: z.string().max(4000, msg('text.tooLong'))
});
/** A stakeholder on the involvement team's shared list. */
export type OrganisationStakeholder = z.infer<typeof organisationStakeholderSchema>;
