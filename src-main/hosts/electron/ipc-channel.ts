/** The single raw IPC channel; every contract channel travels inside it. */
export const rpcIpcChannel = 'obhid:rpc';
