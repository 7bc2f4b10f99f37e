import type { z } from 'zod';
import {
  contract,
  coreContract,
  isChannelName,
  type ChannelName,
  type CoreChannelName,
  type Envelope,
  type Output,
  type ParsedInput,
} from '../../shared/contract/index';
import { errorMessage } from '../../shared/i18n/errors';
import { fieldLabel } from '../../shared/i18n/fields';
import { asLocale, type Locale } from '../../shared/i18n/locales';
import { DomainError } from './errors';

export type AuditAction = 'create' | 'change' | 'delete';
export type Audit = (action: AuditAction, entity: string, id: number | null, oldValue: unknown, newValue: unknown) => void;

/** What a handler may know about the caller besides the request. */
export interface CallContext {
  locale: Locale;
  /** The signed-in login, recorded with what the call changes. */
  user: string;
  audit: Audit;
}

export type Handler<N extends ChannelName> = (input: ParsedInput<N>, context: CallContext) => Output<N>;
export type Handlers<N extends ChannelName> = { [K in N]: Handler<K> };

export interface Registry {
  dispatch: (channel: unknown, input: unknown, locale: unknown) => Envelope<unknown>;
  /** The access check alone, for channels a host serves itself; null when the call may go ahead. */
  authorize: (channel: ChannelName, locale: Locale) => Envelope<never> | null;
}

export interface RegistryOptions {
  log?: (error: unknown) => void;
  /** Refuses a call the session may not make; null lets it through. */
  authorize?: (channel: ChannelName, locale: Locale) => { code: DomainError['code']; params?: Record<string, unknown> } | null;
  /** The caller's login and the audit trail bound to it. */
  caller?: () => { user: string; audit: Audit };
  /** Runs a handler and its audit entries as one transaction. */
  transaction?: <T>(work: () => T) => T;
}

type Parsed = { ok: true; channel: ChannelName; data: unknown; locale: Locale } | { ok: false; envelope: Envelope<never> };

/** The boundary check every request passes, whichever host and whoever serves it. */
export function parseRequest(channel: unknown, input: unknown, rawLocale: unknown): Parsed {
  const locale = asLocale(rawLocale);
  if (!isChannelName(channel)) {
    return { ok: false, envelope: fail(locale, 'request.unknownChannel', { channel: String(channel).slice(0, 80) }) };
  }
  const parsed = (contract[channel].input as z.ZodType).safeParse(input ?? {});
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '—'))].slice(0, 5);
    const labels = fields.map((field) => fieldLabel(field, locale)).join(', ');
    return { ok: false, envelope: fail(locale, 'request.invalid', { fields: labels }, fields[0]) };
  }
  return { ok: true, channel, data: parsed.data, locale };
}

/** A refusal by rule keeps its code and words; anything else is logged and reported as internal. */
export function errorEnvelope(error: unknown, locale: Locale, log: (error: unknown) => void): Envelope<never> {
  if (error instanceof DomainError) return fail(locale, error.code, error.params, error.field, error.details);
  log(error);
  return fail(locale, 'internal', { detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
}

/**
 * One registry serves every host. Feature maps are merged here; a channel registered twice, or a
 * contract channel left without a handler, stops start-up rather than failing a user later.
 */
export function createRegistry(featureMaps: Partial<Record<ChannelName, unknown>>[], options: RegistryOptions = {}): Registry {
  const log = options.log ?? ((error: unknown) => console.error(error));
  const caller = options.caller ?? (() => ({ user: 'system', audit: () => {} }));
  const transaction = options.transaction ?? (<T>(work: () => T) => work());
  const authorize = (channel: ChannelName, locale: Locale): Envelope<never> | null => {
    const refusal = options.authorize?.(channel, locale);
    return refusal ? fail(locale, refusal.code, refusal.params ?? {}) : null;
  };
  const handlers = new Map<ChannelName, (input: unknown, context: CallContext) => unknown>();
  for (const map of featureMaps) {
    for (const [name, handler] of Object.entries(map)) {
      if (!isChannelName(name)) throw new Error(`Handler for a channel the contract does not know: ${name}`);
      if (handlers.has(name)) throw new Error(`Channel registered twice: ${name}`);
      handlers.set(name, handler as (input: unknown, context: CallContext) => unknown);
    }
  }
  const missing = Object.keys(coreContract).filter((name) => !handlers.has(name as CoreChannelName));
  if (missing.length > 0) throw new Error(`Channels without a handler: ${missing.join(', ')}`);

  return {
    authorize,
    dispatch(channel, input, rawLocale) {
      const request = parseRequest(channel, input, rawLocale);
      if (!request.ok) return request.envelope;
      const handler = handlers.get(request.channel);
      // A host channel reaching the core means the host does not serve it: unknown here.
      if (!handler) return fail(request.locale, 'request.unknownChannel', { channel: request.channel });
      const refused = authorize(request.channel, request.locale);
      if (refused) return refused;
      try {
        const { user, audit } = caller();
        return { ok: true, value: transaction(() => handler(request.data, { locale: request.locale, user, audit })) };
      } catch (error) {
        return errorEnvelope(error, request.locale, log);
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
