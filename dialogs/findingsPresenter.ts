/**
 * Checking an account and turning the result into a findings card: used when a user is first
 * checked, when "Check again" is clicked, and after a remediation to show the new state.
 */
import type { Attachment, TurnContext } from 'botbuilder';
import { findingsCard, messageCard, type Banner } from '../cards';
import { diagnose } from '../src/diagnosis/diagnose';
import type { Diagnosis } from '../src/domain/diagnosis';
import type { UserSummary } from '../src/domain/account';
import { text } from '../src/i18n/text';
import type { DialogDependencies } from './dependencies';
import { actorOf, viewOf } from './turn';

export type CheckedCard =
  | { readonly kind: 'card'; readonly card: Attachment; readonly diagnosis: Diagnosis }
  | { readonly kind: 'problem'; readonly card: Attachment };

/** Reads the account (one `$batch` + the Exchange check), diagnoses it and renders the card. */
export async function checkAccount(
  context: TurnContext,
  deps: DialogDependencies,
  user: UserSummary,
  banner?: Banner,
): Promise<CheckedCard> {
  const read = await deps.directory.readAccountState(user);
  const view = viewOf(context);
  if (read.kind === 'userNotFound') {
    return { kind: 'problem', card: messageCard({ heading: text('unlock.userGone'), paragraphs: [] }, view) };
  }
  if (read.kind === 'unavailable') {
    return {
      kind: 'problem',
      card: messageCard(
        {
          heading: text('unlock.unavailable'),
          paragraphs: [text(`cause.${read.cause}`), ...(read.requestId ? [text('result.requestId', { requestId: read.requestId })] : [])],
        },
        view,
      ),
    };
  }
  const diagnosis = diagnose(read.state);
  const card = await presentDiagnosis(context, deps, user, diagnosis, read.state.checkedAt, banner);
  return { kind: 'card', card, diagnosis };
}

/** Records what the card offers (server side) and renders it. */
export async function presentDiagnosis(
  context: TurnContext,
  deps: DialogDependencies,
  user: UserSummary,
  diagnosis: Diagnosis,
  checkedAt: string,
  banner?: Banner,
): Promise<Attachment> {
  const cardId = await deps.remediation.recordOffer({
    target: user,
    diagnosis,
    checkedAt,
    conversationId: context.activity.conversation.id,
    requestedBy: actorOf(context)?.aadObjectId ?? '',
  });
  return findingsCard({ user, diagnosis, cardId, checkedAt, ...(banner ? { banner } : {}) }, viewOf(context));
}
