import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BUILT_IN_ROLE_DEFINITIONS, type RoleDefRec } from './roles';
import { SAMPLE_GROUPS, SAMPLE_USERS } from './directory';

/** SharePoint field types the stand-in supports (FieldTypeKind numbers from SP.FieldType). */
export const FIELD_TYPE_KIND = {
  Integer: 1,
  Text: 2,
  Note: 3,
  DateTime: 4,
  Counter: 5,
  Choice: 6,
  Lookup: 7,
  Boolean: 8,
  Number: 9,
  Currency: 10,
  MultiChoice: 15,
  User: 20
} as const;
export type FieldType = keyof typeof FIELD_TYPE_KIND;

export interface FieldDef {
  id: string;
  internalName: string;
  title: string;
  type: FieldType;
  indexed: boolean;
  required: boolean;
  readOnly: boolean;
  hidden: boolean;
  choices?: string[];
  lookupListId?: string;
  lookupField?: string;
  /**
   * Lookups (SP.RelationshipDeleteBehaviorType): 0 none, 1 cascade (deleting the item looked up
   * deletes the items that refer to it), 2 restrict (it cannot be deleted while any refer to it).
   */
  relationshipDeleteBehavior?: 0 | 1 | 2;
  schemaXml: string;
}

/** A principal (user or SharePoint group) bound to a permission level on one securable object. */
export interface RoleAssignmentRec {
  principalId: number;
  roleDefId: number;
}

export interface ListDef {
  id: string;
  title: string;
  description: string;
  baseTemplate: number;
  created: string;
  /** 1: read all items; 2: read only items the user created (SP.List.ReadSecurity). */
  readSecurity: 1 | 2;
  /** 1: edit all; 2: edit own; 4: edit none (SP.List.WriteSecurity). */
  writeSecurity: 1 | 2 | 4;
  hasUniqueRoleAssignments: boolean;
  /** Used only while hasUniqueRoleAssignments; otherwise the list inherits the site's. */
  roleAssignments: RoleAssignmentRec[];
  fields: FieldDef[];
  nextItemId: number;
  /** SP.List.EnableVersioning: each change keeps the item's previous values as a version. */
  enableVersioning?: boolean;
}

/** A version of an item kept by versioning: its values then, who saved them and when (SharePoint's own). */
export interface ItemVersion {
  version: number;
  editorId: number;
  modified: string;
  values: Record<string, unknown>;
}

export interface ItemRec {
  id: number;
  version: number;
  authorId: number;
  editorId: number;
  created: string;
  modified: string;
  /** Values by internal name; person and lookup values are the target's id. */
  values: Record<string, unknown>;
  /** Earlier versions, oldest first, on a list with versioning (the current one is the item itself). */
  versions?: ItemVersion[];
  /** Item-level permissions: set once the item breaks inheritance from its list. */
  hasUniqueRoleAssignments?: boolean;
  roleAssignments?: RoleAssignmentRec[];
}

/** A SharePoint group of the site collection (Learn: "SP.Group object"). */
export interface SiteGroupRec {
  id: number;
  title: string;
  description: string;
  /** A user or a group; its owner (or that group's members) manage the group and its membership. */
  ownerId: number;
  allowMembersEditMembership: boolean;
  onlyAllowMembersViewMembership: boolean;
  memberIds: number[];
  /** The permission level the group holds on the site (its role assignment on the web), if any. */
  siteRoleDefId: number | null;
}

export interface ChannelMessage {
  id: string;
  teamId: string;
  channelId: string;
  fromUserId: number | null;
  via: 'graph' | 'workflow';
  createdDateTime: string;
  body: unknown;
  /** For a reply: the id of the message it answers (the thread's first message). */
  replyToId?: string;
}

function builtInFields(): FieldDef[] {
  const f = (internalName: string, title: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
    id: randomUUID(),
    internalName,
    title,
    type,
    indexed: false,
    required: false,
    readOnly: false,
    hidden: false,
    schemaXml: `<Field Type="${type}" Name="${internalName}" StaticName="${internalName}" DisplayName="${title}" />`,
    ...extra
  });
  return [
    f('ID', 'ID', 'Counter', { indexed: true, readOnly: true }),
    f('Title', 'Title', 'Text', { required: true }),
    f('Created', 'Created', 'DateTime', { readOnly: true }),
    f('Modified', 'Modified', 'DateTime', { readOnly: true }),
    f('Author', 'Created By', 'User', { readOnly: true }),
    f('Editor', 'Modified By', 'User', { readOnly: true }),
    // Set only by SetComplianceTag (a Microsoft Purview retention label).
    f('_ComplianceTag', 'Retention label', 'Text', { readOnly: true, hidden: true })
  ];
}

/**
 * The stand-in's storage: lists, items and channel messages in one SQLite file, cached in
 * memory. Delete the file to reset the workbench.
 */
export class Store {
  private readonly db: DatabaseSync;
  private readonly lists = new Map<string, ListDef>();
  private readonly items = new Map<string, Map<number, ItemRec>>();
  private readonly messages: ChannelMessage[] = [];

