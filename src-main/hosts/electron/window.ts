import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../content-security-policy';

export const rendererIndex = (buildDir: string) => join(buildDir, 'renderer', 'index.html');

/** Secure defaults: isolated, sandboxed, no Node in the page, nothing remote, no navigation away. */
export function createMainWindow(buildDir: string): BrowserWindow {
  const index = rendererIndex(buildDir);
  const indexUrl = pathToFileURL(index).href;
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Обхід',
    webPreferences: {
      preload: join(buildDir, 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(indexUrl)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(index);
  return window;
}

export const isAppUrl = (buildDir: string) => {
  const indexUrl = pathToFileURL(rendererIndex(buildDir)).href;
  return (url: string) => url === indexUrl || url.startsWith(`${indexUrl}#`) || url.startsWith(`${indexUrl}?`);
};
