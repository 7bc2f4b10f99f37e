import { contextBridge, ipcRenderer } from 'electron';
import { bridgeName, type RpcBridge, type RpcRequest } from '../../../shared/contract/envelope';
import { rpcIpcChannel } from './ipc-channel';

// Only this one function crosses into the page; no ipcRenderer, no Node.
const bridge: RpcBridge = {
  invoke: (request: RpcRequest) => ipcRenderer.invoke(rpcIpcChannel, request),
};
contextBridge.exposeInMainWorld(bridgeName, bridge);
