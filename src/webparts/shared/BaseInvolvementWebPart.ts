import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { PropertyPaneTextField, type IPropertyPaneConfiguration, type IPropertyPaneField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import type { GraphFI } from '@pnp/graph';
import { spForSpfx } from '../../data/spClient';
import { AppShell } from '../../ui/shell/AppShell';
import type { FirstScreen } from '../../ui/shell/ListsGate';
import { fromTeamsTheme, loadTheme, type HostTheme } from '../../ui/shell/theme';
import type { HostInfo } from '../../ui/shell/host';
import { SpTenantProperties } from '../../data/sharepoint/SpTenantProperties';
import { planIdFromSubEntity, resolveHomeSite, type HostSurface, type TenantSetting } from '../../domain';
import { composeServices, validateSiteUrl } from './composeServices';

/** Properties both web parts share. */
export interface InvolvementWebPartProps {
  /** Site that holds the planner's lists; empty means the organisation's planner site, or else the current site. */
  siteUrl: string;
  /** The dashboard web part only: what a channel tab shows (Teams allows one kind of channel tab per app). */
  view?: 'dashboard' | 'planner';
}

/**
 * What both web parts do: build the adapters from the SPFx context, follow the Teams theme
 * live when running as a tab, and render their screen inside the app shell.
 */
export abstract class BaseInvolvementWebPart extends BaseClientSideWebPart<InvolvementWebPartProps> {
  private hostTheme: HostTheme = 'sharepoint';
  private host: HostInfo = {};
  private surface: HostSurface = 'page';
  private tenant: TenantSetting = { status: 'notSet' };

  /** The screen this web part shows. */
  protected abstract screen(): React.ReactElement;
  /** What the web part shows first, when it can be read with the start-up reads. */
  protected readonly firstScreen: FirstScreen | undefined = undefined;

  /** Extra property pane fields of one web part. */
  protected extraFields(): IPropertyPaneField<unknown>[] {
    return [];
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      const context = await teams.teamsJs.app.getContext();
      this.hostTheme = fromTeamsTheme(context.app.theme);
      // The Teams themes are not in the first chunk: fetch them before the first render.
      await loadTheme(this.hostTheme);
      // A channel (or chat) tab knows where it is; anything else in Teams is the personal app.
      this.surface = context.channel?.id || context.chat?.id ? 'channelTab' : 'personalApp';
      this.host = { surface: this.surface, openPlanId: planIdFromSubEntity(context.page.subPageId) };
      // A channel tab knows its team, channel and its own entity id: the dashboard offers it as the
      // place for new-plan cards, and cards can open a plan's review in this tab.
      if (context.team?.groupId && context.channel?.id) {
        this.host = {
          ...this.host,
          teamsChannel: {
            kind: 'teamsChannel',
            teamId: context.team.groupId,
            channelId: context.channel.id,
            teamName: context.team.displayName ?? 'This team',
            channelName: context.channel.displayName ?? 'this channel',
            tabEntityId: context.page.id || undefined
          }
        };
      }
      teams.teamsJs.app.registerOnThemeChangeHandler((theme: string) => {
        this.hostTheme = fromTeamsTheme(theme);
        void loadTheme(this.hostTheme).then(() => this.render());
      });
    } else {
      this.host = { surface: 'page', pageUrl: window.location.href.split('#')[0] };
    }
    await this.readTenantSetting();
  }

  /** The tenant-wide home site (read once; again on "Try again"). */
  private async readTenantSetting(): Promise<void> {
    this.tenant = await new SpTenantProperties(spForSpfx(this.context)).homeSite();
  }

  /** PnPjs's Graph client, fetched with the ports that post to Teams (not in the first chunk). */
  private async graph(): Promise<GraphFI> {
    const { graphForSpfx } = await import(/* webpackChunkName: "services" */ '../../data/client');
    return graphForSpfx(this.context);
  }

  public render(): void {
    const resolution = resolveHomeSite({
      webPartUrl: this.properties.siteUrl,
      tenant: this.tenant,
      currentSiteUrl: this.context.pageContext.web.absoluteUrl,
      surface: this.surface
    });
    const common = { idPrefix: `ip-${this.instanceId}-`, theme: this.hostTheme };
    const shell = resolution.ok
      ? React.createElement(
          AppShell,
          {
            ...common,
            host: { ...this.host, home: resolution.home },
            firstScreen: this.firstScreen,
            services: composeServices(spForSpfx(this.context, resolution.home.url), () => this.graph(), window.location.href)
          },
          this.screen()
        )
      : React.createElement(AppShell, {
          ...common,
          problem: {
            title: resolution.title,
            message: resolution.message,
            onRetry: () => {
              void this.readTenantSetting().then(() => this.render());
            }
          }
        });
    ReactDom.render(shell, this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: 'Where the Involvement Planner keeps its lists.' },
          groups: [
            {
              groupName: 'Data',
              groupFields: [
                PropertyPaneTextField('siteUrl', {
                  label: 'Site that holds the lists',
                  description:
                    'Leave empty to use the site your administrator set for the whole organisation (tenant property InvolvementPlannerSiteUrl), or else this site.',
                  onGetErrorMessage: validateSiteUrl
                }),
                ...this.extraFields()
              ]
            }
          ]
        }
      ]
    };
  }
}
