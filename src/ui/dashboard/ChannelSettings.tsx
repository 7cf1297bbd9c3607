import * as React from 'react';
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, Title3, tokens } from '@fluentui/react-components';
import type { NotificationTarget, TeamsPlace } from '../../domain';
import { useServices } from '../shell/services';
import { useSession } from '../shell/session';
import { useHost } from '../shell/host';
import { useAsync } from '../common/useAsync';
import { ErrorBar, Loaded } from '../common/components';

const useStyles = makeStyles({ form: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' } });

/**
 * Where submission notices are posted: the involvement team's Teams channel. The team (or a site
 * owner) chooses it from the teams and channels they belong to.
 */
export function ChannelSettings(): JSX.Element {
  const styles = useStyles();
  const { settings, teams } = useServices();
  const loadTarget = React.useCallback(() => settings.notificationTarget(), [settings]);
  const [target, reloadTarget] = useAsync(loadTarget);
  const [editing, setEditing] = React.useState(false);
  const [teamList, setTeamList] = React.useState<TeamsPlace[]>();
  const [channelList, setChannelList] = React.useState<TeamsPlace[]>();
  const [teamId, setTeamId] = React.useState('');
  const [channelId, setChannelId] = React.useState('');
  const [error, setError] = React.useState<unknown>();
  const [saved, setSaved] = React.useState(false);
  const { mayManage: mayChange } = useSession();
  const { teamsChannel, pageUrl } = useHost();
  // Remember where the team reviews plans, so cards open a plan's review there: this tab (when the
  // channel is this tab's) and the dashboard page (when chosen on a SharePoint page).
  const withReviewPlace = (next: NotificationTarget): NotificationTarget => {
    const previous = target.status === 'ready' ? target.value : null;
    const sameChannel = (t: NotificationTarget | null | undefined): boolean => t?.channelId === next.channelId;
    const tabEntityId = sameChannel(teamsChannel) ? teamsChannel?.tabEntityId : sameChannel(previous) ? previous?.tabEntityId : undefined;
    const dashboardUrl = pageUrl ?? previous?.dashboardUrl;
    return { ...next, ...(tabEntityId ? { tabEntityId } : {}), ...(dashboardUrl ? { dashboardUrl } : {}) };
  };
  const adoptTabChannel = async (): Promise<void> => {
    if (!teamsChannel) return;
    try {
      await settings.setNotificationTarget(withReviewPlace(teamsChannel));
      setSaved(true);
      reloadTarget();
    } catch (caught) {
      setError(caught);
    }
  };

  const startEditing = async (): Promise<void> => {
    setError(undefined);
    setEditing(true);
    try {
      setTeamList(await teams.joinedTeams());
    } catch (caught) {
      setError(caught);
    }
  };
  const chooseTeam = async (id: string): Promise<void> => {
    setTeamId(id);
    setChannelId('');
    setChannelList(undefined);
    if (!id) return;
    try {
      setChannelList(await teams.channels(id));
    } catch (caught) {
      setError(caught);
    }
  };
  const save = async (): Promise<void> => {
    const team = teamList?.find((t) => t.id === teamId);
    const channel = channelList?.find((c) => c.id === channelId);
    if (!team || !channel) return;
    const next: NotificationTarget = {
      kind: 'teamsChannel',
      teamId: team.id,
      channelId: channel.id,
      teamName: team.displayName,
      channelName: channel.displayName
    };
    try {
      await settings.setNotificationTarget(withReviewPlace(next));
      setEditing(false);
      setSaved(true);
      reloadTarget();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section aria-labelledby="channel-heading">
      <Title3 as="h3" block id="channel-heading">
        Teams channel for new plans
      </Title3>
      <Loaded state={target} label="Reading the channel setting…" onRetry={reloadTarget}>
        {(current) => (
          <Text as="p">
            {current
              ? `New plans are announced in ${current.teamName} › ${current.channelName}.`
              : 'No channel is set: new plans only appear on this dashboard.'}
          </Text>
        )}
      </Loaded>
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Channel saved.</MessageBarBody>
        </MessageBar>
      )}
      {mayChange && !editing && teamsChannel && target.status === 'ready' && target.value?.channelId !== teamsChannel.channelId && (
        <Button
          appearance="primary"
          onClick={() => {
            void adoptTabChannel();
          }}
        >
          Use this channel ({teamsChannel.teamName} › {teamsChannel.channelName})
        </Button>
      )}{' '}
      {mayChange && !editing && (
        <Button
          onClick={() => {
            void startEditing();
          }}
        >
          Choose the channel
        </Button>
      )}
      {editing && (
        <div className={styles.form}>
          <Field label="Team">
            <Select
              value={teamId}
              onChange={(_e, d) => {
                void chooseTeam(d.value);
              }}
            >
              <option value="">{teamList ? 'Choose a team' : 'Loading your teams…'}</option>
              {teamList?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Channel">
            <Select value={channelId} disabled={!channelList} onChange={(_e, d) => setChannelId(d.value)}>
              <option value="">Choose a channel</option>
              {channelList?.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.displayName}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabled={!channelId}
            onClick={() => {
              void save();
            }}
          >
            Save channel
          </Button>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
        </div>
      )}
      {error !== undefined && <ErrorBar error={error} />}
    </section>
  );
}
