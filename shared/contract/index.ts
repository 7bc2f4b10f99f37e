import type { z } from 'zod';
import { accountsChannels } from './accounts';
import { authChannels } from './auth';
import { backupsChannels } from './backups';
import { checksChannels } from './checks';
import { diagnosticsChannels } from './diagnostics';
import { directoriesChannels } from './directories';
import { disconnectionChannels } from './disconnection';
import { entryChannels } from './entry';
import { exchangeHostChannels } from './exchange';
import { fieldServiceChannels } from './field-service';
import { metaChannels } from './meta';
import { moratoriaChannels } from './moratoria';
import { orderPrintChannels, ordersChannels } from './orders';
import { noticesChannels } from './notices';
import { phoneChannels } from './phone';
import { plansChannels } from './plans';
import { printChannels } from './print';
import { profileChannels } from './profile';
import { registerHostChannels, registersChannels } from './registers';
import { reportsChannels } from './reports';
import { routesChannels } from './routes';
import { settingsChannels } from './settings';
import { setupChannels } from './setup';
import { tasksChannels } from './tasks';
import { validationChannels } from './validation';

/** Channels the core's handler registry serves, the same in every host. */
export const coreContract = {
  ...authChannels,
  ...metaChannels,
  ...directoriesChannels,
  ...routesChannels,
  ...accountsChannels,
  ...tasksChannels,
  ...plansChannels,
  ...entryChannels,
  ...checksChannels,
  ...settingsChannels,
  ...moratoriaChannels,
  ...profileChannels,
  ...disconnectionChannels,
  ...ordersChannels,
  ...registersChannels,
  ...reportsChannels,
  ...noticesChannels,
  ...validationChannels,
  ...phoneChannels,
};

/** Channels a host serves itself, because they need its browser engine, its files or its network listeners. */
export const hostContract = {
  ...printChannels,
  ...registerHostChannels,
  ...orderPrintChannels,
  ...backupsChannels,
  ...exchangeHostChannels,
  ...diagnosticsChannels,
  ...setupChannels,
  ...fieldServiceChannels,
};

/** The one contract between the renderer and the main process: channel name → request schema and answer. */
export const contract = { ...coreContract, ...hostContract };

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** What a caller passes (defaults may be left out). */
export type Input<N extends ChannelName> = z.input<Contract[N]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<N extends ChannelName> = z.output<Contract[N]['input']>;
export type Output<N extends ChannelName> = NonNullable<Contract[N]['output']>;

export type CoreChannelName = keyof typeof coreContract;
export type HostChannelName = keyof typeof hostContract;

export const isChannelName = (name: unknown): name is ChannelName => typeof name === 'string' && Object.hasOwn(contract, name);
export const isHostChannel = (name: unknown): name is HostChannelName => typeof name === 'string' && Object.hasOwn(hostContract, name);

export type { Page } from './define';
export type { Envelope, ApiErrorBody, RpcRequest } from './envelope';
