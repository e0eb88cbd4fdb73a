export default async function globalTeardown(): Promise<void> {
  await globalThis.__MOTCUA_EMBEDDED_STOP__?.();
}
