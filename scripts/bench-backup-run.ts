// One repository operation per process, as restic runs one per command: the bench times the whole process.
import { Repository } from '../src/recovery/repository';

const [op, repoDir, arg] = process.argv.slice(2);
const password = process.env.OPSDECK_BENCH_PASSWORD ?? '';

async function main(): Promise<unknown> {
  switch (op) {
    case 'init':
      return (await Repository.init(repoDir!, password)).id;
    case 'backup':
      return (await Repository.open(repoDir!, password)).backup({ kind: 'files', root: arg! }, { target: 'bench' });
    case 'restore': {
      const repo = await Repository.open(repoDir!, password);
      return repo.restore((await repo.snapshots()).at(-1)!.id, { destination: arg! });
    }
    case 'verify':
      return (await Repository.open(repoDir!, password)).verify({ readData: true });
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
