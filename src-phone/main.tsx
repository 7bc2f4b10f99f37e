import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './app/App';
import { createFieldApi } from './lib/api';
import { openPhoneStore } from './lib/idb-store';

// The service worker precaches the app shell: a reload with no connection still opens the app.
// A new version takes over at once (autoUpdate); it is only looked for when the app is opened.
registerSW({ immediate: true });

const root = createRoot(document.getElementById('root')!);
openPhoneStore().then(
  (store) =>
    root.render(
      <StrictMode>
        <App store={store} api={createFieldApi()} />
      </StrictMode>,
    ),
  (error: unknown) => {
    // Without IndexedDB (a private window, storage switched off) nothing could be kept: say so plainly.
    const message = document.createElement('p');
    message.style.padding = '16px';
    message.textContent = `Телефон не дозволяє зберігати дані застосунку (${error instanceof Error ? error.message : String(error)}). Вимкніть приватний режим і відкрийте сторінку знову.`;
    document.getElementById('root')!.replaceChildren(message);
  },
);
