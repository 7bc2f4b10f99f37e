export const electronAbsent =
  'Electron binary is absent on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the same UI is tested in browser mode.';
