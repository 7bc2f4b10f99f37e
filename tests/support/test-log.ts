import type { HostLog } from '../../src-main/hosts/logging';

/** A host log that keeps its lines for a test to read. */
export function testLog(lines: string[] = []): HostLog & { lines: string[] } {
  return {
    lines,
    info: (line) => void lines.push(line),
    error: (error) => void lines.push(error instanceof Error ? `${error.message}` : String(error)),
    refused: (channel, code) => void lines.push(`refused ${channel}: ${code}`),
  };
}
