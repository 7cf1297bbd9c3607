import { z } from 'zod';
import { equalityGroupSchema, type EqualityGroup, type Stored } from './plan';
import { METHOD_IDS, type MethodId, type StakeholderCatalogueId, STAKEHOLDER_CATALOGUE_IDS } from './referenceData';
import { msg } from './validation';
import { GRID_QUADRANTS, STAKEHOLDER_KINDS } from './choices';

export { GRID_QUADRANTS, STAKEHOLDER_KINDS } from './choices';

/**
 * What the UI says about where the grid comes from: the product's choice, not a toolkit's.
 */
export const GRID_ATTRIBUTION = {
  text: 'The power and interest grid is this product’s choice, common in stakeholder mapping; the NHS toolkits name no grid. They ask that stakeholders are not all in the same box: some are kept informed, others actively engaged.',
  source: 'product',
  citation: 'nencSameBox'
} as const;

/** A box of the power/interest grid. */
export type GridQuadrant = (typeof GRID_QUADRANTS)[number];

/** What each box of the grid means, how to engage people in it and the methods that suit it. */
export interface GridQuadrantInfo {
  readonly name: string;
  readonly power: 'high' | 'low';
  readonly interest: 'high' | 'low';
  readonly approach: string;
  readonly methods: readonly MethodId[];
}

/**
 * The grid's boxes. The power/interest grid is the product's own choice, common practice in
 * stakeholder mapping: none of the toolkits names a grid (DOMAIN.md §8). NENC asks only that
 * stakeholders are not all put "in the same box": some kept informed through social media, email
 * or meetings, others actively engaged. The suggested methods are from the NENC methods table.
 */
export const GRID_QUADRANT_INFO: Readonly<Record<GridQuadrant, GridQuadrantInfo>> = {
  manageClosely: {
    name: 'Manage closely',
    power: 'high',
    interest: 'high',
    approach: 'Involve them actively and early: meet them, work with them, co-produce.',
    methods: ['co-production-event', 'focus-group', 'interview', 'public-meeting']
  },
  keepSatisfied: {
    name: 'Keep satisfied',
    power: 'high',
    interest: 'low',
    approach: 'Brief them regularly and consult them on the things that matter to them.',
    methods: ['interview', 'public-meeting', 'formal-written-consultation']
  },
  keepInformed: {
    name: 'Keep informed',
    power: 'low',
    interest: 'high',
    approach: 'Keep them up to date and give them easy ways to have their say.',
    methods: ['survey', 'social-media', 'drop-in', 'pop-up-stall', 'digital-forum']
  },
  monitor: {
    name: 'Monitor',
    power: 'low',
    interest: 'low',
    approach: 'Share general information and watch for changes in their interest.',
    methods: ['leaflets-posters', 'social-media']
  }
};

/** The box in the given direction on the grid (up = more power, right = more interest), from `from` (or Monitor when not placed). */
export function quadrantInDirection(from: GridQuadrant | null, direction: 'up' | 'down' | 'left' | 'right'): GridQuadrant {
  const start = GRID_QUADRANT_INFO[from ?? 'monitor'];
  const power = direction === 'up' ? 'high' : direction === 'down' ? 'low' : start.power;
  const interest = direction === 'right' ? 'high' : direction === 'left' ? 'low' : start.interest;
  return GRID_QUADRANTS.find((q) => GRID_QUADRANT_INFO[q].power === power && GRID_QUADRANT_INFO[q].interest === interest) as GridQuadrant;
}

/** The name of a box, or "Not placed yet". */
export function quadrantName(q: GridQuadrant | null): string {
  return q ? GRID_QUADRANT_INFO[q].name : 'Not placed yet';
}

/** Person, organisation or group. */
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number];
/** How each kind is named on screen. */
export const STAKEHOLDER_KIND_NAMES: Readonly<Record<StakeholderKind, string>> = {
  person: 'Person',
  organisation: 'Organisation',
  group: 'Group'
};

const emailSchema = z
  .string()
  .max(255, msg('text.tooLong'))
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), msg('stakeholder.email.invalid'));

/** One move on the grid: when, who, from, to and why (maps change as a project develops: NENC). */
export const mapMoveSchema = z.object({
  at: z.string(),
  by: z.string().max(255),
  from: z.enum(GRID_QUADRANTS).nullable(),
  to: z.enum(GRID_QUADRANTS).nullable(),
  reason: z.string().max(1000, msg('text.tooLong'))
});
/** One move on the grid. */
export type MapMove = z.infer<typeof mapMoveSchema>;

/** The fields a lead fills in for a stakeholder, before it is stored. */
export const stakeholderFieldsSchema = z.object({
  name: z.string().trim().min(1, msg('stakeholder.name.required')).max(255, msg('text.tooLong')),
  kind: z.enum(STAKEHOLDER_KINDS, msg('stakeholder.kind.invalid')),
  catalogueEntry: z.enum(STAKEHOLDER_CATALOGUE_IDS, msg('stakeholder.catalogue.invalid')).nullable(),
  email: emailSchema,
  phone: z
    .string()
    .max(50, msg('text.tooLong'))
    .refine((v) => v === '' || /^[+\d][\d ()-]{5,}$/.test(v.trim()), msg('stakeholder.phone.invalid')),
  mayContact: z.boolean(),
  lawfulBasis: z.string().max(500, msg('text.tooLong')),
  quadrant: z.enum(GRID_QUADRANTS, msg('stakeholder.quadrant.invalid')).nullable(),
  /** The protected characteristics and inequality groups this stakeholder speaks for or reaches. */
  reaches: z.array(equalityGroupSchema).max(13),
  /** How we will engage them (issue 5 §3). */
  methods: z.array(z.enum(METHOD_IDS, msg('value.invalid'))).max(20),
  channel: z.string().max(255, msg('text.tooLong')),
  owner: z.string().max(255, msg('text.tooLong')),
  /** The communications plan audience they belong to (its name). */
  audience: z.string().max(255, msg('text.tooLong')),
  /** The shared-list entry this came from, if any. */
  sharedId: z.number().int().positive().nullable(),
  notes: z.string().max(4000, msg('text.tooLong'))
});
/** A stakeholder's fields. */
export type StakeholderFields = z.infer<typeof stakeholderFieldsSchema>;

