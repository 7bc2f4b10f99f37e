import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fieldTls } from './certificate-authority';
import { certificateNames, lanAddresses } from './network-names';

const day = 24 * 60 * 60 * 1000;

describe('the field service’s local certificate authority', () => {
  const root = mkdtempSync(join(tmpdir(), 'obhid-ca-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const names = ['192.168.1.20', '127.0.0.1', 'localhost'];

  it('issues a server certificate the authority signed, for the workstation’s addresses and for serving only', async () => {
    const dir = join(root, 'first');
    const tls = await fieldTls({ dir, names });
    const ca = new X509Certificate(tls.caPem);
    const server = new X509Certificate(tls.cert);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('192.168.1.20')).toBe('192.168.1.20');
    expect(server.checkIP('10.0.0.1')).toBeUndefined();
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.ca).toBe(false);
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    const days = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / day;
    expect(days).toBeGreaterThan(300);
    expect(days).toBeLessThanOrEqual(397);

    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect((Date.parse(ca.validTo) - Date.now()) / day).toBeGreaterThan(9 * 365);
    expect(tls.caFingerprint).toBe(ca.fingerprint256);
    expect(tls.caFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const spki = createHash('sha256')
      .update(server.publicKey.export({ type: 'spki', format: 'der' }))
      .digest('base64');
    expect(tls.spki).toBe(spki);
    // The keys are the workstation user's alone.
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'ca-key.pem')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'server-key.pem')).mode & 0o777).toBe(0o600);
    }
  });

  it('creates the authority once and keeps it, and the server certificate while the addresses stay', async () => {
    const dir = join(root, 'kept');
    const first = await fieldTls({ dir, names });
    const second = await fieldTls({ dir, names: [...names].reverse() });
    expect(second.caFingerprint).toBe(first.caFingerprint);
    expect(second.caPem).toBe(first.caPem);
    expect(second.spki).toBe(first.spki);
    expect(second.cert).toBe(first.cert);
  });

  it('issues the server certificate again when the addresses change, from the same authority', async () => {
    const dir = join(root, 'moved');
    const first = await fieldTls({ dir, names });
    const moved = await fieldTls({ dir, names: ['10.0.5.7', '127.0.0.1', 'localhost'] });
    expect(moved.caFingerprint).toBe(first.caFingerprint);
    expect(moved.spki).not.toBe(first.spki);
    const server = new X509Certificate(moved.cert);
    expect(server.checkIP('10.0.5.7')).toBe('10.0.5.7');
    expect(server.checkIP('192.168.1.20')).toBeUndefined();
    expect(server.verify(new X509Certificate(moved.caPem).publicKey)).toBe(true);
  });

  it('issues it again within 30 days of its end', async () => {
    const dir = join(root, 'ageing');
    const first = await fieldTls({ dir, names });
    const later = await fieldTls({ dir, names, now: new Date(Date.now() + 300 * day) });
    expect(later.spki).toBe(first.spki);
    const nearEnd = await fieldTls({ dir, names, now: new Date(Date.now() + 370 * day) });
    expect(nearEnd.spki).not.toBe(first.spki);
    expect(nearEnd.caFingerprint).toBe(first.caFingerprint);
  });

  it('names the LAN addresses, not loopback ones, and always 127.0.0.1 and localhost', () => {
    const addresses = lanAddresses({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
      eth0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff::', mac: '', cidr: null, scopeid: 1 },
      ],
      wlan0: [{ address: '10.0.0.4', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null }],
    });
    expect(addresses).toEqual(['192.168.1.20', '10.0.0.4']);
    expect(certificateNames(addresses)).toEqual(['192.168.1.20', '10.0.0.4', '127.0.0.1', 'localhost']);
  });
});
