import { AlertsSection } from './alerts/AlertsSection';
import { MonitoringSections } from './MonitoringSections';
import { NotificationsSection } from './notifications/NotificationsSection';
import { PrometheusSection } from './prometheus/PrometheusSection';
import { RoutingSection } from './routing/RoutingSection';
import { RulesSection } from './rules/RulesSection';
import { SilencesSection } from './silences/SilencesSection';
import { SlosSection } from './slo/SlosSection';
import { useMonitoringRoute } from './useMonitoringRoute';
import '../../components/k8s/k8s.css';
import './monitoring.css';

/** Alerts, silences, alert rules, notification routing and delivery, SLOs and insights, and Prometheus sources with a PromQL explorer. */
export function MonitoringView() {
  const [route, setRoute] = useMonitoringRoute();
  return (
    <div className="monitoring">
      <MonitoringSections section={route.section} onPick={(section) => setRoute({ section })} />
      {route.section === 'alerts' && <AlertsSection route={route} onRoute={setRoute} />}
      {route.section === 'silences' && <SilencesSection />}
      {route.section === 'rules' && <RulesSection route={route} onRoute={setRoute} />}
      {route.section === 'routing' && <RoutingSection />}
      {route.section === 'notifications' && <NotificationsSection />}
      {route.section === 'slos' && <SlosSection route={route} onRoute={setRoute} />}
      {route.section === 'prometheus' && <PrometheusSection route={route} onRoute={setRoute} />}
    </div>
  );
}
