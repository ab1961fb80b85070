import { DEPLOYMENT_SECTIONS, type DeploymentSection } from './deploymentsRoute';

const LABELS: Record<DeploymentSection, string> = { list: 'Deployments', readiness: 'Readiness' };

export function SectionSwitch({ section, onPick }: { section: DeploymentSection; onPick(section: DeploymentSection): void }) {
  return (
    <nav className="kind-picker" aria-label="Deployments sections">
      {DEPLOYMENT_SECTIONS.map((s) => (
        <button key={s} type="button" className="kind-picker__kind" aria-pressed={s === section} onClick={() => s !== section && onPick(s)}>
          {LABELS[s]}
        </button>
      ))}
    </nav>
  );
}
