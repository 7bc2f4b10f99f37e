import type { z } from 'zod';
import { access } from '../../shared/contract/access';
import {
  contract,
  coreContract,
  isChannelName,
  type ChannelName,
  type Contract,
  type CoreChannelName,
  type Envelope,
  type Output,
  type ParsedInput,
} from '../../shared/contract/index';
import { errorMessage, isErrorCode } from '../../shared/i18n/errors';
import { fieldLabel } from '../../shared/i18n/fields';
import { asLocale, type Locale } from '../../shared/i18n/locales';
import type { AuditAction, AuditEntry } from './audit/trail';
import { DomainError } from './errors';

/** What a handler may know about the caller besides the request. */
export interface CallContext {
  locale: Locale;
  /** The signed-in login, recorded with what the call changes. */
  user: string;
}

export type Handler<N extends ChannelName> = (input: ParsedInput<N>, context: CallContext) => Output<N>;

/**
 * How the registry records a write in the audit log. Every write channel has one, so a handler
 * cannot forget its entry: the registry writes it in the change's own transaction.
 */
export interface AuditDescription<N extends ChannelName> {
  /** What the log calls the changed record: 'route', 'setting', 'import'… */
  entity: string;
  /** The record as it was, read in the same transaction just before the change; null when there was none. */
  before?: (input: ParsedInput<N>) => unknown;
  /** The record's id in the log; without it, the answer's `id`, else the request's, else none. */
  id?: (input: ParsedInput<N>, output: Output<N>) => number | null;
  /** What the log keeps as the new value; without it, the answer (never the request, which may hold a password). */
  after?: (input: ParsedInput<N>, output: Output<N>) => unknown;
  /** Without it: 'create' when there was nothing before, 'delete' when nothing is after, else 'change'. */
  action?: AuditAction;
}

/** A write channel: its handler and how it is audited. */
export interface Write<N extends ChannelName> {
  audit: AuditDescription<N>;
  run: Handler<N>;
}

/** A read channel is a bare handler; a write (or export) channel must say how it is audited. */
export type Entry<N extends CoreChannelName> = Contract[N]['effect'] extends 'read' ? Handler<N> : Write<N>;
export type Handlers<N extends CoreChannelName> = { [K in N]: Entry<K> };

export interface Registry {
  dispatch: (channel: unknown, input: unknown, locale: unknown) => Envelope<unknown>;
  /** The access check alone, for channels a host serves itself; null when the call may go ahead. */
  authorize: (channel: ChannelName, locale: Locale) => Envelope<never> | null;
  /** The signed-in login, or null when nobody is. */
  who: () => string | null;
  /**
   * Runs `work` as one write of `channel`: one transaction holding the change and its audit entry.
   * `by` is who made the call, for a host write whose first part ran before this (a restore may have signed them out).
   */
  audited: <N extends ChannelName>(
    channel: N,
    audit: AuditDescription<N>,
    input: ParsedInput<N>,
    work: () => Output<N>,
    by?: string,
  ) => Output<N>;
}

export interface RegistryLog {
  /** Something that is not a refusal by rule: a bug, reported to the user as internal. */
  error: (error: unknown) => void;
  /** Every refused request, by its code: what the log file keeps of a refusal. */
  refused: (channel: string, code: string) => void;
}

export interface RegistryOptions {
  log?: RegistryLog;
  /** Refuses a call the session may not make; null lets it through. */
  authorize?: (channel: ChannelName, locale: Locale) => { code: DomainError['code']; params?: Record<string, unknown> } | null;
  /** The signed-in login, or null when nobody is. */
  who?: () => string | null;
  /** Writes one audit entry (inside the transaction the registry opened). */
  record?: (entry: AuditEntry) => void;
  /** Runs a write and its audit entry as one transaction. */
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
    const refusal = schemaRefusal(parsed.error.issues, locale);
    if (refusal) return { ok: false, envelope: refusal };
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '—'))].slice(0, 5);
    const labels = fields.map((field) => fieldLabel(field, locale)).join(', ');
    return { ok: false, envelope: fail(locale, 'request.invalid', { fields: labels }, fields[0]) };
  }
  return { ok: true, channel, data: parsed.data, locale };
}

/**
 * A rule the schema states itself — a custom issue whose params name an error code — is refused
 * in that rule's words; any other mismatch names the fields to fill in correctly.
 */
function schemaRefusal(issues: z.ZodError['issues'], locale: Locale): Envelope<never> | null {
  for (const issue of issues) {
    if (issue.code !== 'custom') continue;
    const { code, ...params } = issue.params ?? {};
    if (isErrorCode(code)) return fail(locale, code, params, issue.path.join('.'));
  }
  return null;
}

