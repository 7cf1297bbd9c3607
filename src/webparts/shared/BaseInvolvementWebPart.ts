import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { PropertyPaneTextField, type IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { graphForSpfx, spForSpfx } from '../../data/client';
import { AppShell } from '../../ui/shell/AppShell';
import { fromTeamsTheme, type HostTheme } from '../../ui/shell/theme';
import type { HostInfo } from '../../ui/shell/host';
import { composeServices, validateSiteUrl } from './composeServices';

/** Properties both web parts share. */
export interface InvolvementWebPartProps {
  /** Site that holds the planner's lists; empty means the current site. */
  siteUrl: string;
}

/**
 * What both web parts do: build the adapters from the SPFx context, follow the Teams theme
 * live when running as a tab, and render their screen inside the app shell.
 */
export abstract class BaseInvolvementWebPart extends BaseClientSideWebPart<InvolvementWebPartProps> {
  private hostTheme: HostTheme = 'sharepoint';
  private host: HostInfo = {};

  /** The screen this web part shows. */
  protected abstract screen(): React.ReactElement;

  protected async onInit(): Promise<void> {
    await super.onInit();
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      const context = await teams.teamsJs.app.getContext();
      this.hostTheme = fromTeamsTheme(context.app.theme);
      // A channel tab knows its team and channel: the dashboard offers it as the place for new-plan cards.
      if (context.team?.groupId && context.channel?.id) {
        this.host = {
          teamsChannel: {
            kind: 'teamsChannel',
            teamId: context.team.groupId,
            channelId: context.channel.id,
            teamName: context.team.displayName ?? 'This team',
            channelName: context.channel.displayName ?? 'this channel'
          }
        };
      }
      teams.teamsJs.app.registerOnThemeChangeHandler((theme: string) => {
        this.hostTheme = fromTeamsTheme(theme);
        this.render();
      });
    }
  }

  public render(): void {
    const sp = spForSpfx(this.context, this.properties.siteUrl?.trim() || undefined);
    ReactDom.render(
      React.createElement(
        AppShell,
        {
          idPrefix: `ip-${this.instanceId}-`,
          theme: this.hostTheme,
          host: this.host,
          services: composeServices(sp, graphForSpfx(this.context), window.location.href)
        },
        this.screen()
      ),
      this.domElement
    );
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
                  description: 'Leave empty to use this site.',
                  onGetErrorMessage: validateSiteUrl
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
