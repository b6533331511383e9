// Type-checks every project with its own libraries (see tsconfig.json for why there are several).
import { spawnSync } from 'node:child_process';

const projects = ['src/engine', 'src/worker', 'tsconfig.app.json', 'tsconfig.node.json'];
let failed = false;
for (const project of projects) {
  const run = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`typecheck: ${project} has type errors (see above)`);
    failed = true;
  }
}
if (!failed) console.log(`typecheck: ${projects.length} projects OK`);
process.exit(failed ? 1 : 0);
