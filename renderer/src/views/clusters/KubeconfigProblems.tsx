import type { KubeconfigProblem } from '@contract';

/** Files kubectl would also stumble on, with the reason; the rest of the kubeconfig still works. */
export function KubeconfigProblems({ problems }: { problems: KubeconfigProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="load-error kubeconfig-problems" role="alert">
      <div>
        <strong>Some kubeconfig files could not be read completely</strong>
        <ul>
          {problems.map((p) => (
            <li key={p.file}>
              <code>{p.file}</code>: {p.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
