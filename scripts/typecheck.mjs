// Type-checks every TypeScript project of the workspace (apps, their tests, libs).
import { execFileSync } from 'node:child_process';

const projects = [
  'libs/domain/tsconfig.lib.json',
  'libs/domain/tsconfig.spec.json',
  'libs/api-client/tsconfig.lib.json',
  'apps/api/tsconfig.app.json',
  'apps/api/tsconfig.spec.json',
  'apps/admin/tsconfig.app.json',
  'apps/admin/tsconfig.spec.json',
  'apps/admin-e2e/tsconfig.json',
  'bench/tsconfig.json',
];
let failed = false;
for (const project of projects) {
  try {
    execFileSync('npx', ['tsc', '--noEmit', '-p', project], { stdio: 'inherit' });
    console.log(`typecheck ok: ${project}`);
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
