import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import { HOME_SITE_PROPERTY, type TenantPropertyReader, type TenantSetting } from '../../domain';
import { toDataError } from '../http';

/**
 * Reads tenant properties (storage entities in the tenant app catalog, readable by everyone,
 * set by an administrator) through any site: `GET _api/web/GetStorageEntity('<key>')`.
 * SharePoint answers `"odata.null": true` (or no Value) when the property is not set.
 */
export class SpTenantProperties implements TenantPropertyReader {
  public constructor(private readonly sp: SPFI) {}

  public async homeSite(): Promise<TenantSetting> {
    try {
      const entity = (await this.sp.web.getStorageEntity(HOME_SITE_PROPERTY)) as { Value?: string | null } | null;
      const value = entity?.Value?.trim();
      return value ? { status: 'set', value } : { status: 'notSet' };
    } catch (error) {
      const failure = await toDataError(error, `reading the tenant property ${HOME_SITE_PROPERTY}`);
      if (failure.kind === 'notFound') return { status: 'notSet' };
      return { status: 'unreadable', detail: failure.detail };
    }
  }
}
