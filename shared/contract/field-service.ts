import { z } from 'zod';
import { read, write } from './define';

/** The port the field service listens on unless the administrator picks another; the certificate's page is on the next one. */
export const fieldDefaultPort = 8443;

/** Сервіс → Телефони контролерів: what the workstation's field listener is doing, for the administrator. */
export interface FieldStatus {
  /** Kept in the database ('field.enabled'): the listener starts with the workstation. */
  enabled: boolean;
  running: boolean;
  /** The HTTPS port: the one listened on while running, else the one kept ('field.port'). */
  port: number;
  /** The plain-HTTP port with the authority's certificate and the page about it, while running. */
  caPort: number | null;
  /** The workstation's LAN addresses the server certificate names (127.0.0.1 and localhost besides). */
  addresses: string[];
  /** What a phone opens: https://<first LAN address>:<port>/, while running. */
  pairUrl: string | null;
  /** Where a phone gets the authority: http://<first LAN address>:<caPort>/ca.pem, while running. */
  caUrl: string | null;
  /** SHA-256 of the authority's certificate, hex pairs with colons, to compare with what the phone shows. */
  caFingerprint: string | null;
  /** Base64 SHA-256 of the server certificate's public key (a test browser's --ignore-certificate-errors-spki-list). */
  spki: string | null;
  /** Why it is not running though enabled (the port was taken at start), in the caller's language. */
  problem: string | null;
}

export interface FieldPairing {
  /** Six digits, shown large beside the QR code. */
  code: string;
  expiresAt: string;
  /** The QR code's content: https://<address>:<port>/#pair=<code>. */
  pairUrl: string;
}

/** A phone's session as the administrator sees it (core/field/service.ts, FieldSessionRow). */
export interface FieldSessionRow {
  id: number;
  login: string;
  fullName: string;
  device: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** 0 takes any free port (tests); otherwise an unprivileged one, the next one free too for the certificate. */
export const fieldPort = z.union([z.literal(0), z.number().int().min(1024).max(65534)]);

/** The host serves these itself: they start and stop its listener on the LAN. */
export const fieldServiceChannels = {
  'field.status': read<FieldStatus>()(z.object({})),
  'field.start': write<FieldStatus>()(z.object({ port: fieldPort.optional() })),
  'field.stop': write<FieldStatus>()(z.object({})),
  'field.pairing': write<FieldPairing>()(z.object({})),
  'field.sessions': read<FieldSessionRow[]>()(z.object({})),
  'field.revoke': write<{ id: number }>()(z.object({ id: z.number().int().positive() })),
};
