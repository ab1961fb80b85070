import os from 'node:os';
import path from 'node:path';

/**
 * The kubeconfig files kubectl would read: every entry of KUBECONFIG (split on the
 * platform's path-list separator, empty entries and repeats dropped), else ~/.kube/config.
 */
export function kubeconfigPathsFromEnv(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string[] {
  const list = env.KUBECONFIG ?? '';
  if (list !== '') {
    const paths = list.split(path.delimiter).filter((p) => p !== '');
    if (paths.length > 0) return [...new Set(paths.map((p) => path.resolve(p)))];
  }
  return [path.join(home, '.kube', 'config')];
}
