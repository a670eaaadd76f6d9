/**
 * The helpdesk group's members, for Assign to …: `GET /groups/{id}/members` (direct members; a nested
 * group is left out, its people are not listed by name here), users only, by display name. Read at
 * the click, one page of at most 100: a helpdesk group is a team, not a department. Whoever is chosen
 * is checked as an operator again when the request is assigned. Needs `GroupMember.Read.All`.
 * https://learn.microsoft.com/en-us/graph/api/group-list-members
 */
import type { PersonRef } from '../../domain/helpRequest';
import type { HelpdeskMembers } from '../../operations/ports';
import type { GraphGateway } from './graphGateway';
import { isSuccess, unavailable } from './unavailable';

export class GraphHelpdeskMembers implements HelpdeskMembers {
  constructor(
    private readonly graph: GraphGateway,
    private readonly helpdeskGroupId: string,
  ) {}

  async list(): Promise<readonly PersonRef[]> {
    const response = await this.graph.get(`/groups/${encodeURIComponent(this.helpdeskGroupId)}/members?$select=id,displayName,userPrincipalName&$top=100`);
    if (!isSuccess(response)) {
      throw new Error(`The helpdesk group's members could not be read (${unavailable(response).cause}).`);
    }
    const value = (response.body as { value?: unknown } | undefined)?.value;
    const members = Array.isArray(value) ? value : [];
    return members
      .flatMap((member: unknown): PersonRef[] => {
        const item = member as { '@odata.type'?: unknown; id?: unknown; displayName?: unknown; userPrincipalName?: unknown };
        if (item['@odata.type'] !== '#microsoft.graph.user' || typeof item.id !== 'string') return [];
        const name = typeof item.displayName === 'string' && item.displayName !== '' ? item.displayName : String(item.userPrincipalName ?? item.id);
        return [{ aadObjectId: item.id, name }];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
