/** How /ca.pem goes out: as an authority's certificate, which a phone offers to install rather than show. */
export const caHeaders = {
  'Content-Type': 'application/x-x509-ca-cert',
  'Content-Disposition': 'attachment; filename="obhid-ca.crt"',
  'Cache-Control': 'no-cache',
};

/** The page itself: no scripts, its style inline, nothing from elsewhere. */
export const certificatePagePolicy =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The host a phone asked for (an address or a plain name), without its port; null when it is anything else. */
export function requestedHost(header: string | undefined): string | null {
  const host = (header ?? '').replace(/:\d+$/, '');
  return /^[A-Za-z0-9.-]{1,253}$/.test(host) ? host : null;
}

/**
 * The plain-HTTP page at / beside /ca.pem: a phone cannot open the HTTPS address before it trusts
 * the workstation's authority, so this tells the controller, in Ukrainian, how to install it.
 */
export function certificatePage(options: { fingerprint: string; appUrl: string | null }): string {
  const app = options.appUrl ? escape(options.appUrl) : null;
  return `<!doctype html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Обхід — сертифікат робочого місця</title>
<style>
body { font: 18px/1.5 system-ui, sans-serif; margin: 0 auto; padding: 16px; max-width: 640px; }
a.button { display: block; text-align: center; padding: 16px; margin: 16px 0; background: #1c7ed6; color: #fff; border-radius: 8px; text-decoration: none; font-size: 20px; }
code { word-break: break-all; font-size: 14px; }
li { margin-bottom: 8px; }
</style>
</head>
<body>
<h1>Сертифікат робочого місця «Обхід»</h1>
<p>Щоб телефон відкрив програму контролера, він має довіряти сертифікату цього робочого місця. Це роблять один раз.</p>
<a class="button" href="/ca.pem">Завантажити сертифікат</a>
<ol>
<li><b>Android:</b> Налаштування → Безпека → Шифрування й облікові дані → Установити сертифікат → Сертифікат ЦС → виберіть завантажений файл <code>obhid-ca.crt</code>.</li>
<li><b>iPhone:</b> відкрийте завантажений файл, потім Параметри → Профіль завантажено → Установити; далі Параметри → Загальні → Про пристрій → Довіра сертифікатам — увімкніть «Obhid local CA».</li>
<li>Перевірте, що відбиток SHA-256 сертифіката на телефоні збігається з цим і з показаним на екрані робочого місця:<br><code>${escape(options.fingerprint)}</code></li>
<li>${app ? `Відкрийте <a href="${app}">${app}</a> і підключіть телефон кодом з екрана робочого місця.` : 'Відкрийте адресу програми, показану на екрані робочого місця, і підключіть телефон кодом.'}</li>
</ol>
</body>
</html>
`;
}
