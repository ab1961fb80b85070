import { ResourceView } from '../../components/ResourceView';
import { useApp } from '../../state/StoreProvider';
import { AboutSection } from './AboutSection';
import { KeychainSection } from './KeychainSection';
import { PreferencesSection } from './PreferencesSection';
import './settings.css';

export function SettingsView() {
  const settings = useApp((s) => s.settings);
  const load = useApp((s) => s.load);
  return (
    <div className="settings">
      <ResourceView resource={settings} onRetry={() => void load('settings')} loadingLabel="Loading settings…" errorTitle="Could not load settings">
        {(data) => <PreferencesSection settings={data} />}
      </ResourceView>
      <KeychainSection />
      <AboutSection />
    </div>
  );
}
