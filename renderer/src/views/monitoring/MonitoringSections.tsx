import { MONITORING_SECTIONS, type MonitoringSection } from './monitoringRoute';

const LABELS: Record<MonitoringSection, string> = {
  alerts: 'Alerts',
  silences: 'Silences',
  rules: 'Rules',
  routing: 'Routing',
  notifications: 'Notifications',
  slos: 'SLOs & insights',
  prometheus: 'Prometheus',
};

export function MonitoringSections({ section, onPick }: { section: MonitoringSection; onPick(section: MonitoringSection): void }) {
  return (
    <nav className="kind-picker" aria-label="Monitoring sections">
      {MONITORING_SECTIONS.map((s) => (
        <button key={s} type="button" className="kind-picker__kind" aria-pressed={s === section} onClick={() => s !== section && onPick(s)}>
          {LABELS[s]}
        </button>
      ))}
    </nav>
  );
}
