/**
 * SharePoint's permission model, as data: the base permissions (SP.PermissionKind), permission
 * masks (SP.BasePermissions, a 64-bit High/Low pair) and the built-in permission levels (role
 * definitions) with the ids and RoleTypeKinds SharePoint Online reports.
 *
 * Which base permissions each built-in level holds follows Microsoft Learn: "SPPermissionGroup64
 * enumeration" (Guest/Limited Access, Reader, Contributor, WebDesigner/Design, Administrator/Full
 * Control) and the Edit level's own page ("Can add, edit and delete lists; can view, add, update
 * and delete list items and documents": Contribute plus Manage Lists, and NOT Override List
 * Behaviors). A custom level may hold any combination ("Authorization, users, groups, and the
 * object model in SharePoint": the object model does not enforce rights dependency).
 */

/** SP.PermissionKind: a permission's number; its bit in the mask is number − 1. */
export const PERMISSION = {
  ViewListItems: 1,
  AddListItems: 2,
  EditListItems: 3,
  DeleteListItems: 4,
  ApproveItems: 5,
  OpenItems: 6,
  ViewVersions: 7,
  DeleteVersions: 8,
  /** "Override List Behaviors": also reads and edits every item whatever the list's item-level permissions. */
  CancelCheckout: 9,
  ManagePersonalViews: 10,
  ManageLists: 12,
  ViewFormPages: 13,
  Open: 17,
  ViewPages: 18,
  AddAndCustomizePages: 19,
  ApplyThemeAndBorder: 20,
  ApplyStyleSheets: 21,
  ViewUsageData: 22,
  CreateSSCSite: 23,
  ManageSubwebs: 24,
  CreateGroups: 25,
  ManagePermissions: 26,
  BrowseDirectories: 27,
  BrowseUserInfo: 28,
  AddDelPrivateWebParts: 29,
  UpdatePersonalWebParts: 30,
  ManageWeb: 31,
  UseClientIntegration: 37,
  UseRemoteAPIs: 38,
  ManageAlerts: 39,
  CreateAlerts: 40,
  EditMyUserInfo: 41,
  EnumeratePermissions: 63
} as const;
export type PermissionName = keyof typeof PERMISSION;

/** A permission mask (SP.BasePermissions) as one 64-bit number. */
export type Mask = bigint;

export const EMPTY_MASK: Mask = 0n;
/** SP.PermissionKind.FullMask: every permission (High 0x7FFFFFFF, Low 0xFFFFFFFF). */
export const FULL_MASK: Mask = (0x7fffffffn << 32n) | 0xffffffffn;

export function maskOf(...names: PermissionName[]): Mask {
  return names.reduce((m, n) => m | (1n << BigInt(PERMISSION[n] - 1)), 0n);
}

export function hasPermission(mask: Mask, name: PermissionName): boolean {
  return (mask & (1n << BigInt(PERMISSION[name] - 1))) !== 0n;
}

/** The mask as SharePoint's JSON writes SP.BasePermissions (Edm.Int64 values as strings). */
export function maskJson(mask: Mask): { High: string; Low: string } {
  return { High: String(mask >> 32n), Low: String(mask & 0xffffffffn) };
}

/** Read `{ High, Low }` (numbers or strings, as PnPjs sends them); undefined when malformed. */
export function maskFromJson(value: unknown): Mask | undefined {
  const v = value as { High?: unknown; Low?: unknown } | null;
  const part = (x: unknown): bigint | undefined => {
    if (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 0xffffffff) return BigInt(x);
    if (typeof x === 'string' && /^\d+$/.test(x) && Number(x) <= 0xffffffff) return BigInt(x);
    return undefined;
  };
  const high = part(v?.High);
  const low = part(v?.Low);
  return high === undefined || low === undefined ? undefined : (high << 32n) | low;
}

/** Role definition ids as SharePoint Online reports them. */
export const ROLE = {
  limitedAccess: 1073741825,
  read: 1073741826,
  contribute: 1073741827,
  design: 1073741828,
  fullControl: 1073741829,
  edit: 1073741830
} as const;

/** SP.RoleType */
export const ROLE_TYPE = { none: 0, guest: 1, reader: 2, contributor: 3, webDesigner: 4, administrator: 5, editor: 6 } as const;

export interface RoleDefRec {
  id: number;
  name: string;
  description: string;
  order: number;
  roleTypeKind: number;
  /** The permission mask, as a decimal string (JSON has no 64-bit integers). */
  mask: string;
  /** Limited Access is hidden from the permission-level pages. */
  hidden: boolean;
}

const GUEST: PermissionName[] = ['Open', 'BrowseUserInfo', 'ViewFormPages', 'UseClientIntegration', 'UseRemoteAPIs'];
const READER: PermissionName[] = [...GUEST, 'ViewPages', 'ViewListItems', 'OpenItems', 'ViewVersions', 'CreateAlerts', 'CreateSSCSite'];
const CONTRIBUTOR: PermissionName[] = [
  ...READER,
  'BrowseDirectories',
  'ManagePersonalViews',
  'UpdatePersonalWebParts',
  'AddDelPrivateWebParts',
  'AddListItems',
  'EditListItems',
  'DeleteListItems',
  'DeleteVersions',
  'EditMyUserInfo'
];
const EDITOR: PermissionName[] = [...CONTRIBUTOR, 'ManageLists'];
const DESIGNER: PermissionName[] = [
  ...CONTRIBUTOR,
  'AddAndCustomizePages',
  'ManageLists',
  'ApproveItems',
  'ApplyThemeAndBorder',
  'ApplyStyleSheets',
  'CancelCheckout'
];

const builtIn = (
  id: number,
  name: string,
  description: string,
  order: number,
  roleTypeKind: number,
  mask: Mask,
  hidden = false
): RoleDefRec => ({
  id,
  name,
  description,
  order,
  roleTypeKind,
  mask: mask.toString(),
  hidden
});

/** The permission levels every SharePoint Online team site starts with. */
export const BUILT_IN_ROLE_DEFINITIONS: readonly RoleDefRec[] = [
  builtIn(ROLE.fullControl, 'Full Control', 'Has full control.', 1, ROLE_TYPE.administrator, FULL_MASK),
  builtIn(ROLE.design, 'Design', 'Can view, add, update, delete, approve, and customize.', 32, ROLE_TYPE.webDesigner, maskOf(...DESIGNER)),
  builtIn(
    ROLE.edit,
    'Edit',
    'Can add, edit and delete lists; can view, add, update and delete list items and documents.',
    48,
    ROLE_TYPE.editor,
    maskOf(...EDITOR)
  ),
  builtIn(
    ROLE.contribute,
    'Contribute',
    'Can view, add, update, and delete list items and documents.',
    64,
    ROLE_TYPE.contributor,
    maskOf(...CONTRIBUTOR)
  ),
  builtIn(ROLE.read, 'Read', 'Can view pages and list items and download documents.', 128, ROLE_TYPE.reader, maskOf(...READER)),
  builtIn(
    ROLE.limitedAccess,
    'Limited Access',
    'Can view specific lists, document libraries, list items, folders, or documents when given permissions.',
    160,
    ROLE_TYPE.guest,
    maskOf(...GUEST),
    true
  )
];

/** Full Control and Limited Access cannot be changed or deleted; the other built-in levels can be edited. */
export const FIXED_ROLE_DEFINITIONS: readonly number[] = [ROLE.fullControl, ROLE.limitedAccess];