function contactRules(
  s: { kind: string; mayContact: boolean; lawfulBasis: string; email: string; phone: string },
  ctx: z.RefinementCtx
): void {
  if (s.mayContact && s.kind === 'person' && !s.lawfulBasis.trim()) {
    ctx.addIssue({ code: 'custom', path: ['lawfulBasis'], message: 'stakeholder.contactBasis.required' });
  }
  if (s.kind === 'group' && (s.email.trim() || s.phone.trim())) {
    ctx.addIssue({ code: 'custom', path: [s.email.trim() ? 'email' : 'phone'], message: 'stakeholder.group.noPersonalData' });
  }
}

/** A stakeholder's fields with the contact rules: a person we may contact needs a lawful basis; a group holds no personal data. */
export const newStakeholderSchema = stakeholderFieldsSchema.superRefine(contactRules);

/** A stakeholder on a plan's map (DOMAIN.md §8), as stored. */
export const stakeholderSchema = stakeholderFieldsSchema
  .extend({
    id: z.number().int().positive().optional(),
    version: z.string().optional(),
    planId: z.number().int().positive(),
    /** Every move on the grid, oldest first. */
    history: z.array(mapMoveSchema).max(500)
  })
  .superRefine(contactRules);
/**
 * A stakeholder on a plan's map, as stored: always with its id and the version read (one being
 * added is a `NewStakeholder`).
 */
export type Stakeholder = Stored<z.infer<typeof stakeholderSchema>>;

/** Just the fields a lead edits, from a stored stakeholder. */
export function fieldsOf(s: StakeholderFields): StakeholderFields {
  return Object.fromEntries(
    Object.keys(stakeholderFieldsSchema.shape).map((k) => [k, s[k as keyof StakeholderFields]])
  ) as StakeholderFields;
}

/** A stakeholder's fields with nothing filled in. */
export function emptyStakeholderFields(): StakeholderFields {
  return {
    name: '',
    kind: 'group',
    catalogueEntry: null,
    email: '',
    phone: '',
    mayContact: false,
    lawfulBasis: '',
    quadrant: null,
    reaches: [],
    methods: [],
    channel: '',
    owner: '',
    audience: '',
    sharedId: null,
    notes: ''
  };
}

/**
 * Which equality groups a catalogue kind usually reaches, offered as a starting point the lead
 * can change (our reading of TRUST Appendix 2 and NENC; not stated by the sources).
 */
export const CATALOGUE_REACHES: Readonly<Partial<Record<StakeholderCatalogueId, readonly EqualityGroup[]>>> = {
  carers: ['carers'],
  'older-peoples-groups': ['age'],
  'young-peoples-groups': ['age'],
  'minority-ethnic-groups': ['race', 'religion-belief'],
  'mental-health-organisations': ['disability'],
  'disease-specific-groups': ['disability']
};

/** Apply a move and record it in the stakeholder's history. Moving to the same box changes nothing. */
export function moveStakeholder<T extends Pick<Stakeholder, 'quadrant' | 'history'>>(
  s: T,
  to: GridQuadrant | null,
  by: string,
  at: string,
  reason = ''
): T {
  if (s.quadrant === to) return s;
  return { ...s, quadrant: to, history: [...s.history, { at, by, from: s.quadrant, to, reason: reason.trim() }] };
}

/** A stakeholder on the involvement team's shared list, reused across plans (NENC: "the team can share lists"). */
export const organisationStakeholderSchema = z
  .object({
    id: z.number().int().positive().optional(),
    version: z.string().optional(),
    name: z.string().trim().min(1, msg('stakeholder.name.required')).max(255, msg('text.tooLong')),
    kind: z.enum(STAKEHOLDER_KINDS, msg('stakeholder.kind.invalid')),
    catalogueEntry: z.enum(STAKEHOLDER_CATALOGUE_IDS, msg('stakeholder.catalogue.invalid')).nullable(),
    email: emailSchema,
    reaches: z.array(equalityGroupSchema).max(13),
    notes: z.string().max(4000, msg('text.tooLong'))
  })
  .superRefine((s, ctx) => contactRules({ ...s, mayContact: false, lawfulBasis: '', phone: '' }, ctx));
/** A stakeholder on the involvement team's shared list. */
export type OrganisationStakeholder = z.infer<typeof organisationStakeholderSchema>;

/** A plan stakeholder made from an entry of the shared list. */
export function fromShared(entry: Stored<OrganisationStakeholder>): StakeholderFields {
  return {
    ...emptyStakeholderFields(),
    name: entry.name,
    kind: entry.kind,
    catalogueEntry: entry.catalogueEntry,
    email: entry.kind === 'group' ? '' : entry.email,
    reaches: [...entry.reaches],
    sharedId: entry.id
  };
}
