/**
 * Contract tests: lookups that enforce a relationship (Learn: "SPFieldLookup.RelationshipDeleteBehavior
 * property" — "Setting the RelationshipDeleteBehavior property to Restrict prevents an item in the
 * source list from being deleted if any items in the dependent list look up to it"; Cascade deletes
 * them with it; the lookup must be indexed first), through unmodified PnPjs against the stand-in.
 * Microsoft documents the behaviour but not the REST error's status: the stand-in answers 400 with
 * an SPException, and the product relies only on the delete being refused.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/fields';
import type { Workbench } from '../../webparts/server/app';
import { spAs, startTestWorkbench, statusOf, USERS } from './harness';

let wb: Workbench;
let owner: SPFI;

async function lookupList(title: string, target: string, attrs: string): Promise<void> {
  const targetId = (await owner.web.lists.getByTitle(target).select('Id')<{ Id: string }>()).Id;
  await owner.web.lists.add(title, '', 100);
  await owner.web.lists.getByTitle(title).fields.createFieldAsXml({
    SchemaXml: `<Field Type="Lookup" Name="ipRef" DisplayName="Ref" List="{${targetId}}" ShowField="Title" ${attrs} />`,
    Options: 8
  });
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  owner = spAs(wb, USERS.owner);
  await owner.web.lists.add('Parents', '', 100);
  await lookupList('Restricting', 'Parents', 'Indexed="TRUE" RelationshipDeleteBehavior="Restrict"');
  await lookupList('Cascading', 'Parents', 'Indexed="TRUE" RelationshipDeleteBehavior="Cascade"');
  await lookupList('Plain', 'Parents', 'Indexed="TRUE"');
});
afterAll(async () => wb.close());

const add = async (list: string, values: Record<string, unknown>): Promise<number> =>
  (await owner.web.lists.getByTitle(list).items.add(values)).Id as number;
const count = async (list: string): Promise<number> => (await owner.web.lists.getByTitle(list).items.select('Id')()).length;

it('refuses to delete an item another list restricts, until the referring items are gone', async () => {
  const parent = await add('Parents', { Title: 'Keep me' });
  const child = await add('Restricting', { Title: 'Child', ipRefId: parent });
  expect(await statusOf(owner.web.lists.getByTitle('Parents').items.getById(parent).delete())).toBe(400);
  expect(await owner.web.lists.getByTitle('Parents').items.getById(parent).select('Title')()).toMatchObject({ Title: 'Keep me' });
  await owner.web.lists.getByTitle('Restricting').items.getById(child).delete();
  await owner.web.lists.getByTitle('Parents').items.getById(parent).delete();
});

it('deletes the referring items with a cascading lookup, and leaves plain lookups alone', async () => {
  const parent = await add('Parents', { Title: 'Go' });
  await add('Cascading', { Title: 'Goes too', ipRefId: parent });
  await add('Plain', { Title: 'Stays', ipRefId: parent });
  const [cascading, plain] = [await count('Cascading'), await count('Plain')];
  await owner.web.lists.getByTitle('Parents').items.getById(parent).delete();
  expect(await count('Cascading')).toBe(cascading - 1);
  expect(await count('Plain')).toBe(plain);
});

it('reports and changes the behaviour on a field, and requires the lookup to be indexed', async () => {
  const field = owner.web.lists.getByTitle('Plain').fields.getByInternalNameOrTitle('ipRef');
  expect(await field.select('RelationshipDeleteBehavior')()).toMatchObject({ RelationshipDeleteBehavior: 0 });
  await field.update({ RelationshipDeleteBehavior: 2 }, 'SP.FieldLookup');
  expect(await field.select('RelationshipDeleteBehavior')()).toMatchObject({ RelationshipDeleteBehavior: 2 });
  await field.update({ RelationshipDeleteBehavior: 0 }, 'SP.FieldLookup');
  await owner.web.lists.add('Unindexed', '', 100);
  const targetId = (await owner.web.lists.getByTitle('Parents').select('Id')<{ Id: string }>()).Id;
  await expect(
    owner.web.lists.getByTitle('Unindexed').fields.createFieldAsXml({
      SchemaXml: `<Field Type="Lookup" Name="ipRef" DisplayName="Ref" List="{${targetId}}" RelationshipDeleteBehavior="Restrict" />`,
      Options: 8
    })
  ).rejects.toMatchObject({ status: 400 });
});

it('a project lead cannot change a lookup’s behaviour (Manage Lists)', async () => {
  const field = spAs(wb, USERS.priya).web.lists.getByTitle('Restricting').fields.getByInternalNameOrTitle('ipRef');
  expect(await statusOf(field.update({ RelationshipDeleteBehavior: 0 }, 'SP.FieldLookup'))).toBe(403);
});
