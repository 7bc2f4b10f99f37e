import { isHostChannel, type Envelope, type HostChannelName, type Output, type ParsedInput } from '../../shared/contract/index';
import type { RouteSheet } from '../../shared/contract/tasks';
import { errorEnvelope, parseRequest, type CallContext, type Registry } from '../core/registry';

export type HostHandlers = {
  [K in HostChannelName]: (input: ParsedInput<K>, context: CallContext) => Promise<Envelope<Output<K>>>;
};

/** What a host answers requests with: its own channels first, everything else from the core's registry. */
export type Dispatch = (channel: unknown, input: unknown, locale: unknown) => Promise<Envelope<unknown>>;

/** A host serves the host channels it can; any other is unknown to it, as to the core. */
export function createHostDispatch(
  registry: Registry,
  handlers: Partial<HostHandlers>,
  log: (error: unknown) => void = console.error,
): Dispatch {
  return async (channel, input, locale) => {
    if (!isHostChannel(channel)) return registry.dispatch(channel, input, locale);
    const request = parseRequest(channel, input, locale);
    if (!request.ok) return request.envelope;
    const handler = handlers[channel] as ((input: unknown, context: CallContext) => Promise<Envelope<unknown>>) | undefined;
    if (!handler) return registry.dispatch(channel, input, locale);
    const refused = registry.authorize(channel, request.locale);
    if (refused) return refused;
    try {
      return await handler(request.data, { locale: request.locale, user: '', audit: () => {} });
    } catch (error) {
      return errorEnvelope(error, request.locale, log);
    }
  };
}

/** The sheet's HTML from the core, as the preview shows it. */
export const loadSheet = (registry: Pick<Registry, 'dispatch'>, input: unknown, locale: string) =>
  registry.dispatch('tasks.sheet', input, locale) as Envelope<RouteSheet>;

/** Renders a route sheet to PDF with whichever engine the host has; the HTML is the core's, as in the preview. */
export function sheetPdfHandler(
  registry: Pick<Registry, 'dispatch'>,
  toPdf: (html: string) => Promise<Buffer>,
): HostHandlers['print.sheetPdf'] {
  return async (input, { locale }) => {
    const sheet = loadSheet(registry, input, locale);
    if (!sheet.ok) return sheet;
    const pdf = await toPdf(sheet.value.html);
    return { ok: true, value: { fileName: sheet.value.fileName, base64: pdf.toString('base64'), pages: sheet.value.pages } };
  };
}
