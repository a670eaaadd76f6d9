/**
 * What can be wrong with a card before anyone sees it, found with Microsoft's Adaptive Cards
 * renderer (the JavaScript one: it parses and validates without a DOM) plus the checks it does not
 * make: unexpanded template expressions, untranslated catalogue keys, and buttons whose data our own
 * action schema would refuse. Each problem is one readable line, so a failing test says what to fix.
 */
import * as AC from 'adaptivecards';
import { parseCardAction } from '../../cards/actions';
import { TEAMS_LIGHT_HOST_CONFIG } from '../../scripts/teamsHostConfig';
import { en } from '../../src/i18n/en';
import { enConversation } from '../../src/i18n/enConversation';
import { enVerification } from '../../src/i18n/enVerification';

const CATALOGUE_KEYS: ReadonlySet<string> = new Set([...Object.keys(en), ...Object.keys(enConversation), ...Object.keys(enVerification)]);

/** Words joined by dots, like catalogue keys (`help.heading`, `finding.signInBlocked.title`). */
const DOTTED_WORDS = /\b[a-z]+(?:\.[a-zA-Z0-9]+)+\b/g;
/** A catalogue placeholder the translation left in (`{name}`, `{count}`). */
const LEFT_PLACEHOLDER = /\{[a-zA-Z]+\}/;

type Json = Record<string, unknown>;

export function cardProblems(card: Json): string[] {
  return [...rendererProblems(card), ...textProblems(card), ...actionProblems(card), ...imageProblems(card)];
}

const teamsHostConfig = new AC.HostConfig(TEAMS_LIGHT_HOST_CONFIG);

/**
 * Parse and validate as a 1.5 card with Teams' host config (six buttons per action bar); any parse
 * event (error or warning) or validation event is a problem.
 */
function rendererProblems(card: Json): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard') problems.push(`type is ${String(card.type)}, not AdaptiveCard`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}, not 1.5`);

  const adaptiveCard = new AC.AdaptiveCard();
  adaptiveCard.hostConfig = teamsHostConfig;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  adaptiveCard.parse(card, context);
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of adaptiveCard.validateProperties().validationEvents) {
    problems.push(`validation: ${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  return problems;
}

function textProblems(card: Json): string[] {
  const problems: string[] = [];
  if (JSON.stringify(card).includes('${')) problems.push('an unexpanded ${…} template expression is left in the card');
  for (const value of shownStrings(card)) {
    for (const words of value.match(DOTTED_WORDS) ?? []) {
      if (CATALOGUE_KEYS.has(words)) problems.push(`raw catalogue key "${words}" in "${value}"`);
    }
    if (LEFT_PLACEHOLDER.test(value)) problems.push(`unfilled placeholder in "${value}"`);
  }
  return problems;
}

/** Every action: a title people can read; `Action.Execute`: a verb and data our action schema accepts. */
function actionProblems(card: Json): string[] {
  const problems: string[] = [];
  for (const action of objects(card).filter((object) => typeof object.type === 'string' && object.type.startsWith('Action.'))) {
    const title = typeof action.title === 'string' ? action.title.trim() : '';
    if (!title) problems.push(`${String(action.type)} without a title`);
    if (action.type === 'Action.Execute') {
      if (typeof action.verb !== 'string' || !action.verb) {
        problems.push(`Action.Execute "${title}" without a verb`);
      } else if (!parseCardAction(action.verb, action.data)) {
        problems.push(`Action.Execute "${title}": parseCardAction refuses verb ${action.verb} with data ${JSON.stringify(action.data)}`);
      }
    }
  }
  return problems;
}

function imageProblems(card: Json): string[] {
  return objects(card)
    .filter((object) => object.type === 'Image' && !(typeof object.altText === 'string' && object.altText.trim()))
    .map((image) => `Image ${String(image.url)} without altText`);
}

/** Every object in the card, depth first. */
function objects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value && typeof value === 'object') {
    const object = value as Json;
    return [object, ...Object.values(object).flatMap(objects)];
  }
  return [];
}

/** Strings a person may see: everything but the machine parts (types, verbs, action data, enums). */
const MACHINE_PROPERTIES: ReadonlySet<string> = new Set(['type', '$schema', 'version', 'verb', 'data', 'id', 'style', 'color', 'size', 'weight', 'spacing', 'fontType', 'horizontalAlignment']);

function shownStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(shownStrings);
  if (value && typeof value === 'object') {
    return Object.entries(value as Json).flatMap(([property, inner]) => (MACHINE_PROPERTIES.has(property) ? [] : shownStrings(inner)));
  }
  return [];
}
