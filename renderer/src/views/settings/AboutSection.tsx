import { ResourceView } from '../../components/ResourceView';
import { formatBytes } from '../../format/bytes';
import { formatInterval } from '../../format/duration';
import { useApp } from '../../state/StoreProvider';

const MODE_LABELS = { desktop: 'Desktop app', serve: 'Serve mode (browser)' } as const;

export function AboutSection() {
  const appInfo = useApp((s) => s.appInfo);
  const hostInfo = useApp((s) => s.hostInfo);
  const load = useApp((s) => s.load);

  return (
    <section className="settings-section" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <ResourceView resource={appInfo} onRetry={() => void load('appInfo')} errorTitle="Could not read the app details">
        {(app) => (
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="about-version">{app.version}</dd>
            <dt>Mode</dt>
            <dd>{MODE_LABELS[app.mode]}</dd>
            <dt>Platform</dt>
            <dd>
              {app.platform} ({app.arch})
            </dd>
            <dt>Data directory</dt>
            <dd className="mono">{app.dataDir}</dd>
            <dt>Node.js</dt>
            <dd>{app.runtime.node}</dd>
            <dt>Electron</dt>
            <dd>{app.runtime.electron ?? 'Not running in Electron'}</dd>
          </dl>
        )}
      </ResourceView>
      <h3>This host</h3>
      <ResourceView resource={hostInfo} onRetry={() => void load('hostInfo')} errorTitle="Could not read the host details">
        {(host) => (
          <dl className="facts">
            <dt>Host name</dt>
            <dd>{host.hostname}</dd>
            <dt>Operating system</dt>
            <dd>
              {host.os} · kernel {host.kernel}
            </dd>
            <dt>CPU</dt>
            <dd>
              {host.cpuModel} · {host.cores} cores · {host.arch}
            </dd>
            <dt>Memory</dt>
            <dd>{formatBytes(host.totalMemoryBytes)}</dd>
            <dt>Sample interval</dt>
            <dd data-testid="about-sample-interval">{formatInterval(host.sampleIntervalMs)}</dd>
            {host.limitations.length > 0 && (
              <>
                <dt>Not measured here</dt>
                <dd>{host.limitations.join(', ')}</dd>
              </>
            )}
          </dl>
        )}
      </ResourceView>
    </section>
  );
}
