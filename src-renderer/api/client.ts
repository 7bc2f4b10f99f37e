import { contract, type ChannelName, type Input, type Output } from '../../shared/contract/index';
import type { ApiErrorBody } from '../../shared/contract/envelope';
import type { Locale } from '../../shared/i18n/locales';
import type { Transport } from './transport';

/** A refusal from the core, already worded in the user's language. */
export class ApiError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly details: unknown;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.field = body.field;
    this.details = body.details;
  }
}

export interface Api {
  call: <N extends ChannelName>(channel: N, input: Input<N>) => Promise<Output<N>>;
}

/** The session ended (signed out, or locked after idling): whoever shows the sign-in must know. */
const sessionCodes = new Set(['auth.required', 'auth.locked']);

interface ApiOptions {
  transport: Transport;
  locale: Locale;
  onSessionLost?: () => void;
  /** Told after every call the contract does not declare a pure read, so cached answers can be refreshed. */
  onChanged?: (channel: ChannelName) => void;
}

export function createApi({ transport, locale, onSessionLost = () => {}, onChanged = () => {} }: ApiOptions): Api {
  return {
    async call(channel, input) {
      let answer;
      try {
        answer = await transport({ channel, input, locale });
      } catch (error) {
        throw new ApiError({ code: 'internal', message: error instanceof Error ? error.message : String(error) });
      }
      if (!answer.ok) {
        if (sessionCodes.has(answer.error.code)) onSessionLost();
        throw new ApiError(answer.error);
      }
      if (contract[channel].effect !== 'read') onChanged(channel);
      return answer.value as Output<typeof channel>;
    },
  };
}
