/**
 * What a card button may send back, validated with a schema before anything else happens. A card's
 * data is user-controlled input: unknown verbs, missing or extra fields and oversize values are
 * refused here. Ids only point into server-side records; nothing in a card names a target directly.
 */
import { z } from 'zod';
import { STEP_IDS } from '../src/steps/registry';
import { VERIFICATION_METHODS } from '../src/steps/step';

export const VERBS = {
  chooseUser: 'unlock.chooseUser',
  step: 'unlock.step',
  confirm: 'unlock.confirm',
  cancel: 'unlock.cancel',
  recheck: 'unlock.recheck',
  hideSecret: 'unlock.hideSecret',
  askHelpdesk: 'unlock.askHelpdesk',
  takeRequest: 'unlock.takeRequest',
  resolveRequest: 'unlock.resolveRequest',
  answerConfirmation: 'unlock.answerConfirmation',
  assignRequest: 'unlock.assignRequest',
  checkRequest: 'unlock.checkRequest',
  withdrawRequest: 'unlock.withdrawRequest',
  showActions: 'unlock.showActions',
  showRequestActions: 'unlock.showRequestActions',
} as const;

const id = z.string().regex(/^[0-9a-f-]{36}$/, 'an id');
const itemId = z.string().min(1).max(512).optional();
const step = z.enum(STEP_IDS);

const chooseUser = z.strictObject({ verb: z.literal(VERBS.chooseUser), choiceId: id, index: z.number().int().min(0).max(9) });
const requestStep = z.strictObject({ verb: z.literal(VERBS.step), cardId: id, step, itemId });
// What the operator chose on a confirmation card that asks (a pass's lifetime and one-time use); Teams
// sends input values as strings, merged into the button's data.
const lifetimeMinutes = z.string().regex(/^\d{1,5}$/).optional();
const usableOnce = z.enum(['true', 'false']).optional();
const verifiedBy = z.enum(VERIFICATION_METHODS).optional();
const confirm = z.strictObject({ verb: z.literal(VERBS.confirm), cardId: id, step, itemId, lifetimeMinutes, usableOnce, verifiedBy, confirmationId: id.optional() });
const cancel = z.strictObject({ verb: z.literal(VERBS.cancel), cardId: id });
const recheck = z.strictObject({ verb: z.literal(VERBS.recheck), cardId: id });
// The step whose secret it was, so the hidden card says what was hidden, and when it may be done again
// (only shown; the step's claim decides).
const hideSecret = z.strictObject({ verb: z.literal(VERBS.hideSecret), step, repeatAt: z.string().datetime().optional() });

// Help requests: the draft an "Ask the helpdesk" button raises, and the request a channel card is about.
const askHelpdesk = z.strictObject({ verb: z.literal(VERBS.askHelpdesk), draftId: id });
const takeRequest = z.strictObject({ verb: z.literal(VERBS.takeRequest), requestId: id });
// Resolve's note and Assign's choice are card inputs, merged into the button's data by Teams as strings;
// without them the click asks for them. The assignee is re-checked as an operator at the click.
const resolveRequest = z.strictObject({ verb: z.literal(VERBS.resolveRequest), requestId: id, note: z.string().max(600).optional() });
const assignRequest = z.strictObject({ verb: z.literal(VERBS.assignRequest), requestId: id, assigneeId: z.union([id, z.literal('')]).optional() });
const checkRequest = z.strictObject({ verb: z.literal(VERBS.checkRequest), requestId: id });
const withdrawRequest = z.strictObject({ verb: z.literal(VERBS.withdrawRequest), requestId: id });

// A shared card's buttons for an operator: the refresh Teams runs for the card's `userIds`, or the click.
const showActions = z.strictObject({ verb: z.literal(VERBS.showActions), cardId: id });
// The same for a help-request card: the request's id only; who clicked is re-checked as an operator.
const showRequestActions = z.strictObject({ verb: z.literal(VERBS.showRequestActions), requestId: id });

// The Yes or No of someone asked in Teams: the question's id only; who may answer is read from the activity.
const answerConfirmation = z.strictObject({ verb: z.literal(VERBS.answerConfirmation), promptId: id, answer: z.enum(['yes', 'no']) });

export const cardActionSchema = z.discriminatedUnion('verb', [answerConfirmation, chooseUser, requestStep, confirm, cancel, recheck, hideSecret, askHelpdesk, takeRequest, resolveRequest, assignRequest, checkRequest, withdrawRequest, showActions, showRequestActions]);

export type CardAction = z.infer<typeof cardActionSchema>;
export type CardActionOf<V extends CardAction['verb']> = Extract<CardAction, { verb: V }>;

/** Card data larger than this is not ours. */
export const MAX_ACTION_DATA_BYTES = 2048;

/**
 * Reads `Action.Execute`'s verb and data from an `adaptiveCard/action` invoke. Teams sends the data
 * as given in the card; the verb travels beside it, so both are checked together.
 */
export function parseCardAction(verb: unknown, data: unknown): CardAction | undefined {
  if (JSON.stringify(data ?? {}).length > MAX_ACTION_DATA_BYTES) {
    return undefined;
  }
  const candidate = data && typeof data === 'object' && !Array.isArray(data) ? { ...data, verb } : { verb };
  const parsed = cardActionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** The `data` a card button carries: the action without its verb, which `Action.Execute` holds. */
export function actionData(action: CardAction): Record<string, unknown> {
  const { verb: _verb, ...data } = action;
  return data;
}