/** A refusal by rule keeps its code and words; anything else is logged and reported as internal. */
export function errorEnvelope(error: unknown, locale: Locale, log: Pick<RegistryLog, 'error'>): Envelope<never> {
  if (error instanceof DomainError) return fail(locale, error.code, error.params, error.field, error.details);
  log.error(error);
  return fail(locale, 'internal', { detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
}

const consoleLog: RegistryLog = { error: (error) => console.error(error), refused: () => {} };

/**
 * Checks a feature's entries against the contract: a write channel without an audit description,
 * or a read channel dressed as a write, stops start-up instead of going unaudited later.
 */
export function checkEntry(name: ChannelName, entry: unknown): void {
  const writes = contract[name].effect !== 'read';
  const described = typeof entry === 'object' && entry !== null && 'audit' in entry && 'run' in entry;
  if (writes && !(described && typeof (entry as Write<ChannelName>).audit.entity === 'string')) {
    throw new Error(`Write channel without an audit description: ${name}`);
  }
  if (!writes && described) throw new Error(`Read channel with an audit description: ${name}`);
  if (!(name in access)) throw new Error(`Channel without an access rule: ${name}`);
}

const idOf = (value: unknown): number | null => {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'number' ? id : null;
};

/**
 * One registry serves every host. Feature maps are merged here; a channel registered twice, a
 * contract channel left without a handler or a write without an audit description stops start-up
 * rather than failing a user later. Reads run as they are; writes run in one transaction with
 * their audit entry.
 */
export function createRegistry(featureMaps: Partial<Record<ChannelName, unknown>>[], options: RegistryOptions = {}): Registry {
  const log = options.log ?? consoleLog;
  const who = options.who ?? (() => null);
  const record = options.record ?? (() => {});
  const transaction = options.transaction ?? (<T>(work: () => T) => work());
  const authorize = (channel: ChannelName, locale: Locale): Envelope<never> | null => {
    const refusal = options.authorize?.(channel, locale);
    return refusal ? fail(locale, refusal.code, refusal.params ?? {}) : null;
  };
  const entries = new Map<ChannelName, Handler<ChannelName> | Write<ChannelName>>();
  for (const map of featureMaps) {
    for (const [name, entry] of Object.entries(map)) {
      if (!isChannelName(name)) throw new Error(`Handler for a channel the contract does not know: ${name}`);
      if (entries.has(name)) throw new Error(`Channel registered twice: ${name}`);
      checkEntry(name, entry);
      entries.set(name, entry as Handler<ChannelName> | Write<ChannelName>);
    }
  }
  const missing = Object.keys(coreContract).filter((name) => !entries.has(name as CoreChannelName));
  if (missing.length > 0) throw new Error(`Channels without a handler: ${missing.join(', ')}`);

  const audited: Registry['audited'] = (channel, audit, input, work, caller) =>
    transaction(() => {
      const by = caller ?? who();
      const before = audit.before?.(input) ?? null;
      const output = work();
      const after = audit.after ? audit.after(input, output) : output;
      record({
        // Signing in or out changes who is there: the entry names whoever was there for it.
        login: who() ?? by ?? 'system',
        channel,
        action: audit.action ?? (before === null ? 'create' : after === null ? 'delete' : 'change'),
        entity: audit.entity,
        entityId: audit.id ? audit.id(input, output) : (idOf(output) ?? idOf(input)),
        oldValue: before,
        newValue: after,
      });
      return output;
    });

  const refuse = (channel: string, envelope: Envelope<never>): Envelope<never> => {
    if (!envelope.ok) log.refused(channel, envelope.error.code);
    return envelope;
  };

  return {
    authorize,
    audited,
    who,
    dispatch(channel, input, rawLocale) {
      const request = parseRequest(channel, input, rawLocale);
      if (!request.ok) return refuse(String(channel).slice(0, 80), request.envelope);
      const entry = entries.get(request.channel);
      // A host channel reaching the core means the host does not serve it: unknown here.
      if (!entry) return refuse(request.channel, fail(request.locale, 'request.unknownChannel', { channel: request.channel }));
      const refused = authorize(request.channel, request.locale);
      if (refused) return refuse(request.channel, refused);
      const context: CallContext = { locale: request.locale, user: who() ?? 'system' };
      try {
        const value =
          typeof entry === 'function'
            ? entry(request.data as never, context)
            : audited(request.channel, entry.audit, request.data as never, () => entry.run(request.data as never, context));
        return { ok: true, value };
      } catch (error) {
        return refuse(request.channel, errorEnvelope(error, request.locale, log));
      }
    },
  };
}

export function fail(
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
