import { runWithCompileCache } from '../compile-cache';

// build/main/web-main.cjs, the browser-mode host's entry: the host itself (./main.ts) is bundled as web-host.cjs beside it.
runWithCompileCache(__filename, './web-host.cjs');
