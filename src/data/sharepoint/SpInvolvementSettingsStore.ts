import type { SPFI } from '@pnp/sp';
// Read at start-up, so zod's tree-shakable API (see SpPlanSummaries).
import * as z from 'zod/mini';
import {
  DataError,
  DEFAULT_SETTINGS,
  diffSettings,
  parseInvolvementSettings,
  readStoredSettings,
  toFieldProblems,
  type InvolvementSettings,
  type InvolvementSettingsStore,
  type PersonRef,
  type SavedSettings,
  type SettingsChangeRecord,
  type StoredSettings
} from '../../domain';
import { ListGateway, odataString, parseItem } from './ListGateway';

/** The item holding the settings (its Title), and the items recording each change. */
export const SETTINGS_ITEM = 'involvementSettings';
export const SETTINGS_CHANGE_ITEM = 'involvementSettingsChange';
const VALUE = 'ipValue';
const PAGE_SIZE = 500;

const personSchema = z.object({ Id: z.number(), Title: z.string(), EMail: z.optional(z.nullable(z.string())) });
const settingsItemSchema = z.object({
  Id: z.number(),
  'odata.etag': z.optional(z.string()),
  [VALUE]: z.nullable(z.string()),
  Modified: z.optional(z.string()),
  Editor: z.optional(z.nullable(personSchema))
});
const changeItemSchema = z.object({
  Id: z.number(),
  [VALUE]: z.nullable(z.string()),
  Created: z.string(),
  Author: z.optional(z.nullable(personSchema))
});
/** What a change record holds: the settings before and after (who and when are SharePoint's Author and Created). */
const changeValueSchema = z.object({ before: z.unknown(), after: z.unknown() });

const toPerson = (p: z.infer<typeof personSchema> | null | undefined): PersonRef | null =>
  p ? { id: p.Id, displayName: p.Title, email: p.EMail ?? '' } : null;

const parseJson = (text: string | null): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * The organisation's involvement settings in the "Involvement settings" list (the involvement team
 * edits it, everyone else on the site reads it; site owners have full control). One item, titled
 * `involvementSettings`, holds them as JSON; it is saved at the version read, so a change never
 * silently overwrites someone else's. Each change adds an item titled `involvementSettingsChange`
 * with the settings before and after: who made it and when are SharePoint's own Author and Created,
 * never what a browser says. Saving and recording are two writes (SharePoint has no transaction),
 * so a change whose record failed is found again from the settings before and after, and the
 * settings item's Editor and Modified, and shown as not recorded.
 */
export class SpInvolvementSettingsStore implements InvolvementSettingsStore {
  private readonly list: ListGateway;

  public constructor(sp: SPFI) {
    this.list = new ListGateway(sp, 'settings');
  }

  private async settingsItem(withEditor: boolean): Promise<z.infer<typeof settingsItemSchema> | undefined> {
    const select = ['Id', VALUE, 'Modified', ...(withEditor ? ['Editor/Id', 'Editor/Title', 'Editor/EMail'] : [])];
    const [item] = await this.list.query(
      `Reading "${this.list.title}"`,
      (items) => {
        const query = items
          .select(...select)
          .filter(`Title eq '${odataString(SETTINGS_ITEM)}'`)
          .orderBy('Id', true)
          .top(1);
        return withEditor ? query.expand('Editor') : query;
      },
      (raw) => parseItem(settingsItemSchema, raw, this.list.title)
    );
    return item;
  }

  private static stored(item: z.infer<typeof settingsItemSchema> | undefined): StoredSettings {
    if (!item) return { settings: DEFAULT_SETTINGS, problems: [] };
    const json = parseJson(item[VALUE]);
    const read = readStoredSettings(json);
    const problems =
      json === undefined && item[VALUE]
        ? [{ path: '', key: 'value.invalid' as const, text: 'The saved settings are not valid JSON, so the defaults apply.' }]
        : read.problems;
    return { settings: read.settings, version: item['odata.etag'], problems };
  }

  public async read(): Promise<StoredSettings> {
    return SpInvolvementSettingsStore.stored(await this.settingsItem(false));
  }

  public async save(settings: InvolvementSettings, version: string | undefined): Promise<SavedSettings> {
    // Never write what could not be read back.
    const valid = parseInvolvementSettings(settings);
    if (!valid.success)
      throw new DataError(
        'invalidRequest',
        toFieldProblems(valid.error)
          .map((p) => p.text)
          .join(' ')
      );
    const item = await this.settingsItem(false);
    const before = SpInvolvementSettingsStore.stored(item);
    const value = JSON.stringify(valid.data);
    const what = `Saving "${this.list.title}"`;
    if (item) {
      if (version === undefined) throw new DataError('conflict', `${what}: someone saved the settings since you opened them.`);
      await this.list.update(what, item.Id, version, { [VALUE]: value });
    } else {
      if (version !== undefined) throw new DataError('conflict', `${what}: the saved settings were removed since you opened them.`);
      await this.list.add(what, { Title: SETTINGS_ITEM, [VALUE]: value });
    }
    const saved = await this.read();
    try {
      await this.list.add(`Recording the change in "${this.list.title}"`, {
        Title: SETTINGS_CHANGE_ITEM,
        [VALUE]: JSON.stringify({ before: before.settings, after: valid.data })
      });
      return saved;
    } catch (error) {
      // The settings are saved; the history finds the change again from the settings item (see `history`).
      return { ...saved, changeNotRecorded: error instanceof DataError ? error.detail : String(error) };
    }
  }

  public async history(): Promise<SettingsChangeRecord[]> {
    const [raw, current] = await Promise.all([
      this.list.all(
        `Reading the changes in "${this.list.title}"`,
        (items) =>
          items
            .select('Id', VALUE, 'Created', 'Author/Id', 'Author/Title', 'Author/EMail')
            .expand('Author')
            .filter(`Title eq '${odataString(SETTINGS_CHANGE_ITEM)}'`)
            .orderBy('Id', true)
            .top(PAGE_SIZE),
        (item): unknown => item
      ),
      this.settingsItem(true)
    ]);
    const records: SettingsChangeRecord[] = [];
    let previous: InvolvementSettings = DEFAULT_SETTINGS;
    for (const r of raw) {
      const item = changeItemSchema.safeParse(r);
      if (!item.success) continue;
      const value = changeValueSchema.safeParse(parseJson(item.data[VALUE]));
      if (!value.success) continue;
      const before = readStoredSettings(value.data.before).settings;
      const after = readStoredSettings(value.data.after).settings;
      const gap = diffSettings(previous, before);
      if (gap.length > 0) records.push({ at: item.data.Created, by: null, changes: gap, unrecorded: true });
      records.push({ at: item.data.Created, by: toPerson(item.data.Author), changes: diffSettings(before, after) });
      previous = after;
    }
    // The last save's record was not written: the settings item's Editor and Modified say who and when.
    const now = SpInvolvementSettingsStore.stored(current).settings;
    const head = diffSettings(previous, now);
    if (current && head.length > 0)
      records.push({ at: current.Modified ?? '', by: toPerson(current.Editor), changes: head, unrecorded: true });
    return records.reverse();
  }
}
