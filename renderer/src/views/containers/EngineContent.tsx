import type { DockerEngineInfo, DockerPruneResult } from '@contract';
import { useState } from 'react';
import { ContainerDetail } from './ContainerDetail';
import { ContainerList } from './ContainerList';
import { parseContainerKey, type ContainersRoute } from './containersRoute';
import { EventsSection } from './EventsSection';
import { ImagesSection } from './ImagesSection';
import { HowToStartEngine } from './NoEngines';
import { PruneDialog } from './PruneDialog';
import { PruneResult } from './PruneResult';
import { SectionPicker } from './SectionPicker';
import { VolumesSection } from './VolumesSection';

interface Props {
  engines: DockerEngineInfo[];
  route: ContainersRoute;
  onRoute(patch: Partial<ContainersRoute>): void;
}

/** The engine images, volumes and prune act on: the chosen one, else the first connected one. */
function singleEngine(engines: DockerEngineInfo[], chosen: string | null): string | null {
  if (chosen && engines.some((e) => e.name === chosen)) return chosen;
  return engines.find((e) => e.state === 'connected')?.name ?? null;
}

/** The section picker, the chosen section, and the open container beside the list. */
export function EngineContent({ engines, route, onRoute }: Props) {
  const [pruning, setPruning] = useState(false);
  const [pruned, setPruned] = useState<DockerPruneResult | null>(null);
  const engine = singleEngine(engines, route.engine);
  const opened = route.section === 'containers' && route.selected ? parseContainerKey(route.selected) : null;
  const needsEngine = route.section === 'images' || route.section === 'volumes';
  const noneConnected = engines.every((e) => e.state !== 'connected');

  return (
    <>
      <div className="containers__bar">
        <SectionPicker section={route.section} onPick={(section) => onRoute({ section })} />
        <button type="button" className="button" disabled={engine === null} title={engine ? `Prune engine ${engine}` : 'No engine is connected'} onClick={() => setPruning(true)}>
          Prune…
        </button>
      </div>
      {pruned && <PruneResult result={pruned} onDismiss={() => setPruned(null)} />}
      {noneConnected && (
        <p className="note" data-testid="none-connected">
          No engine is connected yet; Opsdeck keeps retrying (the table above says why each one failed). <HowToStartEngine />
        </p>
      )}
      {needsEngine && engine === null && <p className="note">Images and volumes appear once an engine is connected.</p>}
      {route.section === 'containers' && (
        <div className="containers__split">
          <div className="containers__main">
            <ContainerList route={route} onRoute={onRoute} />
          </div>
          {opened && (
            <ContainerDetail
              key={route.selected}
              engine={opened.engine}
              id={opened.id}
              tab={route.detailTab}
              onTab={(detailTab) => onRoute({ detailTab })}
              onClose={() => onRoute({ selected: null })}
            />
          )}
        </div>
      )}
      {route.section === 'events' && <EventsSection route={route} onRoute={onRoute} />}
      {route.section === 'images' && engine && <ImagesSection key={engine} engine={engine} />}
      {route.section === 'volumes' && engine && <VolumesSection key={engine} engine={engine} />}
      {pruning && engine && (
        <PruneDialog
          engine={engine}
          onClose={() => setPruning(false)}
          onPruned={setPruned}
        />
      )}
    </>
  );
}
