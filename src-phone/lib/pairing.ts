/** What the phone calls itself in the workstation's list of sessions: the model part of its user agent. */
export function deviceName(userAgent: string = navigator.userAgent): string {
  const inside = /\(([^)]*)\)/.exec(userAgent)?.[1] ?? userAgent;
  return inside.replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** The code the workstation's QR code puts in the address: https://<workstation>/#pair=123456. */
export function pairingCodeFromHash(hash: string): string {
  return /(?:^#|&)pair=(\d{6})(?:&|$)/.exec(hash)?.[1] ?? '';
}
