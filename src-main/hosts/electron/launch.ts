import { runWithCompileCache } from '../compile-cache';

// build/main/electron-main.cjs, the Electron app's entry: the host itself (./main.ts) is bundled as electron-host.cjs beside it.
runWithCompileCache(__filename, './electron-host.cjs');
