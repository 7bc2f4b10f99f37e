import type { z } from 'zod';
import { contract, isChannelName, type ChannelName, type Envelope, type Output, type ParsedInput } from '../../shared/contract/index';
import { errorMessage } from '../../shared/i18n/errors';
import { fieldLabel } from '../../shared/i18n/fields';
import { asLocale, type Locale } from '../../shared/i18n/locales';
import { DomainError } from './errors';

export type Handler<N extends ChannelName> = (input: ParsedInput<N>) => Output<N>;
export type Handlers<N extends ChannelName> = { [K in N]: Handler<K> };

export interface Registry {
  dispatch(channel: unknown, input: unknown, locale: unknown): Envelope<unknown>;
}

/**
 * One registry serves every host. Feature maps are merged here; a channel registered twice, or a
 * contract channel left without a handler, stops start-up rather than failing a user later.
 */
export function createRegistry(
  featureMaps: Partial<Record<ChannelName, unknown>>[],
  log: (error: unknown) => void = (error) => console.error(error),
): Registry {
  const handlers = new Map<ChannelName, (input: unknown) => unknown>();
  for (const map of featureMaps) {
    for (const [name, handler] of Object.entries(map)) {
      if (!isChannelName(name)) throw new Error(`Handler for a channel the contract does not know: ${name}`);
      if (handlers.has(name)) throw new Error(`Channel registered twice: ${name}`);
      handlers.set(name, handler as (input: unknown) => unknown);
    }
  }
  const missing = Object.keys(contract).filter((name) => !handlers.has(name as ChannelName));
  if (missing.length > 0) throw new Error(`Channels without a handler: ${missing.join(', ')}`);

  return {
    dispatch(channel, input, rawLocale) {
      const locale = asLocale(rawLocale);
      if (!isChannelName(channel)) {
        return fail(locale, 'request.unknownChannel', { channel: String(channel).slice(0, 80) });
      }
      const parsed = (contract[channel].input as z.ZodType).safeParse(input ?? {});
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '—'))].slice(0, 5);
        return fail(locale, 'request.invalid', { fields: fields.map((field) => fieldLabel(field, locale)).join(', ') }, fields[0]);
      }
      try {
        return { ok: true, value: handlers.get(channel)!(parsed.data) };
      } catch (error) {
        if (error instanceof DomainError) {
          return fail(locale, error.code, error.params, error.field, error.details);
        }
        log(error);
        return fail(locale, 'internal', { detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
      }
    },
  };
}

function fail(
  locale: Locale,
  code: DomainError['code'],
  params: Record<string, unknown>,
  field?: string,
  details?: unknown,
): Envelope<never> {
  return {
    ok: false,
    error: {
      code,
      message: errorMessage(code, locale, params),
      ...(field === undefined ? {} : { field }),
      ...(details === undefined ? {} : { details }),
    },
  };
}