  public constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS lists (id TEXT PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS items (list_id TEXT NOT NULL, id INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (list_id, id));
      CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    for (const row of this.db.prepare('SELECT json FROM lists').all() as Array<{ json: string }>) {
      const list = JSON.parse(row.json) as ListDef;
      this.lists.set(list.id, list);
      this.items.set(list.id, new Map());
    }
    for (const row of this.db.prepare('SELECT list_id, json FROM items').all() as Array<{ list_id: string; json: string }>) {
      const item = JSON.parse(row.json) as ItemRec;
      this.items.get(row.list_id)?.set(item.id, item);
    }
    for (const row of this.db.prepare('SELECT json FROM messages').all() as Array<{ json: string }>) {
      this.messages.push(JSON.parse(row.json) as ChannelMessage);
    }
    this.messages.sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime));
  }

  public close(): void {
    this.db.close();
  }

  private groupsCache?: SiteGroupRec[];
  private roleDefsCache?: RoleDefRec[];

  /** The site's SharePoint groups, seeded from the sample directory the first time. */
  public siteGroups(): SiteGroupRec[] {
    if (!this.groupsCache) {
      const stored = this.getMeta('siteGroups');
      this.groupsCache = stored
        ? (JSON.parse(stored) as SiteGroupRec[])
        : SAMPLE_GROUPS.map((g) => ({
            id: g.id,
            title: g.title,
            description: '',
            ownerId: g.ownerId,
            allowMembersEditMembership: false,
            onlyAllowMembersViewMembership: false,
            memberIds: SAMPLE_USERS.filter((u) => u.groups.includes(g.id)).map((u) => u.id),
            siteRoleDefId: g.siteRole
          }));
    }
    return this.groupsCache;
  }

  public saveSiteGroups(): void {
    this.setMeta('siteGroups', JSON.stringify(this.siteGroups()));
  }

  /** Ids of the groups a user belongs to. */
  public groupIdsOf(userId: number): number[] {
    return this.siteGroups()
      .filter((g) => g.memberIds.includes(userId))
      .map((g) => g.id);
  }

  /** Users and groups share one id space (SharePoint principals), so a new group takes the next free id. */
  public nextPrincipalId(): number {
    return Math.max(...SAMPLE_USERS.map((u) => u.id), ...this.siteGroups().map((g) => g.id)) + 1;
  }

  /** The site's permission levels: the built-in ones, then any custom ones, seeded the first time. */
  public roleDefinitions(): RoleDefRec[] {
    if (!this.roleDefsCache) {
      const stored = this.getMeta('roleDefinitions');
      this.roleDefsCache = stored ? (JSON.parse(stored) as RoleDefRec[]) : BUILT_IN_ROLE_DEFINITIONS.map((r) => ({ ...r }));
    }
    return this.roleDefsCache;
  }

  public saveRoleDefinitions(): void {
    this.setMeta('roleDefinitions', JSON.stringify(this.roleDefinitions()));
  }

  public getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  public setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  public allLists(): ListDef[] {
    return [...this.lists.values()];
  }

  public listByTitle(title: string): ListDef | undefined {
    const lower = title.toLowerCase();
    return this.allLists().find((l) => l.title.toLowerCase() === lower);
  }

  public listById(id: string): ListDef | undefined {
    return this.lists.get(id.toLowerCase());
  }

  public createList(title: string, description: string, baseTemplate: number): ListDef {
    const list: ListDef = {
      id: randomUUID(),
      title,
      description,
      baseTemplate,
      created: new Date().toISOString(),
      readSecurity: 1,
      writeSecurity: 1,
      hasUniqueRoleAssignments: false,
      roleAssignments: [],
      fields: builtInFields(),
      nextItemId: 1
    };
    this.lists.set(list.id, list);
    this.items.set(list.id, new Map());
    this.saveList(list);
    return list;
  }

  public saveList(list: ListDef): void {
    this.db
      .prepare('INSERT INTO lists (id, json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json')
      .run(list.id, JSON.stringify(list));
  }

  public itemsOf(list: ListDef): Map<number, ItemRec> {
    return this.items.get(list.id) ?? new Map();
  }

  private readonly changes = new Map<string, number>();

  /** How many times a list's items have changed (for caches of what was read from them). */
  public changeCount(list: ListDef): number {
    return this.changes.get(list.id) ?? 0;
  }

  public saveItem(list: ListDef, item: ItemRec): void {
    this.changes.set(list.id, this.changeCount(list) + 1);
    this.itemsOf(list).set(item.id, item);
    this.db
      .prepare('INSERT INTO items (list_id, id, json) VALUES (?, ?, ?) ON CONFLICT(list_id, id) DO UPDATE SET json = excluded.json')
      .run(list.id, item.id, JSON.stringify(item));
  }

  public deleteItem(list: ListDef, id: number): void {
    this.changes.set(list.id, this.changeCount(list) + 1);
    this.itemsOf(list).delete(id);
    this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(list.id, id);
  }

  /** Add many items in one transaction (used to seed large lists for tests and demos). */
  public addItems(list: ListDef, userId: number, rows: Array<Record<string, unknown>>): number {
    this.db.exec('BEGIN');
    try {
      for (const values of rows) this.addItem(list, userId, values);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return rows.length;
  }

  public addItem(list: ListDef, userId: number, values: Record<string, unknown>): ItemRec {
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const item: ItemRec = { id: list.nextItemId, version: 1, authorId: userId, editorId: userId, created: now, modified: now, values };
    list.nextItemId += 1;
    this.saveList(list);
    this.saveItem(list, item);
    return item;
  }

  public addMessage(message: ChannelMessage): void {
    this.messages.push(message);
    this.db.prepare('INSERT INTO messages (id, json) VALUES (?, ?)').run(message.id, JSON.stringify(message));
  }

  public channelMessages(teamId?: string, channelId?: string): ChannelMessage[] {
    return this.messages.filter((m) => (!teamId || m.teamId === teamId) && (!channelId || m.channelId === channelId));
  }
}
