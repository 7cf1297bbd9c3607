/**
 * Contract tests: unmodified PnPjs against the SharePoint stand-in. Each behaviour names the
 * Microsoft Learn page it follows.
 */
import { spPost, SPQueryable, type SPFI } from '@pnp/sp';
import { body as queryBody, JSONParse } from '@pnp/queryable';
import type { Workbench } from '../../webparts/server/app';
import { spAs, startTestWorkbench, statusOf, USERS } from './harness';

let wb: Workbench;
let owner: SPFI;
let priya: SPFI;

const fieldsXml = [
  '<Field Type="Text" Name="ipOrg" StaticName="ipOrg" DisplayName="Organisation" Indexed="TRUE" />',
  '<Field Type="Number" Name="ipScore" StaticName="ipScore" DisplayName="Score" />',
  '<Field Type="DateTime" Name="ipDue" StaticName="ipDue" DisplayName="Due" Format="DateOnly" />',
  '<Field Type="Boolean" Name="ipFlag" StaticName="ipFlag" DisplayName="Flag" />',
  '<Field Type="Choice" Name="ipStatus" StaticName="ipStatus" DisplayName="Status" Indexed="TRUE"><CHOICES><CHOICE>Draft</CHOICE><CHOICE>Submitted</CHOICE></CHOICES></Field>',
  '<Field Type="MultiChoice" Name="ipTags" StaticName="ipTags" DisplayName="Tags"><CHOICES><CHOICE>a</CHOICE><CHOICE>b</CHOICE></CHOICES></Field>',
  '<Field Type="User" Name="ipLead" StaticName="ipLead" DisplayName="Lead" UserSelectionMode="PeopleOnly" Indexed="TRUE" />',
  '<Field Type="Note" Name="ipNotes" StaticName="ipNotes" DisplayName="Notes" />',
  '<Field Type="Currency" Name="ipCost" StaticName="ipCost" DisplayName="Cost" />'
];

beforeAll(async () => {
  wb = await startTestWorkbench({ threshold: 5000 });
  owner = spAs(wb, USERS.owner);
  priya = spAs(wb, USERS.priya);
  await owner.web.lists.add('Things', 'Contract test list', 100);
  for (const xml of fieldsXml) await owner.web.lists.getByTitle('Things').fields.createFieldAsXml({ SchemaXml: xml, Options: 8 });
  await owner.web.lists.add('Parents', '', 100);
  const parents = await owner.web.lists.getByTitle('Parents')();
  await owner.web.lists.getByTitle('Things').fields.createFieldAsXml({
    SchemaXml: `<Field Type="Lookup" Name="ipParent" StaticName="ipParent" DisplayName="Parent" List="{${parents.Id as string}}" ShowField="Title" Indexed="TRUE" />`,
    Options: 8
  });
  await owner.web.lists.getByTitle('Parents').items.add({ Title: 'Parent one' });
  const things = owner.web.lists.getByTitle('Things').items;
  await things.add({
    Title: 'Alpha',
    ipOrg: 'North ICB',
    ipScore: 3,
    ipDue: '2027-01-10T00:00:00Z',
    ipFlag: true,
    ipStatus: 'Draft',
    ipLeadId: 2,
    ipParentId: 1,
    ipCost: 200
  });
  await things.add({
    Title: 'Beta',
    ipOrg: 'South ICB',
    ipScore: 7,
    ipDue: '2027-03-01T00:00:00Z',
    ipFlag: false,
    ipStatus: 'Submitted',
    ipLeadId: 3,
    ipTags: ['a', 'b']
  });
  await things.add({ Title: 'Gamma', ipOrg: 'North ICB', ipScore: 5, ipStatus: 'Submitted', ipNotes: "It's noted" });
});

afterAll(async () => wb.close());

describe('web, users and groups (Learn: "Users, groups, and roles REST API reference")', () => {
  it('returns the web, the current user and a form digest', async () => {
    expect((await priya.web()).Title).toMatch(/Sample/);
    expect(await priya.web.currentUser()).toMatchObject({ Id: 2, Title: 'Priya Shah (Sample)', IsSiteAdmin: false });
    expect((await priya.web.siteUsers()).length).toBeGreaterThanOrEqual(4);
  });
});

