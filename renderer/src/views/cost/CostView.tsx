import { Suspense, useState } from 'react';
import { Loading } from '../../components/Loading';
import { COST_SECTIONS } from './costSections';
// The section picker's style.
import '../../components/k8s/k8s.css';
import './cost.css';

/** What we spend, on what, and against which budget. */
export function CostView() {
  const [section, setSection] = useState(COST_SECTIONS[0]!.id);
  const View = (COST_SECTIONS.find((s) => s.id === section) ?? COST_SECTIONS[0]!).view;
  return (
    <div className="cost-view">
      <nav className="kind-picker" aria-label="Cost sections">
        {COST_SECTIONS.map((s) => (
          <button key={s.id} type="button" className="kind-picker__kind" aria-pressed={s.id === section} onClick={() => setSection(s.id)}>
            {s.label}
          </button>
        ))}
      </nav>
      <Suspense fallback={<Loading />}>
        <View />
      </Suspense>
    </div>
  );
}
