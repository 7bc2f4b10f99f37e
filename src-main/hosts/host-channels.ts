import {
  hostContract,
  isHostChannel,
  type Contract,
  type Envelope,
  type HostChannelName,
  type Output,
  type ParsedInput,
} from '../../shared/contract/index';
import type { Locale } from '../../shared/i18n/locales';
import {
  checkEntry,
  errorEnvelope,
  fail,
  parseRequest,
  type AuditDescription,
  type CallContext,
  type Registry,
  type RegistryLog,
} from '../core/registry';

/** A host channel that changes nothing: asynchronous work (a PDF, a file read) answered directly. */
export type HostRead<N extends HostChannelName> = (input: ParsedInput<N>, context: CallContext) => Promise<Output<N>>;

/**
 * A host channel that writes: the asynchronous part (reading a file, copying the database) runs
 * first and hands back the part that runs inside the write's transaction, beside its audit entry.
 */
export interface HostWrite<N extends HostChannelName> {
  audit: AuditDescription<N>;
  run: (input: ParsedInput<N>, context: CallContext) => Promise<() => Output<N>>;
}

export type HostEntry<N extends HostChannelName> = Contract[N]['effect'] extends 'read' ? HostRead<N> : HostWrite<N>;
export type HostEntries = { [K in HostChannelName]: HostEntry<K> };

/** What a host answers requests with: its own channels first, everything else from the core's registry. */
export type Dispatch = (channel: unknown, input: unknown, locale: unknown) => Promise<Envelope<unknown>>;

export interface HostDispatchOptions {
  log: RegistryLog;
  /** The core of the database now open; null while none can be (recovery). */
  current: () => Registry | null;
  /** Without a core: the answer to a channel, or null when a host channel may still run (restoring a backup). */
  withoutCore: (channel: string, locale: Locale) => Envelope<unknown> | null;
}

/**
 * Serves the host's own channels at the same boundary as the core's: validation, access, and for
 * writes one transaction with the audit entry. A host channel without an entry, or a write without
 * an audit description, stops start-up.
 */
export function serveHostChannels(entries: HostEntries, options: HostDispatchOptions): Dispatch {
  for (const name of Object.keys(hostContract) as HostChannelName[]) checkEntry(name, entries[name]);
  const { log, current } = options;
  const refuse = (channel: string, envelope: Envelope<never>): Envelope<never> => {
    if (!envelope.ok) log.refused(channel, envelope.error.code);
    return envelope;
  };

  return async (channel, input, rawLocale) => {
    const core = current();
    if (!isHostChannel(channel)) {
      if (core) return core.dispatch(channel, input, rawLocale);
      const request = parseRequest(channel, input, rawLocale);
      if (!request.ok) return request.envelope;
      return (
        options.withoutCore(request.channel, request.locale) ?? fail(request.locale, 'request.unknownChannel', { channel: request.channel })
      );
    }
    const request = parseRequest(channel, input, rawLocale);
    if (!request.ok) return refuse(channel, request.envelope);
    const { locale } = request;
    const refused = core ? core.authorize(channel, locale) : options.withoutCore(channel, locale);
    if (refused) return refused.ok ? refused : refuse(channel, refused);
    const context: CallContext = { locale, user: core?.who() ?? 'system' };
    const data = request.data as never;
    try {
      const entry = entries[channel] as HostRead<HostChannelName> | HostWrite<HostChannelName>;
      if (typeof entry === 'function') return { ok: true, value: await entry(data, context) };
      const commit = await entry.run(data, context);
      // A restore has put another database (and core) in place: the entry goes into the one now open.
      const recorder = current();
      if (!recorder) throw new Error(`No database is open to record ${channel} in`);
      return { ok: true, value: recorder.audited(channel, entry.audit, data, commit, context.user) };
    } catch (error) {
      return refuse(channel, errorEnvelope(error, locale, log));
    }
  };
}