describe('lists and fields (Learn: "Working with lists and list items with REST")', () => {
  it('creates fields of each type with their internal names and reports them', async () => {
    const fields = await owner.web.lists.getByTitle('Things').fields.select('InternalName', 'TypeAsString', 'Indexed')();
    const byName = Object.fromEntries(fields.map((f) => [f.InternalName, f]));
    expect(byName.ipStatus).toMatchObject({ TypeAsString: 'Choice', Indexed: true });
    expect(byName.ipParent).toMatchObject({ TypeAsString: 'Lookup', Indexed: true });
    expect(byName.ipNotes).toMatchObject({ TypeAsString: 'Note', Indexed: false });
    expect(byName.ipCost).toMatchObject({ TypeAsString: 'Currency' });
  });

  it('sets Indexed on an existing field', async () => {
    await owner.web.lists.getByTitle('Things').fields.getByInternalNameOrTitle('ipScore').update({ Indexed: true }, 'SP.FieldNumber');
    expect((await owner.web.lists.getByTitle('Things').fields.getByInternalNameOrTitle('ipScore')()).Indexed).toBe(true);
  });

  it('answers 404 for a list that does not exist', async () => {
    expect(await statusOf(owner.web.lists.getByTitle('Nope')())).toBe(404);
  });

  it('refuses to create a list for someone who cannot manage lists (403)', async () => {
    expect(await statusOf(priya.web.lists.add('Mine'))).toBe(403);
  });
});

describe('item queries (Learn: "Use OData query operations in SharePoint REST requests")', () => {
  const titles = async (filter: string): Promise<string[]> =>
    (await priya.web.lists.getByTitle('Things').items.filter(filter).select('Title').orderBy('Title')()).map((i) => i.Title as string);

  it.each([
    ["ipOrg eq 'North ICB'", ['Alpha', 'Gamma']],
    ["ipOrg ne 'North ICB'", ['Beta']],
    ['ipScore lt 5', ['Alpha']],
    ['ipScore le 5', ['Alpha', 'Gamma']],
    ['ipScore gt 5', ['Beta']],
    ['ipScore ge 5', ['Beta', 'Gamma']],
    ["ipOrg eq 'North ICB' and ipScore gt 3", ['Gamma']],
    ["ipStatus eq 'Draft' or ipScore eq 7", ['Alpha', 'Beta']],
    ["not (ipOrg eq 'North ICB')", ['Beta']],
    ["startswith(Title, 'Al')", ['Alpha']],
    ["substringof('amm', Title)", ['Gamma']],
    ['ipDue eq null', ['Gamma']],
    ['ipDue ne null', ['Alpha', 'Beta']],
    ["ipDue lt datetime'2027-02-01T00:00:00Z'", ['Alpha']],
    ['ipFlag eq 1', ['Alpha']],
    ['ipLeadId eq 3', ['Beta']],
    ['ipLead/Id eq 2', ['Alpha']],
    ['ipParentId eq 1', ['Alpha']],
    ["ipNotes eq 'It''s noted'", ['Gamma']]
  ])('$filter=%s', async (filter, expected) => {
    expect(await titles(filter)).toEqual(expected);
  });

  it('expands person and lookup fields', async () => {
    const [item] = await priya.web.lists
      .getByTitle('Things')
      .items.filter("Title eq 'Alpha'")
      .select('Title', 'ipLead/Title', 'ipLead/EMail', 'ipParent/Title')
      .expand('ipLead', 'ipParent')();
    expect(item.ipLead).toMatchObject({ Title: 'Priya Shah (Sample)', EMail: 'priya.shah@sample.nhs.uk' });
    expect(item.ipParent).toMatchObject({ Title: 'Parent one' });
  });

  it('orders descending and limits with $top', async () => {
    const items = await priya.web.lists.getByTitle('Things').items.select('Title').orderBy('ipScore', false).top(2)();
    expect(items.map((i) => i.Title)).toEqual(['Beta', 'Gamma']);
  });

  it("answers 400 with SharePoint's error for bad OData and unknown fields", async () => {
    expect(await statusOf(priya.web.lists.getByTitle('Things').items.filter("ipOrg eq 'x")())).toBe(400);
    expect(await statusOf(priya.web.lists.getByTitle('Things').items.filter("ipNope eq 'x'")())).toBe(400);
    expect(await statusOf(priya.web.lists.getByTitle('Things').items.select('ipLead/Title')())).toBe(400);
    expect(await statusOf(priya.web.lists.getByTitle('Things').items.add({ ipNope: 1 }))).toBe(400);
  });
});

