import type { DockerContainerState } from '@contract';
import { DOCKER_CONTAINER_STATES } from '@contract/types';
import type { Ref } from 'react';
import { useSettledInput } from '../../components/useSettledInput';
import type { ContainersRoute } from './containersRoute';
import { FilterSelect } from './FilterSelect';

interface Props {
  route: ContainersRoute;
  projects: string[];
  onChange(patch: Partial<ContainersRoute>): void;
  textInput: Ref<HTMLInputElement>;
}

/** Text (name, image, id, project, service), state and Compose project; the host filters. */
export function ContainerFilters({ route, projects, onChange, textInput }: Props) {
  const text = useSettledInput(route.text, (v) => onChange({ text: v, selected: null }));
  return (
    <div className="pod-filters" role="search" aria-label="Filter containers">
      <label className="pod-filters__field pod-filters__field--wide">
        <span>Name, image, id or service</span>
        <input ref={textInput} type="search" placeholder="filter" title="Press / to jump here" spellCheck={false} {...text} />
      </label>
      <FilterSelect label="State" value={route.state ?? ''} anyLabel="Any state" options={DOCKER_CONTAINER_STATES} onChange={(v) => onChange({ state: (v || null) as DockerContainerState | null })} />
      <FilterSelect label="Compose project" value={route.project ?? ''} anyLabel="Any project" options={projects} onChange={(v) => onChange({ project: v || null })} />
    </div>
  );
}
