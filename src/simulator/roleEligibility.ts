/**
 * Privileged Identity Management's role eligibilities: who may activate which directory role. The
 * seeded eligibilities are tenant-wide (`/`) and permanent; activating one is not simulated.
 * https://learn.microsoft.com/en-us/graph/api/rbacapplication-list-roleeligibilityscheduleinstances
 */
import { compileFilter, type FilterSchema } from './filter';
import { guidFrom } from './ids';
import { collectionContext, project, readQueryOptions, resolveSelect } from './odata';
import { ok, type GraphContext, type RouteRequest, type RouteResult } from './wire';

/** A `unifiedRoleEligibilityScheduleInstance` as Graph serves it. */
interface EligibilityInstance {
  readonly id: string;
  readonly principalId: string;
  readonly roleDefinitionId: string;
  readonly directoryScopeId: string;
  readonly appScopeId: null;
  readonly startDateTime: string;
  readonly endDateTime: null;
  readonly memberType: 'Direct';
  readonly roleEligibilityScheduleId: string;
}

const INSTANCE_PROPERTIES = [
  'id',
  'principalId',
  'roleDefinitionId',
  'directoryScopeId',
  'appScopeId',
  'startDateTime',
  'endDateTime',
  'memberType',
  'roleEligibilityScheduleId',
] as const;

/** The properties the resource page marks "Supports `$filter` (`eq`, `ne`)". */
const INSTANCE_FILTER: FilterSchema<EligibilityInstance> = {
  resource: 'unifiedRoleEligibilityScheduleInstance',
  properties: {
    principalId: { type: 'string', operators: ['eq', 'ne'], read: (instance) => instance.principalId },
    roleDefinitionId: { type: 'string', operators: ['eq', 'ne'], read: (instance) => instance.roleDefinitionId },
    directoryScopeId: { type: 'string', operators: ['eq', 'ne'], read: (instance) => instance.directoryScopeId },
    memberType: { type: 'string', operators: ['eq', 'ne'], read: (instance) => instance.memberType },
    roleEligibilityScheduleId: {
      type: 'string',
      operators: ['eq', 'ne'],
      read: (instance) => instance.roleEligibilityScheduleId,
    },
  },
};

const ENTITY_SET = 'roleManagement/directory/roleEligibilityScheduleInstances';

/** `GET /roleManagement/directory/roleEligibilityScheduleInstances`, with `$filter` and `$select`. */
export function listRoleEligibilityScheduleInstances(request: RouteRequest, context: GraphContext): RouteResult {
  const options = readQueryOptions(request.query, ['$select', '$filter']);
  const select = resolveSelect(options.select, INSTANCE_PROPERTIES, 'unifiedRoleEligibilityScheduleInstance');
  const filter = options.filter === undefined ? () => true : compileFilter(options.filter, INSTANCE_FILTER);
  const instances = context.tenant.users.flatMap((user) =>
    user.eligibleRoleTemplateIds.map((templateId): EligibilityInstance => {
      const scheduleId = guidFrom(`${user.id}/eligible/${templateId}`);
      return {
        id: guidFrom(`${scheduleId}/instance`),
        principalId: user.id,
        // For a built-in role the role definition id is its template id.
        roleDefinitionId: templateId,
        directoryScopeId: '/',
        appScopeId: null,
        startDateTime: user.createdDateTime,
        endDateTime: null,
        memberType: 'Direct',
        roleEligibilityScheduleId: scheduleId,
      };
    }),
  );
  return ok({
    '@odata.context': collectionContext(context.serviceRoot, ENTITY_SET, select),
    value: instances.filter(filter).map((instance) => project({ ...instance }, select)),
  });
}
