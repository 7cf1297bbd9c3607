import type { GraphFI } from '@pnp/graph';
import '@pnp/graph/users';
import '@pnp/graph/teams';
import type { TeamsDirectory, TeamsPlace } from '../../domain';
import { dataCall } from '../http';

/** Teams and channels through Microsoft Graph (delegated Team.ReadBasic.All, Channel.ReadBasic.All). */
export class GraphTeamsDirectory implements TeamsDirectory {
  public constructor(private readonly graph: GraphFI) {}

  public joinedTeams(): Promise<TeamsPlace[]> {
    return dataCall('Listing your teams', async () => {
      const teams = await this.graph.me.joinedTeams();
      return teams.map((t) => ({ id: t.id ?? '', displayName: t.displayName ?? '' })).filter((t) => t.id);
    });
  }

  public channels(teamId: string): Promise<TeamsPlace[]> {
    return dataCall("Listing the team's channels", async () => {
      const channels = await this.graph.teams.getById(teamId).channels();
      return channels.map((c) => ({ id: c.id ?? '', displayName: c.displayName ?? '' })).filter((c) => c.id);
    });
  }
}
