/**
 * `npm run benchmark`: measures (never asserts) what the quality bar cares about:
 * - bundle sizes, raw and gzip, of the last `gulp bundle --ship` (dist/);
 * - the dashboard's counts at 300, 12,000 and 30,000 plans (the team's tally, read in one request when
 *   nothing is new; after a new submission and decision, that plan counted again), the on-demand check of every plan's stored status, and a filtered dashboard
 *   query over 12,000 plans, through the product's adapters against the workbench stand-in;
 * - time to build the submission card;
 * - the annual report's read at 30,000 plans and 100,000 activities (issue 11): time, requests,
 *   sequential steps and bytes;
 * - a plan's 5,000 responses read as the Analysis section reads them (issue 11): time, requests, bytes;
 * - time to add and to load a 500-stakeholder map (batched adds; one read), to check
 *   coverage and readiness for it, and to export it to CSV and read that back.
 * - the floor (floor/floorWebPart.mjs: Fluent v9 provider, button, field, input, PnPjs and zod,
 *   bundled with the same webpack settings) and each web part's first chunk as a ratio to it;
 * - requests and sequential steps (with 20 ms added to every call) for submitting a ready plan, the planner's start-up
 *   (who is signed in, the lists check, the involvement settings, "My plans") as a project lead and
 *   as a site owner, the dashboard's start-up, autosaving one field, reading a 2,000-stakeholder
 *   map, and the dashboard's counts, through the product's adapters against the stand-in.
 * Prints a table; run `npm run package` first for the bundle sizes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spForUrl } from '../../src/data/client';
import { SpListProvisioner } from '../../src/data/sharepoint/SpListProvisioner';
import { SpPlanRepository } from '../../src/data/sharepoint/SpPlanRepository';
import { toPlanItemValues } from '../../src/data/sharepoint/planMapper';
import { RESPONSE } from '../../src/data/sharepoint/lists';
import { buildSubmissionMessage } from '../../src/data/teams/submissionCard';
import { SpStakeholderRepository } from '../../src/data/sharepoint/SpStakeholderRepository';
import {
  buildDefensibleRecord,
  checkPlanReadiness,
  DEFAULT_SETTINGS,
  coverageMatrix,
  emptyPlanContent,
  emptyStakeholderFields,
  exportStakeholdersCsv,
  GRID_QUADRANTS,
  importStakeholdersCsv,
  savePlanEdits,
  type CurrentUser
} from '../../src/domain';
import { graphForUrl } from '../../src/data/client';
import { GraphChannelNotifier } from '../../src/data/graph/GraphChannelNotifier';
import { SpInvolvementSettingsStore } from '../../src/data/sharepoint/SpInvolvementSettingsStore';
import { SpOutboxRepository } from '../../src/data/sharepoint/SpOutboxRepository';
import { SpSettingsRepository } from '../../src/data/sharepoint/SpSettingsRepository';
import { SpWorkflowRepository } from '../../src/data/sharepoint/SpWorkflowRepository';
import { submitPlan } from '../../src/domain';
import { readyPlanContent, readyStakeholders } from '../../test/domain/fixtures';
import { startWorkbench } from '../server/app';
import { seedWorkbench } from '../server/seed';
import { composeServices } from '../../src/webparts/shared/composeServices';
import { RoundTrips } from './roundTrips';

const root = join(__dirname, '..', '..');

async function time<T>(label: string, rows: Array<[string, string]>, run: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const result = await run();
  rows.push([label, `${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`]);
  return result;
}

async function main(): Promise<void> {
  const rows: Array<[string, string]> = [];
  const dist = join(root, 'dist');
  const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
  const gz = (b: Buffer): number => gzipSync(b, { level: 9 }).length;
  // The floor: the smallest web part doing what our first screens must (same webpack settings).
  const { buildFloor } = await import('./floor/build.mjs');
  const floor = gz(await buildFloor());
  rows.push(['floor web part (Fluent v9 + PnPjs + zod), first chunk', `${kib(floor)} gzip -9`]);
  if (existsSync(dist)) {
    for (const file of readdirSync(dist).filter((f) => f.endsWith('.js'))) {
      const bytes = readFileSync(join(dist, file));
      const first = !file.startsWith('chunk.');
      rows.push([
        `${first ? 'first chunk' : 'lazy chunk'} ${file.replace(/_[0-9a-f]{16,}\.js$/, '.js')}`,
        `${kib(bytes.length)} raw, ${kib(gz(bytes))} gzip -9${first ? ` (${(gz(bytes) / floor).toFixed(2)}× the floor)` : ''}`
      ]);
    }
  } else {
    rows.push(['bundles', 'dist/ not found: run npm run package first']);
  }

  const wb = await startWorkbench({ dataFile: ':memory:', port: 0 });
  try {
    // Start-up round trips, counted with 20 ms added to every call so sequential steps show.
    await seedWorkbench(wb.siteUrl);
    wb.faults.set([{ path: '/_api/|/graph/', latencyMs: 20 }]);
    const trips = new RoundTrips();
    const stop = trips.install();
    for (const [who, userId] of [
      ['project lead', 2],
      ['site owner', 1]
    ] as const) {
      const services = composeServices(
        spForUrl(wb.siteUrl, { 'x-workbench-user': String(userId) }),
        () => Promise.reject(new Error('Graph is not used at start-up')),
        `${wb.siteUrl}/planner`
      );
      // As ListsGate starts: who is signed in, the lists check and the involvement settings together
      // (and, for the planner, the lead's first page of plans in the same $batch).
      const start = (myPlans: boolean): Promise<[CurrentUser, unknown, unknown]> => {
        if (myPlans) services.plans.readMineAtStartUp?.();
        return Promise.all([services.users.currentUser(), services.provisioner.check(), services.involvementSettings.read()]);
      };
      trips.reset();
      const [user] = await start(true);
      await services.plans.listForLead(user.id);
      const s = trips.summary();
      rows.push([`planner load (${who}, first visit)`, `${s.requests} requests, ${s.sequential} sequential, ${s.ms.toFixed(0)} ms`]);
      if (who === 'site owner') {
        // The dashboard's first screen: start-up, then the verified counts and the queue's first page.
        trips.reset();
        await start(false);
        await Promise.all([services.plans.countByStatus(), services.plans.query({})]);
        const d = trips.summary();
        rows.push([
          'dashboard load (site owner, seeded site)',
          `${d.requests} requests, ${d.sequential} sequential, ${kib(d.bytes)} received, ${d.ms.toFixed(0)} ms`
        ]);
      }
    }
    // Autosave one field as the lead (plan 1 is the sample lead's): the save and its read-back.
    const leadPlans = new SpPlanRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '2' }));
    const open = await leadPlans.get(1);
    trips.reset();
    const autosaved = await savePlanEdits(leadPlans, open, {
      ...open.content,
      project: { ...open.content.project, title: `${open.content.project.title} (benchmark)` }
    });
    const as = trips.summary();
    rows.push([
      'autosave one field (project lead)',
      `${as.requests} request${as.requests === 1 ? '' : 's'}, ${as.sequential} sequential, ${as.ms.toFixed(0)} ms (${autosaved.kind})`
    ]);
    // A map of 2,000 stakeholders read as the lead's browser reads it, with whose map it is.
    const mapPlan = await leadPlans.create(
      emptyPlanContent(),
      { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' },
      'bench-map-2000'
    );
    const stakeholderList = wb.store.listByTitle('Plan stakeholders');
    if (!stakeholderList) throw new Error('The stakeholders list is missing.');
    wb.store.addItems(
      stakeholderList,
      2,
      Array.from({ length: 2000 }, (_, i) => ({
        Title: `Stakeholder ${i}`,
        ipPlan: mapPlan.id,
        ipKind: 'group',
        ipQuadrant: GRID_QUADRANTS[i % 4],
        ipMayContact: false,
        ipEngagementJson: JSON.stringify({ methods: ['survey'], channel: '', owner: '', audience: '', reaches: [], sharedId: null }),
        ipMoveHistory: '[]',
        ipRequestId: `bench-map-${i}`
      }))
    );
    trips.reset();
    const bigMap = await new SpStakeholderRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '2' })).listForPlanChecked(mapPlan.id);
    const m2 = trips.summary();
    rows.push([
      'stakeholder map of 2,000 (project lead)',
      `${m2.requests} request${m2.requests === 1 ? '' : 's'}, ${m2.sequential} sequential, ${kib(m2.bytes)} received, ${m2.ms.toFixed(0)} ms; ${bigMap.stakeholders.length.toLocaleString('en-GB')} read`
    ]);
    // Submitting a ready plan as its lead, with the channel set: the REST round trips, the Graph post
    // and marking the outbox entry sent.
    const leadSp = spForUrl(wb.siteUrl, { 'x-workbench-user': '2' });
    const ready = readyPlanContent();
    ready.project.title = 'Benchmark: submit';
    const priyaRef = { id: 2, displayName: 'Priya Shah (Sample)', email: 'priya.shah@sample.nhs.uk' };
    const toSubmit = await leadPlans.create(ready, priyaRef, 'bench-submit');
    await new SpStakeholderRepository(leadSp).addMany(
      toSubmit.id,
      readyStakeholders().map((fields, i) => ({ requestId: `bench-submit-s${i}`, fields, history: [] }))
    );
    trips.reset();
    const submitted = await submitPlan(
      {
        workflow: new SpWorkflowRepository(leadSp),
        outbox: new SpOutboxRepository(leadSp),
        notifier: new GraphChannelNotifier(graphForUrl(wb.graphUrl, { 'x-workbench-user': '2' })),
        settings: new SpSettingsRepository(leadSp),
        involvementSettings: new SpInvolvementSettingsStore(leadSp),
        buildMessage: buildSubmissionMessage,
        sleep: async () => undefined
      },
      toSubmit.id,
      { ...priyaRef, isSiteOwner: false, isInvolvementTeam: false },
      { web: `http://localhost/planner.html#plan=${toSubmit.id}` }
    );
    const sub = trips.summary();
    const graphCalls = sub.records.filter((r) => r.path.startsWith('/graph/')).length;
    const markSent = sub.records.filter((r) => r.method === 'MERGE' && r.path.includes('Notification outbox')).length;
    rows.push([
      'submit a plan (project lead)',
      `${sub.requests - graphCalls - markSent} REST requests, then ${graphCalls} Graph post and ${markSent} marking it sent; ${sub.sequential} sequential in all, ${sub.ms.toFixed(0)} ms (${submitted.notification.kind})`
    ]);
    stop();
    wb.faults.set([]);
    const owner = spForUrl(wb.siteUrl, { 'x-workbench-user': '1' });
    await new SpListProvisioner(owner).ensure();
    const list = wb.store.listByTitle('Involvement plans');
    if (!list) throw new Error('lists not created');
    const base = toPlanItemValues(emptyPlanContent(), '2026-11-23');
    const statuses = ['Draft', 'Submitted', 'In review', 'Accepted'];
    const addPlans = (from: number, to: number): void => {
      wb.store.addItems(
        list,
        2,
        Array.from({ length: to - from }, (_, k) => {
          const i = from + k;
          return { ...base, Title: `Plan ${i}`, ipStatus: statuses[i % 4], ipProjectLead: 2, ipRequestId: `b-${i}` };
        })
      );
    };
    const repo = new SpPlanRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '4' }));
    // The dashboard's counts (issue 12): the team's tally, kept since the seeded site's first look,
    // read in one request (plans added with no decision or submission are drafts it need not read).
    const countLook = async (label: string): Promise<void> => {
      const countTrips = new RoundTrips();
      const stopCount = countTrips.install();
      await time(label, rows, () => repo.countByStatus());
      stopCount();
      const c = countTrips.summary();
      rows.push(['  requests for those counts', `${c.requests} requests, ${c.sequential} sequential, ${kib(c.bytes)} received`]);
    };
    // The team's look after the submission above moves the tally on (that plan counted again).
    await repo.countByStatus();
    const seeded = wb.store.itemsOf(list).size;
    addPlans(0, 300 - seeded);
    await countLook('counts at 300 plans, nothing new since the last look');
    addPlans(300 - seeded, 12000);
    await countLook('counts at 12,000 plans, nothing new since');
    // One new submission and the team's decision on it: the next look counts that plan again and saves.
    const decided = [...wb.store.itemsOf(list).values()].at(-1);
    const history = wb.store.listByTitle('Plan status history');
    const decisions = wb.store.listByTitle('Plan decisions');
    if (!decided || !history || !decisions) throw new Error('lists not created');
    wb.store.addItem(history, 2, {
      Title: 'b',
      ipPlan: decided.id,
      ipFromStatus: 'Draft',
      ipToStatus: 'Submitted',
      ipSubmission: 1,
      ipKey: 'b-key',
      ipComment: ''
    });
    wb.store.addItem(decisions, 4, {
      Title: 'b',
      ipPlan: decided.id,
      ipSeq: 1,
      ipRequestId: 'b-decision',
      ipKind: 'status',
      ipFromStatus: 'Submitted',
      ipToStatus: 'Accepted',
      ipSubmission: 1,
      ipSubmissionKey: 'b-key',
      ipScopingAttendees: '[]',
      ipComment: ''
    });
    await countLook('counts at 12,000 plans, after one submission and one decision');
    await time('check every plan’s stored status at 12,000 plans (on demand)', rows, () => repo.statusOverview());
    await time('first dashboard page: status = Submitted over 12,000', rows, () => repo.query({ status: 'submitted' }));
    const plan = await repo.get(1);
    await time('build the submission card (1,000 times)', rows, async () => {
      for (let i = 0; i < 1000; i += 1)
        buildSubmissionMessage(
          plan,
          { web: 'https://x/p#plan=1' },
          1,
          buildDefensibleRecord(plan.content, DEFAULT_SETTINGS, '2026-11-23T12:00:00Z')
        );
    });
    // The annual report (issue 11) at 30,000 plans and 100,000 activities: 18,000 more plans, and
    // a record for each of the 30,000 whose engagement ended in 2026-27, with 3 or 4 activities.
    wb.store.addItems(
      list,
      2,
      Array.from({ length: 18000 }, (_, i) => ({ ...base, Title: `Plan ${12000 + i}`, ipStatus: 'Closed', ipRequestId: `b2-${i}` }))
    );
    const recordsList = wb.store.listByTitle('Engagement records');
    if (!recordsList) throw new Error('records list not created');
    const planIds = [...wb.store.itemsOf(list).values()].filter((it) => String(it.values.Title).startsWith('Plan ')).map((it) => it.id);
    let activities = 0;
    wb.store.addItems(
      recordsList,
      2,
      planIds.map((planId, i) => {
        const count = i % 3 === 0 ? 4 : 3;
        activities += count;
        const summary = {
          planId,
          planTitle: `Plan ${i}`,
          level: 'consult',
          organisation: 'Sample ICB',
          place: ['Gateshead', 'Newcastle', 'Sunderland'][i % 3],
          formalConsultation: i % 10 === 0,
          periodEnd: '2026-10-01',
          activities: count,
          participants: 40,
          responses: 25,
          reached: { age: 5, disability: 3 },
          plannedGroups: ['age', 'disability', 'race'],
          spentGbp: 350,
          budgetGbp: 400,
          reportDue: '2026-12-24',
          reportPublished: null,
          reportDelayExplained: false,
          youSaidWeDidPublished: null,
          highlights: [{ said: 'Evening sessions please', did: 'Added evening sessions', changes: true }]
        };
        return {
          Title: `Plan ${i}`,
          ipPlan: planId,
          ipRequestId: `r-${planId}`,
          ipPeriodEnd: '2026-10-01T00:00:00Z',
          ipRecordJson: null,
          ipSummaryJson: JSON.stringify(summary)
        };
      })
    );
    const { SpEngagementRecords } = await import('../../src/data/sharepoint/SpEngagementRecords');
    const annual = new SpEngagementRecords(spForUrl(wb.siteUrl, { 'x-workbench-user': '4' }));
    const annualTrips = new RoundTrips();
    const stopAnnual = annualTrips.install();
    const period = await time(
      `annual report read: ${planIds.length.toLocaleString('en-GB')} plans, ${activities.toLocaleString('en-GB')} activities`,
      rows,
      () => annual.listForPeriod('2026-04-01', '2027-03-31')
    );
    stopAnnual();
    const a = annualTrips.summary();
    rows.push([
      '  requests for that read',
      `${a.requests} requests, ${a.sequential} sequential, ${kib(a.bytes)} received; ${period.summaries.length.toLocaleString('en-GB')} plans counted`
    ]);
    await countLook('counts at 30,000 plans, next look');
    // A plan's responses (issue 11 §2): 5,000 imported from a survey, read as the Analysis section does.
    const responsesList = wb.store.listByTitle('Engagement responses');
    if (!responsesList) throw new Error('responses list not created');
    wb.store.addItems(
      responsesList,
      2,
      Array.from({ length: 5000 }, (_, i) => ({
        Title: `Response ${i}`,
        [RESPONSE.plan]: 1,
        [RESPONSE.rowKey]: `bench-survey-${i + 2}`,
        [RESPONSE.text]: `Response ${i}: the buses stop too early for evening appointments.`,
        [RESPONSE.place]: ['Gateshead', 'Newcastle', 'Sunderland'][i % 3],
        [RESPONSE.groups]: JSON.stringify(i % 5 === 0 ? ['carers'] : []),
        [RESPONSE.themeIds]: JSON.stringify(i % 2 === 0 ? ['t1'] : []),
        [RESPONSE.source]: 'Imported from bench-survey.csv',
        [RESPONSE.retainUntil]: null
      }))
    );
    const { SpResponses } = await import('../../src/data/sharepoint/SpResponses');
    const responseTrips = new RoundTrips();
    const stopResponses = responseTrips.install();
    const planResponses = await time('read a plan’s 5,000 responses (pages of 500)', rows, () =>
      new SpResponses(spForUrl(wb.siteUrl, { 'x-workbench-user': '2' })).forPlan(1)
    );
    stopResponses();
    const rt = responseTrips.summary();
    rows.push([
      '  requests for that read',
      `${rt.requests} requests, ${rt.sequential} sequential, ${kib(rt.bytes)} received; ${planResponses.responses.length.toLocaleString('en-GB')} counted`
    ]);
    const map = new SpStakeholderRepository(spForUrl(wb.siteUrl, { 'x-workbench-user': '2' }));
    const many = Array.from({ length: 500 }, (_, i) => ({
      requestId: `bench-${i}`,
      fields: {
        ...emptyStakeholderFields(),
        name: `Stakeholder ${i}`,
        quadrant: GRID_QUADRANTS[i % 4],
        reaches: i % 7 === 0 ? ['age' as const] : [],
        methods: ['survey' as const]
      },
      history: []
    }));
    await time('add 500 stakeholders to a map (batches of 50)', rows, () => map.addMany(1, many));
    const loaded = await time('load a 500-stakeholder map (one $batch)', rows, () => map.listForPlan(1));
    await time('coverage matrix and readiness for 500 (100 times)', rows, async () => {
      for (let i = 0; i < 100; i += 1) {
        coverageMatrix(loaded, { gapNotes: {} });
        checkPlanReadiness(plan.content, loaded, DEFAULT_SETTINGS);
      }
    });
    await time('export 500 to CSV and import it back', rows, async () => importStakeholdersCsv(exportStakeholdersCsv(loaded)));
  } finally {
    await wb.close();
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
