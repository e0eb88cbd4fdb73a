// Regenerates the committed API contract and the typed client from the API's controllers
// (no database needed). `--check` fails when the committed files were stale.
import { execFileSync } from 'node:child_process';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
const check = process.argv.includes('--check');

run('npx', ['nx', 'build', 'api', '--skip-nx-cache']);
run('node', ['dist/apps/api/write-openapi.js', 'libs/api-client/openapi.json']);
run('npx', ['openapi-typescript', 'libs/api-client/openapi.json', '-o', 'libs/api-client/src/generated/schema.ts']);

if (check) {
  try {
    execFileSync('git', ['diff', '--exit-code', '--stat', '--', 'libs/api-client'], { stdio: 'inherit' });
    const untracked = execFileSync('git', ['ls-files', '--others', '--exclude-standard', '--', 'libs/api-client']).toString().trim();
    if (untracked) throw new Error(`untracked: ${untracked}`);
  } catch {
    console.error('The committed API contract is stale: run `npm run contract` and commit libs/api-client.');
    process.exit(1);
  }
  console.log('API contract is current.');
}
