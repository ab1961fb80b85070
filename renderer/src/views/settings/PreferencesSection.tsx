import type { Settings, ThemePreference } from '@contract';
import { LoadError } from '../../components/LoadError';
import { useSettingsSave } from './useSettingsSave';

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Theme and notifications, both stored by the host so every window and serve-mode tab agrees. */
export function PreferencesSection({ settings: saved }: { settings: Settings }) {
  const { shown: settings, save, error, retry } = useSettingsSave(saved);

  return (
    <section className="settings-section" aria-labelledby="prefs-title">
      <h2 id="prefs-title">Preferences</h2>
      <fieldset className="field">
        <legend>Theme</legend>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => (
            <label key={t.value} className="segmented__option">
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={settings.theme === t.value}
                onChange={() => void save({ theme: t.value })}
              />
              {t.label}
            </label>
          ))}
        </div>
        <p className="muted">System follows your operating system&apos;s light or dark appearance.</p>
      </fieldset>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.notificationsPaused}
            onChange={(e) => void save({ notificationsPaused: e.target.checked })}
          />
          Pause desktop notifications
        </label>
        <p className="muted">While paused, alerts still appear in Monitoring &amp; Alerts but raise no desktop notification.</p>
      </div>
      {error && <LoadError title="Could not save the setting" message={error} onRetry={retry} />}
    </section>
  );
}
