/**
 * better-sqlite3 13 loads its stable-ABI binary only on Node ≥ 22.14; on older Node it crashes
 * inside `new Database()`. Say so in words before that can happen.
 */
export const minimumNode = [22, 14] as const;

export function assertSupportedNode(version = process.versions.node): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [needMajor, needMinor] = minimumNode;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  throw new Error(
    `Обхід потребує Node.js ${needMajor}.${needMinor} або новішого, а запущено ${version}. ` +
      `Obhid needs Node.js ${needMajor}.${needMinor} or newer; this is ${version}.`,
  );
}
