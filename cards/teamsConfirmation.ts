/**
 * The cards of a confirmation asked in Teams: the question in the user's (or manager's) 1:1 chat with
 * Yes and No (carrying only the question's id), the answer as the operator reads it (a Yes with
 * Continue, which opens the step's confirmation again, now with the Yes behind it), and the thanks.
 */
import type { Attachment } from 'botbuilder';
import { text, type Text } from '../src/i18n/text';
import type { TeamsConfirmation } from '../src/operations/ports';
import { stepDefinition, stepLabel, type StepId } from '../src/steps/registry';
import { messageCard, VERBS, type CardView } from './index';

export function confirmationQuestionCard(confirmation: TeamsConfirmation, view: CardView): Attachment {
  const definition = stepDefinition(confirmation.step.id);
  const action = stepLabel(confirmation.step);
  const question: Text =
    confirmation.method === 'userInTeams' && definition?.kind === 'write' && definition.askUser
      ? text(definition.askUser)
      : text('teamsConfirm.ask.manager', { user: confirmation.target.displayName, action });
  return messageCard(
    {
      heading: question,
      paragraphs: [text('teamsConfirm.asker', { operator: confirmation.operator.name, time: confirmation.askedAt })],
      buttons: [
        { title: text('teamsConfirm.yes'), action: { verb: VERBS.answerConfirmation, promptId: confirmation.id, answer: 'yes' } },
        { title: text('teamsConfirm.no'), action: { verb: VERBS.answerConfirmation, promptId: confirmation.id, answer: 'no' } },
      ],
    },
    view,
  );
}

/** For the operator, in the chat they asked from. */
export function confirmationAnswerCard(confirmation: TeamsConfirmation, view: CardView): Attachment {
  const answer = confirmation.answer;
  const name = answer?.by.name ?? confirmation.asked.displayName;
  const time = answer?.at ?? confirmation.askedAt;
  if (confirmation.state === 'denied') {
    return messageCard({ heading: text('result.deniedInTeams', { name, time }), paragraphs: [text('alert.denied.advice', { target: confirmation.target.displayName })] }, view);
  }
  const { step } = confirmation;
  return messageCard(
    {
      heading: text('teamsConfirm.confirmed', { name, time }),
      paragraphs: [],
      buttons: [
        {
          title: text('teamsConfirm.continue', { action: stepLabel(step) }),
          action: { verb: VERBS.step, cardId: confirmation.cardId, step: step.id as StepId, ...(step.itemId ? { itemId: step.itemId } : {}) },
        },
      ],
    },
    view,
  );
}

export function confirmationThanksCard(answered: 'yes' | 'no' | 'gone', view: CardView): Attachment {
  const heading = answered === 'yes' ? 'teamsConfirm.thanksYes' : answered === 'no' ? 'teamsConfirm.thanksNo' : 'teamsConfirm.gone';
  return messageCard({ heading: text(heading), paragraphs: [] }, view);
}
