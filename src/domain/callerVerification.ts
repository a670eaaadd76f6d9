/**
 * What an operator checks a caller against before a sensitive change (issue 10, "Show the operator
 * what a verifier needs"): where the failing and risky sign-ins came from and whether that place is
 * new for the user, callback facts from the directory, and warnings about the identity itself.
 * Plain data made by the diagnosis; the findings card shows it to operators only.
 */
import type { UnavailableCause } from './account';

/** A part the card shows as "could not read", with why. */
export interface NotRead {
  readonly kind: 'unavailable';
  readonly cause: UnavailableCause;
}

export type Readable<T> = { readonly kind: 'ok'; readonly value: T } | NotRead;

/**
 * How a sign-in's place compares with the user's successful sign-ins of the last 30 days:
 * - `newCountry`: never from this country (the impostor and password-spray pattern);
 * - `newCity`: the country is known, this city is not;
 * - `known`: the user signed in successfully from here;
 * - `noHistory`: no successful sign-in in 30 days to compare with (a new or long-absent user);
 * - `unknown`: the log gave no place, or the last 30 days could not be read.
 */
export type PlaceNovelty = 'newCountry' | 'newCity' | 'known' | 'noHistory' | 'unknown';

/** Failing or risky sign-ins from one place, app and device, grouped. */
export interface SignInOrigin {
  readonly failed: number;
  /** Sign-ins Identity Protection rated low, medium or high risk, failed or not. */
  readonly risky: number;
  readonly lastAt: string;
  readonly city?: string;
  readonly countryOrRegion?: string;
  readonly ipAddress?: string;
  readonly app?: string;
  /** Operating system, browser and device name, as the log gives them. */
  readonly device?: string;
  readonly novelty: PlaceNovelty;
}

export interface SignInOrigins {
  /** Newest first, at most a few; `more` counts the groups left out. */
  readonly origins: readonly SignInOrigin[];
  readonly more: number;
  /** Countries of failing or risky sign-ins the user has not signed in from in 30 days, shown or not. */
  readonly newCountries: readonly string[];
  /** Whether the last 30 days could be read: without them no place is called new. */
  readonly earlierRead: boolean;
  /** Countries of the user's successful sign-ins of the last 30 days, most frequent first. */
  readonly usualCountries: readonly string[];
}

export type IdentityWarning =
  /** A guest (B2B) account: `userType` Guest, or an `#EXT#` UPN. Their identity is vouched for by another organisation. */
  | { readonly kind: 'guest' }
  /** The display name mixes writing systems (Latin and Cyrillic, …). */
  | { readonly kind: 'mixedScripts'; readonly scripts: readonly string[] }
  /** Characters that look like Latin letters but are not, or invisible ones: 'а' (Cyrillic) for 'a'. */
  | { readonly kind: 'lookAlike'; readonly characters: readonly LookAlikeCharacter[] }
  /** Other users have exactly this display name. */
  | { readonly kind: 'sharedName'; readonly others: readonly string[] }
  /** Created within NEW_ACCOUNT_DAYS. */
  | { readonly kind: 'newAccount'; readonly createdAt: string }
  /** Failing or risky sign-ins from a country the user has not signed in from in 30 days. */
  | { readonly kind: 'newCountry'; readonly countries: readonly string[]; readonly usualCountries: readonly string[] };

/** The warnings that say the caller may not be the user (a shared name or mixed scripts ask for a closer look). */
export type CallerDoubt = Extract<IdentityWarning, { readonly kind: 'newCountry' | 'lookAlike' | 'newAccount' | 'guest' }>;

export interface LookAlikeCharacter {
  readonly character: string;
  /** The writing system it belongs to (`Cyrillic`, `Greek`, …), or `invisible`. */
  readonly script: string;
  /** The Latin letter it imitates; absent for invisible characters. */
  readonly looksLike?: string;
}

export interface ManagerFacts {
  readonly displayName: string;
  /** How to reach them: mail (or UPN, their Teams address), and a masked phone. */
  readonly address?: string;
  readonly phone?: string;
  readonly jobTitle?: string;
}

export interface CallerVerification {
  /** Most serious first; shown before the facts. */
  readonly warnings: readonly IdentityWarning[];
  readonly signIns: Readable<SignInOrigins>;
  /** Masked: only the last digits show. */
  readonly mobilePhone?: string;
  readonly businessPhones: readonly string[];
  /** Absent when not read; `null` when the user has no manager. */
  readonly manager?: Readable<ManagerFacts | null>;
  /** Absent when the same-name lookup was not part of this read. */
  readonly sameNameChecked?: Readable<true>;
  readonly department?: string;
  readonly jobTitle?: string;
  readonly officeLocation?: string;
  readonly passwordChangedAt?: string;
  readonly createdAt?: string;
}
