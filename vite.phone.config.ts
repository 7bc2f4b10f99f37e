import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The controller's phone app (src-phone), a bundle of its own: the workstation's field listener
 * serves build/phone at its root over HTTPS, beside its JSON API under /field/.
 */
export default defineConfig({
  root: 'src-phone',
  base: '/',
  plugins: [
    react(),
    VitePWA({
      // registerSW() in main.tsx; a new version takes over when the app is next opened.
      injectRegister: false,
      registerType: 'autoUpdate',
      includeAssets: ['icon.svg'],
      manifest: {
        id: '/',
        name: 'Обхід — контролер',
        short_name: 'Обхід',
        description: 'Обхід лічильників: план на день, показники й фото без звʼязку, надсилання на робоче місце РЕМ',
        lang: 'uk',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#1c7ed6',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The whole shell, so a reload with no connection opens the app with what it stored; the
        // plugin adds the manifest, its icons and includeAssets itself.
        globPatterns: ['**/*.{html,js,css}'],
        navigateFallback: 'index.html',
        // The API is never the service worker's: plans and results always go to the workstation.
        navigateFallbackDenylist: [/^\/field\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: '../build/phone',
    emptyOutDir: true,
    target: ['chrome120', 'safari16'],
    chunkSizeWarningLimit: 1500,
  },
});
