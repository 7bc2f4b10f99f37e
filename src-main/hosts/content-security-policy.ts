/**
 * One policy for both hosts. Mantine sets inline style attributes and injects its CSS variables,
 * hence 'unsafe-inline' for styles only; scripts come from the app's own files and nowhere else.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
