import { networkInterfaces } from 'node:os';

/** The workstation's LAN IPv4 addresses, as a phone on the branch's network reaches it. */
export function lanAddresses(interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  const found = new Set<string>();
  for (const list of Object.values(interfaces)) {
    for (const entry of list ?? []) if (entry.family === 'IPv4' && !entry.internal) found.add(entry.address);
  }
  return [...found];
}

/** What the server certificate must name: the LAN addresses, then loopback (tests, a browser on the workstation itself). */
export const certificateNames = (addresses: string[]) => [...new Set([...addresses, '127.0.0.1', 'localhost'])];
