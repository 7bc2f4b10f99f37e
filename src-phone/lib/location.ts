import type { PhoneResult } from './store';

/**
 * Where the phone is, if the controller lets it say: asked once by the browser, refused quietly.
 * It never holds up a result: no answer within `timeoutMs` is no position.
 */
export async function locate(timeoutMs = 10_000): Promise<PhoneResult['location']> {
  if (!('geolocation' in navigator)) return null;
  try {
    const permission = await navigator.permissions?.query({ name: 'geolocation' });
    if (permission?.state === 'denied') return null;
  } catch {
    // Safari 16 does not know the geolocation permission by name: just ask.
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs + 500);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        clearTimeout(timer);
        resolve({ lat: coords.latitude, lon: coords.longitude, accuracy: Math.min(Math.max(coords.accuracy, 0), 100_000) });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}

/** A started locate() given at most `ms` more: saving waits a moment for it, never longer. */
export const within = <T>(promise: Promise<T>, ms: number, otherwise: T): Promise<T> =>
  Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(otherwise), ms))]);
