// Runs one backup in its own process so backup-crash.test.ts can SIGKILL it mid-way.
// Usage: node backupChild.mjs <repository> <source folder> <target>
import { Repository } from '../../src/recovery/repository';

const [repository, source, target] = process.argv.slice(2);
Repository.open(repository!, process.env.OPSDECK_REPOSITORY_PASSWORD ?? '')
  .then((repo) => repo.backup({ kind: 'files', root: source! }, { target: target! }))
  .then(
    (snapshot) => process.stdout.write(`${snapshot.id}\n`),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
