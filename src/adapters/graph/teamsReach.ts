/**
 * Reaching a user in Teams to ask them something: their 1:1 chat with Unlock, read from Graph after
 * installing the app in their personal scope when they have not (a user who never opened Unlock has
 * no chat with it). Needs `TeamsAppInstallation.ReadWriteSelfForUser.All` (application) and the app's
 * id in the tenant's catalog (`TEAMS_APP_CATALOG_ID`), which is not the manifest id.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages
 * https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps (201, no body; 409 when installed)
 * https://learn.microsoft.com/en-us/graph/api/userscopeteamsappinstallation-get-chat
 * The manager is `GET /users/{id}/manager` (404 when none): https://learn.microsoft.com/en-us/graph/api/user-list-manager
 */
import type { ManagerResult, PersonalChatResult, TeamsReach } from '../../operations/ports';
import type { GraphGateway } from './graphGateway';
import { isSuccess } from './unavailable';

interface Installation {
  readonly id?: unknown;
}

export class GraphTeamsReach implements TeamsReach {
  constructor(
    private readonly graph: GraphGateway,
    /** The Graph base URL, for the `@odata.bind` reference (as the service expects it: absolute). */
    private readonly graphEndpoint: string,
    private readonly teamsAppCatalogId: string | undefined,
  ) {}

  async personalChat(userId: string): Promise<PersonalChatResult> {
    if (!this.teamsAppCatalogId) return { kind: 'unavailable', why: 'TEAMS_APP_CATALOG_ID is not set' };
    const installedApps = `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;
    let installation = await this.installation(installedApps);
    if (installation === undefined) {
      const installed = await this.graph.post(installedApps, {
        'teamsApp@odata.bind': `${this.graphEndpoint.replace(/\/+$/, '')}/v1.0/appCatalogs/teamsApps/${this.teamsAppCatalogId}`,
      });
      // 409: installed meanwhile (another instance, or the user themselves); the read below finds it.
      if (!isSuccess(installed) && installed.status !== 409) {
        return { kind: 'unavailable', why: `installing the app answered ${installed.status}` };
      }
      installation = await this.installation(installedApps);
      if (installation === undefined) return { kind: 'unavailable', why: 'the app is not listed after installing it' };
    }
    const chat = await this.graph.get(`${installedApps}/${encodeURIComponent(installation)}/chat?$select=id`);
    const chatId = isSuccess(chat) ? (chat.body as { id?: unknown } | undefined)?.id : undefined;
    return typeof chatId === 'string' && chatId !== '' ? { kind: 'found', chatId } : { kind: 'unavailable', why: `reading the chat answered ${chat.status}` };
  }

  async manager(userId: string): Promise<ManagerResult> {
    const answer = await this.graph.get(`/users/${encodeURIComponent(userId)}/manager?$select=id,displayName`);
    if (answer.status === 404) return { kind: 'none' };
    const body = answer.body as { id?: unknown; displayName?: unknown } | undefined;
    if (!isSuccess(answer) || typeof body?.id !== 'string') return { kind: 'unavailable' };
    return { kind: 'found', manager: { id: body.id, displayName: typeof body.displayName === 'string' ? body.displayName : body.id } };
  }

  /** The installation of our app for the user, by the catalog id; undefined when not installed. */
  private async installation(installedApps: string): Promise<string | undefined> {
    const filter = encodeURIComponent(`teamsApp/id eq '${this.teamsAppCatalogId}'`);
    const listed = await this.graph.get(`${installedApps}?$expand=teamsApp&$filter=${filter}`);
    if (!isSuccess(listed)) return undefined;
    const [first] = ((listed.body as { value?: Installation[] } | undefined)?.value ?? []).filter((item) => typeof item.id === 'string');
    return first?.id as string | undefined;
  }
}
