import type { z } from 'zod';
import { accountsChannels } from './accounts';
import { directoriesChannels } from './directories';
import { metaChannels } from './meta';
import { routesChannels } from './routes';

/** The one contract between the renderer and the main process: channel name → request schema and answer. */
export const contract = {
  ...metaChannels,
  ...directoriesChannels,
  ...routesChannels,
  ...accountsChannels,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type Input<N extends ChannelName> = z.input<Contract[N]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<N extends ChannelName> = z.output<Contract[N]['input']>;
export type Output<N extends ChannelName> = NonNullable<Contract[N]['output']>;

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.hasOwn(contract, name);

export type { Page } from './define';
export type { Envelope, ApiErrorBody, RpcRequest } from './envelope';
