/** What a user chose for themselves, kept per user in botbuilder `UserState`. */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Locale } from '../i18n/catalogue';
import { setLanguageOverride } from '../../dialogs/turn';

export interface UserPreferences {
  /** Set by "language lv|en"; absent means "follow the Teams locale". */
  readonly language?: Locale;
}

export type PreferencesAccessor = StatePropertyAccessor<UserPreferences>;

/** Applies the user's chosen language to this turn, before any reply is written. */
export async function applyPreferences(context: TurnContext, preferences: PreferencesAccessor): Promise<void> {
  const current = await preferences.get(context, {});
  setLanguageOverride(context, current.language);
}
