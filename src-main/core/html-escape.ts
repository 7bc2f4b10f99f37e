const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text put into printed HTML (sheets, notices, registers): a name with < or & stays a name. */
export const esc = (value: string | number | null | undefined) => String(value ?? '').replace(/[&<>"']/g, (ch) => escapeMap[ch]!);
