import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  // Relative asset paths: Electron loads the page from file://, browser mode from the loopback host.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../build/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // The screens are fetched as they are first shown (App.tsx); what every screen and the
        // sign-in form need — React, Mantine, the query cache, zod — is one file, not the score of
        // small ones the splitter would cut it into, each a request before the first form is drawn.
        // The charts stay out of it, fetched with the screens that draw them.
        codeSplitting: {
          groups: [
            {
              name: 'shell',
              test: /node_modules[\\/](react|react-dom|scheduler|@mantine[\\/](core|hooks)|@tanstack|zod|react-error-boundary|@floating-ui|react-remove-scroll[^\\/]*|react-textarea-autosize|clsx|tslib|use-sidecar|use-callback-ref|react-style-singleton|get-nonce|detect-node-es|react-number-format|type-fest)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
