// @peculiar/x509 reads its ASN.1 schemas through the Reflect metadata API: it must exist first.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, randomBytes, webcrypto, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { certificateNames, lanAddresses } from './network-names';

x509.cryptoProvider.set(webcrypto as Crypto);

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const day = 24 * 60 * 60 * 1000;
/** Phones refuse a server certificate valid longer than 398 days; a little under that, counted from notBefore. */
const serverDays = 396;
const caYears = 10;
/** A certificate this close to its end is replaced at the next start, before a phone sees it expire. */
const renewBeforeDays = 30;
/** A phone whose clock runs a little behind still accepts a certificate issued just now. */
const backdate = 60 * 60 * 1000;

/** What the field listener serves with, and what the administrator's screen and tests read of it. */
export interface FieldTls {
  /** The server's private key and certificate chain (server, then the authority), PEM. */
  key: string;
  cert: string;
  /** The authority's certificate, PEM: what a phone installs. */
  caPem: string;
  /** SHA-256 of the authority's certificate, hex pairs with colons: to compare with what the phone shows. */
  caFingerprint: string;
  /** Base64 SHA-256 of the server certificate's SubjectPublicKeyInfo (Chromium's --ignore-certificate-errors-spki-list). */
  spki: string;
  /** The IP addresses and host names the server certificate names. */
  names: string[];
}

const isIp = (name: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(name);
const generalName = (value: string): x509.JsonGeneralName => ({ type: isIp(value) ? 'ip' : 'dns', value });
const sameNames = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

const toPem = (der: ArrayBuffer, label: string) => x509.PemConverter.encode(der, label);
const fromPem = (pem: string) => x509.PemConverter.decode(pem)[0]!;

/** A positive serial number (the top bit clear) of 16 random bytes, as RFC 5280 asks. */
function serialNumber() {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

const generateKeys = () =>
  webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
const importKey = (pem: string) =>
  webcrypto.subtle.importKey('pkcs8', fromPem(pem), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']) as Promise<CryptoKey>;
const exportKey = async (key: CryptoKey) => toPem(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');

/** A private key is readable by the workstation's own user only. */
const writeKey = (file: string, pem: string) => writeFileSync(file, pem, { mode: 0o600 });

interface Authority {
  cert: x509.X509Certificate;
  key: CryptoKey;
  pem: string;
}

/** The local authority in `dir`, created the first time: ten years, allowed to sign certificates and nothing more. */
async function openAuthority(dir: string, now: Date): Promise<Authority> {
  const certFile = join(dir, 'ca.pem');
  const keyFile = join(dir, 'ca-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const pem = readFileSync(certFile, 'utf8');
    return { cert: new x509.X509Certificate(pem), key: await importKey(readFileSync(keyFile, 'utf8')), pem };
  }
  const keys = await generateKeys();
  const notBefore = new Date(now.getTime() - backdate);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + caYears);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    // The name a phone shows in its list of trusted authorities: the program and this workstation.
    name: `CN=Obhid local CA (${hostname().replace(/[,=+<>#;"\\]/g, ' ')}), O=Obhid`,
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const pem = cert.toString('pem');
  // The key first: a certificate without its key beside it would be recreated, a key alone is overwritten.
  writeKey(keyFile, await exportKey(keys.privateKey));
  writeFileSync(certFile, pem);
  return { cert, key: keys.privateKey, pem };
}

/** The names a server certificate carries in its subjectAltName. */
function namesOf(cert: x509.X509Certificate): string[] {
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  return san ? san.names.toJSON().map((name) => name.value) : [];
}

/** Whether the kept server certificate still serves: signed by this authority, naming these names, not near its end. */
async function stillGood(serverPem: string, authority: Authority, names: string[], now: Date): Promise<boolean> {
  try {
    const cert = new x509.X509Certificate(serverPem);
    const signed = await cert.verify({ publicKey: authority.cert.publicKey, signatureOnly: true });
    return signed && sameNames(namesOf(cert), names) && cert.notAfter.getTime() - now.getTime() > renewBeforeDays * day;
  } catch {
    return false;
  }
}

async function issueServer(authority: Authority, names: string[], now: Date) {
  const keys = await generateKeys();
  const notBefore = new Date(now.getTime() - backdate);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${names[0] ?? 'localhost'}, O=Obhid`,
    issuer: authority.cert.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + serverDays * day),
    publicKey: keys.publicKey,
    signingKey: authority.key,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map(generalName)),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(authority.cert.publicKey),
    ],
  });
  return { cert: cert.toString('pem'), key: await exportKey(keys.privateKey) };
}

export interface FieldTlsOptions {
  /** The `field` folder beside the database file. */
  dir: string;
  /** What the server certificate must name; defaults to the LAN addresses, 127.0.0.1 and localhost. */
  names?: string[];
  now?: Date;
}

/**
 * The field service's certificates: the local authority (created once and kept, so a phone that
 * trusts it once keeps trusting it) and a server certificate it signs, issued again when the
 * workstation's addresses change or the certificate nears its end.
 */
export async function fieldTls(options: FieldTlsOptions): Promise<FieldTls> {
  const { dir } = options;
  const now = options.now ?? new Date();
  const names = options.names ?? certificateNames(lanAddresses());
  mkdirSync(dir, { recursive: true });
  const authority = await openAuthority(dir, now);
  const certFile = join(dir, 'server.pem');
  const keyFile = join(dir, 'server-key.pem');
  const kept = existsSync(certFile) && existsSync(keyFile) ? readFileSync(certFile, 'utf8') : null;
  let server: { cert: string; key: string };
  if (kept !== null && (await stillGood(kept, authority, names, now))) {
    server = { cert: kept, key: readFileSync(keyFile, 'utf8') };
  } else {
    server = await issueServer(authority, names, now);
    writeKey(keyFile, server.key);
    writeFileSync(certFile, server.cert);
  }
  const nodeServer = new X509Certificate(server.cert);
  const spkiDer = nodeServer.publicKey.export({ type: 'spki', format: 'der' });
  return {
    key: server.key,
    // The authority goes along in the chain: a client that trusts it needs nothing else.
    cert: `${server.cert.trim()}\n${authority.pem.trim()}\n`,
    caPem: authority.pem,
    caFingerprint: new X509Certificate(authority.pem).fingerprint256,
    spki: createHash('sha256').update(spkiDer).digest('base64'),
    names,
  };
}
