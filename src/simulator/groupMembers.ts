/**
 * `GET /groups/{id}/members`: a group's direct members as `directoryObject`s, each with its
 * `@odata.type` (`#microsoft.graph.user`, or `#microsoft.graph.group` for a nested group), `$select`
 * applying to the properties the types share; 100 a page by default, at most 999, then `$skiptoken`.
 * An unknown group is Graph's 404 `Request_ResourceNotFound`.
 * https://learn.microsoft.com/en-us/graph/api/group-list-members
 */
import { collectionContext, pageOf, pageSize, project, readQueryOptions, resolveSelect } from './odata';
import { failure, ok, type GraphContext, type RouteRequest, type RouteResult } from './wire';

/** What `$select` may name here: the properties of `user` and `group` Unlock reads, and the base type's. */
const MEMBER_PROPERTIES = ['id', 'deletedDateTime', 'displayName', 'userPrincipalName', 'mail', 'accountEnabled', 'mailNickname'] as const;

export function listGroupMembers(request: RouteRequest, context: GraphContext, groupId: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select', '$top', '$skiptoken']);
  const select = resolveSelect(options.select, MEMBER_PROPERTIES, 'directoryObject');
  const group = context.tenant.groups.find((candidate) => candidate.id.toLowerCase() === groupId.toLowerCase());
  if (group === undefined) {
    return failure(404, 'Request_ResourceNotFound', `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`);
  }
  const members = group.memberIds.flatMap((memberId): Record<string, unknown>[] => {
    const user = context.tenant.users.find((candidate) => candidate.id.toLowerCase() === memberId.toLowerCase());
    if (user) {
      return [
        {
          '@odata.type': '#microsoft.graph.user',
          id: user.id,
          displayName: user.displayName,
          userPrincipalName: user.userPrincipalName,
          mail: user.mail ?? null,
          accountEnabled: user.accountEnabled,
        },
      ];
    }
    const nested = context.tenant.groups.find((candidate) => candidate.id.toLowerCase() === memberId.toLowerCase());
    return nested ? [{ '@odata.type': '#microsoft.graph.group', id: nested.id, displayName: nested.displayName, mailNickname: null }] : [];
  });
  const page = pageOf(members, options.offset, pageSize(options, { default: 100, max: 999 }), {
    serviceRoot: context.serviceRoot,
    segments: request.segments,
    query: request.query,
  });
  return ok({
    '@odata.context': collectionContext(context.serviceRoot, 'directoryObjects', select),
    ...(page.nextLink === undefined ? {} : { '@odata.nextLink': page.nextLink }),
    value: page.items.map((member) => project(member, select)),
  });
}
