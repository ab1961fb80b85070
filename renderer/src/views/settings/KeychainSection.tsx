import { ResourceView } from '../../components/ResourceView';
import { useCall } from '../../state/useCall';

/** Whether Opsdeck can keep credentials in the operating system's keychain. */
export function KeychainSection() {
  const { resource, retry } = useCall('secrets.status', {});
  return (
    <section className="settings-section" aria-labelledby="keychain-title">
      <h2 id="keychain-title">Keychain</h2>
      <ResourceView resource={resource} onRetry={retry} loadingLabel="Checking the keychain…" errorTitle="Could not check the keychain">
        {(status) =>
          status.available ? (
            <p data-testid="keychain-status">
              <span className="badge badge--ok">Available</span> Credentials are stored in {status.backend}.
            </p>
          ) : (
            <p data-testid="keychain-status">
              <span className="badge badge--critical">Unavailable</span> {status.reason ?? `${status.backend} cannot be used.`}
            </p>
          )
        }
      </ResourceView>
    </section>
  );
}
