import { CONTAINER_SECTIONS, type ContainerSection } from './containersRoute';

const LABELS: Record<ContainerSection, string> = { containers: 'Containers', events: 'Events', images: 'Images', volumes: 'Volumes' };

export function SectionPicker({ section, onPick }: { section: ContainerSection; onPick(section: ContainerSection): void }) {
  return (
    <nav className="kind-picker" aria-label="Container sections">
      {CONTAINER_SECTIONS.map((s) => (
        <button key={s} type="button" className="kind-picker__kind" aria-pressed={s === section} onClick={() => s !== section && onPick(s)}>
          {LABELS[s]}
        </button>
      ))}
    </nav>
  );
}
