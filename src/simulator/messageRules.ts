/**
 * Inbox rules of a mailbox: list them, read one, delete one. Served by Exchange Online behind
 * Graph, hence the Exchange-style error codes.
 * https://learn.microsoft.com/en-us/graph/api/mailfolder-list-messagerules
 */
import { project, readQueryOptions, resolveSelect } from './odata';
import { findUser, type SimulatedMailbox, type SimulatedMessageRule, type SimulatedUser } from './state';
import { failure, noContent, ok, type Failure, type GraphContext, type RouteRequest, type RouteResult } from './wire';

const RULE_PROPERTIES = [
  'id',
  'displayName',
  'sequence',
  'isEnabled',
  'hasError',
  'isReadOnly',
  'conditions',
  'actions',
] as const;

/** `GET /users/{id}/mailFolders/inbox/messageRules` */
export function listMessageRules(request: RouteRequest, context: GraphContext, key: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select']);
  const select = resolveSelect(options.select, RULE_PROPERTIES, 'messageRule');
  const mailbox = findMailbox(context, key);
  if ('kind' in mailbox) return mailbox;
  return ok({
    '@odata.context': `${rulesContext(context, mailbox.user)}${select === undefined ? '' : `(${select.join(',')})`}`,
    value: [...mailbox.rules]
      .sort((a, b) => a.sequence - b.sequence)
      .map((rule) => project(ruleResource(rule), select)),
  });
}

/** `GET /users/{id}/mailFolders/inbox/messageRules/{ruleId}` */
export function getMessageRule(request: RouteRequest, context: GraphContext, key: string, ruleId: string): RouteResult {
  const options = readQueryOptions(request.query, ['$select']);
  const select = resolveSelect(options.select, RULE_PROPERTIES, 'messageRule');
  const mailbox = findMailbox(context, key);
  if ('kind' in mailbox) return mailbox;
  const rule = mailbox.rules.find((candidate) => candidate.id === ruleId);
  if (rule === undefined) return ruleNotFound();
  return ok({
    '@odata.context': `${rulesContext(context, mailbox.user)}/$entity`,
    ...project(ruleResource(rule), select),
  });
}

/** `DELETE /users/{id}/mailFolders/inbox/messageRules/{ruleId}` */
export function deleteMessageRule(
  _request: RouteRequest,
  context: GraphContext,
  key: string,
  ruleId: string,
): RouteResult {
  const mailbox = findMailbox(context, key);
  if ('kind' in mailbox) return mailbox;
  const index = mailbox.rules.findIndex((candidate) => candidate.id === ruleId);
  if (index === -1) return ruleNotFound();
  mailbox.rules.splice(index, 1);
  return noContent();
}

function findMailbox(context: GraphContext, key: string): (SimulatedMailbox & { user: SimulatedUser }) | Failure {
  const found = findUser(context.tenant, key);
  if (found === undefined) return failure(404, 'ErrorInvalidUser', `The requested user '${key}' is invalid.`);
  const mailbox = found.user.mailbox;
  if (mailbox === null) {
    return failure(
      404,
      'MailboxNotEnabledForRESTAPI',
      'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    );
  }
  return { user: found.user, rules: mailbox.rules };
}

function rulesContext(context: GraphContext, user: SimulatedUser): string {
  return `${context.serviceRoot}/$metadata#users('${user.id}')/mailFolders('inbox')/messageRules`;
}

function ruleNotFound(): Failure {
  return failure(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

/** Copies, so a caller can never reach into the tenant through an answer. */
function ruleResource(rule: SimulatedMessageRule): Record<string, unknown> {
  return {
    id: rule.id,
    displayName: rule.displayName,
    sequence: rule.sequence,
    isEnabled: rule.isEnabled,
    hasError: rule.hasError,
    isReadOnly: rule.isReadOnly,
    conditions: structuredClone(rule.conditions),
    actions: structuredClone(rule.actions),
  };
}