describe('CAML queries (Learn: "List.GetItems method"; CAML "Where", "Eq", "FieldRef" LookupId, "Value", "UserID", "OrderBy", "RowLimit")', () => {
  const getItems = <T>(sp: SPFI, viewXml: string, select: string[] = ['Title'], expand: string[] = []): Promise<T> =>
    spPost<T>(
      SPQueryable(sp.web.lists.getByTitle('Things'), 'GetItems')
        .select(...select)
        .expand(...expand),
      queryBody({ query: { ViewXml: viewXml } })
    );
  const mine = (rowLimit = 100, ascending = false): string =>
    '<View><Query><Where><Eq><FieldRef Name="ipLead" LookupId="TRUE"/><Value Type="Integer"><UserID Type="Integer"/></Value></Eq></Where>' +
    `<OrderBy><FieldRef Name="ID" Ascending="${ascending ? 'TRUE' : 'FALSE'}"/></OrderBy></Query><RowLimit>${rowLimit}</RowLimit></View>`;

  it("<UserID/> is the signed-in person's id: the same view gives each person their own items, with $select and $expand as for items", async () => {
    const asPriya = await getItems<Array<Record<string, unknown>>>(priya, mine(), ['Title', 'ipLeadId', 'ipLead/Title'], ['ipLead']);
    expect(asPriya.map((i) => i.Title)).toEqual(['Alpha']);
    expect(asPriya[0]).toMatchObject({ ipLeadId: 2, ipLead: { Title: 'Priya Shah (Sample)' } });
    expect((await getItems<Array<{ Title: string }>>(spAs(wb, USERS.tom), mine())).map((i) => i.Title)).toEqual(['Beta']);
  });

  it('orders by ID as asked and returns at most RowLimit items, with no next link (GetItems pages by position, not links)', async () => {
    const list = owner.web.lists.getByTitle('Things');
    const extra = [];
    for (const title of ['Caml one', 'Caml two', 'Caml three'])
      extra.push((await list.items.add({ Title: title, ipLeadId: 2 })).Id as number);
    const newest = await getItems<Array<{ Id: number }>>(priya, mine(2), ['Id']);
    expect(newest.map((i) => i.Id)).toEqual([extra[2], extra[1]]);
    const oldest = await getItems<Array<{ Id: number; Title: string }>>(priya, mine(2, true), ['Id', 'Title']);
    expect(oldest.map((i) => i.Title)).toEqual(['Alpha', 'Caml one']);
    const whole = await spPost<Record<string, unknown>>(
      SPQueryable(priya.web.lists.getByTitle('Things'), 'GetItems').using(JSONParse()),
      queryBody({ query: { ViewXml: mine(1) } })
    );
    expect(whole.value).toHaveLength(1);
    expect(whole['odata.nextLink']).toBeUndefined();
    for (const id of extra) await list.items.getById(id).delete();
  });

  it('runs inside a $batch like any other part, and refuses CAML it does not implement (400) rather than ignore it', async () => {
    const [batched, execute] = priya.batched();
    const read = getItems<Array<{ Title: string }>>(batched, mine());
    await execute();
    expect((await read).map((i) => i.Title)).toEqual(['Alpha']);
    const or =
      '<View><Query><Where><Or><Eq><FieldRef Name="Title"/><Value Type="Text">Alpha</Value></Eq><Eq><FieldRef Name="Title"/><Value Type="Text">Beta</Value></Eq></Or></Where></Query></View>';
    expect(await statusOf(getItems(priya, or))).toBe(400);
    expect(
      await statusOf(
        getItems(priya, '<View><Query><Where><Eq><FieldRef Name="ipNope"/><Value Type="Text">x</Value></Eq></Where></Query></View>')
      )
    ).toBe(400);
  });
});

describe('item updates (Learn: "Working with lists and list items with REST")', () => {
  it('updates with a current ETag and refuses a stale one with 412', async () => {
    const list = priya.web.lists.getByTitle('Things');
    const added = await list.items.add({ Title: 'Delta' });
    const id = added.Id as number;
    const first = await list.items.getById(id)();
    const etag = first['odata.etag'] as string;
    await list.items.getById(id).update({ Title: 'Delta 2' }, etag);
    expect(await statusOf(list.items.getById(id).update({ Title: 'Delta stale' }, etag))).toBe(412);
    expect((await list.items.getById(id)()).Title).toBe('Delta 2');
    await list.items.getById(id).update({ Title: 'Delta forced' }, '*');
    expect((await list.items.getById(id)()).Title).toBe('Delta forced');
    await list.items.getById(id).delete();
    expect(await statusOf(list.items.getById(id)())).toBe(404);
  });

  it('runs a batch with a change set and returns each result', async () => {
    const [batched, execute] = priya.batched();
    const list = batched.web.lists.getByTitle('Things');
    const results: unknown[] = [];
    void list.items.add({ Title: 'Batch one' }).then((r) => results.push(r));
    void list.items.add({ Title: 'Batch two' }).then((r) => results.push(r));
    void list.items
      .select('Title')
      .filter("startswith(Title, 'Batch')")()
      .then((r) => results.push(r));
    await execute();
    expect(results).toHaveLength(3);
    const all = await priya.web.lists.getByTitle('Things').items.filter("startswith(Title, 'Batch')").select('Title')();
    expect(all.map((i) => i.Title).sort()).toEqual(['Batch one', 'Batch two']);
  });

  it("runs a batch's requests in order with each its own status: a MERGE with If-Match, then a read of the same item sees what it stored; a stale If-Match gets 412 inside the 200 batch and changes nothing", async () => {
    const list = priya.web.lists.getByTitle('Things');
    const id = (await list.items.add({ Title: 'Ordered' })).Id as number;
    const etag = (await list.items.getById(id)())['odata.etag'] as string;
    const saveThenRead = async (title: string, version: string): Promise<[number, { Title: string; 'odata.etag': string }]> => {
      const [batched, execute] = priya.batched();
      const items = batched.web.lists.getByTitle('Things').items;
      const saved = items
        .getById(id)
        .update({ Title: title }, version)
        .then(
          () => 200,
          (error: { status?: number }) => error.status ?? -1
        );
      const read = items.getById(id).select('Title')<{ Title: string; 'odata.etag': string }>();
      await execute();
      return [await saved, await read];
    };
    const [first, afterFirst] = await saveThenRead('Ordered 2', etag);
    expect(first).toBe(200);
    expect(afterFirst.Title).toBe('Ordered 2');
    expect(afterFirst['odata.etag']).not.toBe(etag);
    const [stale, afterStale] = await saveThenRead('Ordered stale', etag);
    expect(stale).toBe(412);
    expect(afterStale).toMatchObject({ Title: 'Ordered 2', 'odata.etag': afterFirst['odata.etag'] });
  });
});

