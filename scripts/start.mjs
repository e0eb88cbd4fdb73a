// `npm start`: builds the API and the admin when they are missing or stale (Nx cache makes this
// quick when nothing changed), then runs the single process that serves both.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const API_MAIN = 'dist/apps/api/main.js';
const skipBuild = process.argv.includes('--no-build') && existsSync(API_MAIN) && existsSync('dist/apps/admin/index.html');

if (!skipBuild) {
  console.log('Building the API and the admin (cached when unchanged)…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'admin', '--output-style=static'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    console.error('Build failed: run `npx nx run-many -t build -p api admin` to see why.');
    process.exit(build.status ?? 1);
  }
}

// The demo gets a year of dossier history for the dashboard (only with DEMO_DATA, once per database).
const env = { ...process.env, DEMO_HISTORY: process.env.DEMO_HISTORY ?? 'true' };
const api = spawn(process.execPath, [API_MAIN], { stdio: 'inherit', env });
// Ctrl-C reaches the API directly (same process group); it stops PostgreSQL and exits itself.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (signal === 'SIGTERM') api.kill('SIGTERM');
  });
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
