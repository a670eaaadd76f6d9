/**
 * The `Reason` of a restricted sender (`Get-BlockedSenderAddress`) in plain words. Microsoft does not
 * document its format; seen in public scripts and support notes are `;`-separated tokens, a bare
 * cause plus `key=value` (sometimes `key:value`) pairs, e.g.
 *   EmailSendingLimitExceeded;InternalRecipientCountToday=0;ExternalRecipientCountToday=10001;ExceedingLimitType=External
 *   OutboundSpamLast24Hours=120;OutboundMailLast24Hours=130;OutboundSpamPercent=92;Last Spam Message MessagetraceId:…
 * Anything we do not recognise is shown as it is.
 */
import { text, type Text } from '../i18n/text';

export type RestrictionReason =
  | {
      readonly kind: 'sendingLimit';
      readonly limitType?: 'internal' | 'external';
      readonly internalRecipients?: number;
      readonly externalRecipients?: number;
    }
  | { readonly kind: 'outboundSpam'; readonly spamMessages?: number; readonly allMessages?: number }
  | { readonly kind: 'unrecognised' };

export function parseRestrictionReason(reason: string): RestrictionReason {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (const token of reason.split(';')) {
    const trimmed = token.trim();
    if (trimmed === '') continue;
    const pair = /^([^=:]+)[=:](.*)$/.exec(trimmed);
    if (pair === null) flags.add(normalise(trimmed));
    else values.set(normalise(pair[1] ?? ''), (pair[2] ?? '').trim());
  }
  const has = (key: string): boolean => values.has(key);
  if (flags.has('emailsendinglimitexceeded') || has('exceedinglimittype') || has('externalrecipientcounttoday')) {
    const limitType = values.get('exceedinglimittype')?.toLowerCase();
    return {
      kind: 'sendingLimit',
      ...(limitType === 'internal' || limitType === 'external' ? { limitType } : {}),
      ...numberField('internalRecipients', values.get('internalrecipientcounttoday')),
      ...numberField('externalRecipients', values.get('externalrecipientcounttoday')),
    };
  }
  if (has('outboundspamlast24hours') || has('outboundspampercent')) {
    return {
      kind: 'outboundSpam',
      ...numberField('spamMessages', values.get('outboundspamlast24hours')),
      ...numberField('allMessages', values.get('outboundmaillast24hours')),
    };
  }
  return { kind: 'unrecognised' };
}

/** One or two sentences that explain the reason; the raw text when it means nothing to us. */
export function restrictionReasonTexts(reason: string | undefined): Text[] {
  if (reason === undefined || reason.trim() === '') return [];
  const parsed = parseRestrictionReason(reason);
  switch (parsed.kind) {
    case 'sendingLimit': {
      const texts = [
        text(
          parsed.limitType === 'internal'
            ? 'finding.restrictedSender.reason.sendingLimitInternal'
            : parsed.limitType === 'external'
              ? 'finding.restrictedSender.reason.sendingLimitExternal'
              : 'finding.restrictedSender.reason.sendingLimit',
        ),
      ];
      if (parsed.internalRecipients !== undefined && parsed.externalRecipients !== undefined) {
        texts.push(
          text('finding.restrictedSender.reason.recipientCounts', {
            internal: parsed.internalRecipients,
            external: parsed.externalRecipients,
          }),
        );
      }
      return texts;
    }
    case 'outboundSpam': {
      const texts = [text('finding.restrictedSender.reason.outboundSpam')];
      if (parsed.spamMessages !== undefined && parsed.allMessages !== undefined) {
        texts.push(
          text('finding.restrictedSender.reason.spamCounts', { spam: parsed.spamMessages, total: parsed.allMessages }),
        );
      }
      return texts;
    }
    case 'unrecognised':
      return [text('finding.restrictedSender.reason.raw', { reason: reason.trim() })];
  }
}

function normalise(key: string): string {
  return key.replace(/\s+/g, '').toLowerCase();
}

function numberField<K extends string>(name: K, value: string | undefined): Partial<Record<K, number>> {
  if (value === undefined || value === '') return {};
  const n = Number(value);
  return Number.isFinite(n) ? ({ [name]: n } as Partial<Record<K, number>>) : {};
}
