/**
 * The least an HTTP body must look like before botbuilder sees it: an activity with a type, a
 * conversation, a sender and a service URL, each of the right type. Teams always sends these; a body
 * without them is not from Teams, and botbuilder would fail on it with a 500 instead of a 400.
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
 */
import { z } from 'zod';

const account = z.looseObject({ id: z.string().max(512), name: z.string().max(512).optional(), aadObjectId: z.string().max(128).optional() });

const activityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().max(64),
  serviceUrl: z.string().url().max(2048),
  from: account,
  recipient: account.optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(1024), conversationType: z.string().max(64).optional(), tenantId: z.string().max(128).optional() }),
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  name: z.string().max(256).optional(),
  channelData: z.looseObject({}).optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
});

export function isActivityShaped(body: unknown): boolean {
  return activityShape.safeParse(body).success;
}
