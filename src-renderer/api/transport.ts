import { bridgeName, type Envelope, type RpcBridge, type RpcRequest } from '../../shared/contract/envelope';

export type Transport = (request: RpcRequest) => Promise<Envelope<unknown>>;

const tokenKey = 'obhid.token';

/**
 * Browser mode receives its token in the URL fragment; it is kept for this tab only and removed
 * from the address bar so it is not bookmarked or shown over a shoulder.
 */
function takeTokenFromUrl(): string | null {
  const match = /(?:^#|&)token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(tokenKey);
}

function httpTransport(token: string | null): Transport {
  return async (request) => {
    const response = await fetch('/api/rpc', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify(request),
    });
    if (response.headers.get('content-type')?.startsWith('application/json')) return (await response.json()) as Envelope<unknown>;
    return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}` } };
  };
}

/** Electron's preload bridge when present, otherwise the loopback HTTP host; callers never know which. */
export function pickTransport(): Transport {
  const bridge = (window as unknown as Record<string, RpcBridge | undefined>)[bridgeName];
  if (bridge) return (request) => bridge.invoke(request);
  return httpTransport(takeTokenFromUrl());
}
