/** Set by the main-process bundler from package.json. */
declare const __APP_VERSION__: string;
