import type { DockerEngines } from '@contract';

/** Files that could not be read while looking for engines, in the file's own words. */
export function EngineProblems({ problems }: { problems: DockerEngines['problems'] }) {
  if (problems.length === 0) return null;
  return (
    <div className="note engine-problems" role="note">
      Some Docker configuration could not be read:
      <ul>
        {problems.map((p) => (
          <li key={`${p.file}:${p.message}`}>
            <code>{p.file}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