describe('retention labels (Learn: "ListItem.SetComplianceTag method": complianceTag, isTagPolicyHold, isTagPolicyRecord, isEventBasedTag)', () => {
  const setTag = (sp: SPFI, id: number, body: Record<string, unknown>): Promise<unknown> =>
    spPost(SPQueryable(sp.web.lists.getByTitle('Things').items.getById(id), 'SetComplianceTag'), queryBody(body));

  it('applies a label to an item someone may edit; the item shows it in its hidden retention label column', async () => {
    const id = (await priya.web.lists.getByTitle('Things').items.add({ Title: 'Labelled' })).Id as number;
    await setTag(priya, id, {
      complianceTag: 'Records - 5 years',
      isTagPolicyHold: false,
      isTagPolicyRecord: false,
      isEventBasedTag: false
    });
    const item = await owner.web.lists.getByTitle('Things').items.getById(id).select('_ComplianceTag')<Record<string, string>>();
    expect(item._ComplianceTag).toBe('Records - 5 years');
    const field = await owner.web.lists
      .getByTitle('Things')
      .fields.getByInternalNameOrTitle('_ComplianceTag')
      .select('Hidden', 'ReadOnlyField')<{
      Hidden: boolean;
      ReadOnlyField: boolean;
    }>();
    expect(field).toMatchObject({ Hidden: true, ReadOnlyField: true });
  });

  it('refuses a label without a name (400), and from someone who cannot edit the item (403)', async () => {
    const id = (await priya.web.lists.getByTitle('Things').items.add({ Title: 'Not labelled' })).Id as number;
    expect(await statusOf(setTag(priya, id, { isTagPolicyHold: false }))).toBe(400);
    expect(await statusOf(setTag(spAs(wb, USERS.reader), id, { complianceTag: 'Records - 5 years' }))).toBe(403);
    const item = await owner.web.lists.getByTitle('Things').items.getById(id).select('_ComplianceTag')<Record<string, string | null>>();
    expect(item._ComplianceTag).toBeNull();
  });
});

describe('permissions (Learn: "Understanding permission levels"; list "Item-level permissions")', () => {
  beforeAll(async () => {
    await owner.web.lists.add('Own items', '', 100);
    await owner.web.lists.getByTitle('Own items').update({ ReadSecurity: 2, WriteSecurity: 2 });
    await priya.web.lists.getByTitle('Own items').items.add({ Title: "Priya's" });
    await spAs(wb, USERS.tom).web.lists.getByTitle('Own items').items.add({ Title: "Tom's" });
  });

  it('shows a contributor only their own items when the list says "read own items"', async () => {
    expect((await priya.web.lists.getByTitle('Own items').items.select('Title')()).map((i) => i.Title)).toEqual(["Priya's"]);
    expect(await owner.web.lists.getByTitle('Own items').items.select('Title')()).toHaveLength(2);
  });

  it("refuses to let a contributor edit someone else's item", async () => {
    const tomSees = await spAs(wb, USERS.tom).web.lists.getByTitle('Own items').items.select('Id')();
    const tomsId = tomSees[0].Id as number;
    expect(await statusOf(priya.web.lists.getByTitle('Own items').items.getById(tomsId).update({ Title: 'mine now' }))).toBe(404);
  });

  it('refuses a visitor adding an item (403)', async () => {
    expect(await statusOf(spAs(wb, USERS.reader).web.lists.getByTitle('Things').items.add({ Title: 'x' }))).toBe(403);
  });
});
