import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';

const SECRET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** Stores or removes a secret the routing config names as keychain:<name>; a stored value is never shown. */
export function NotificationSecrets() {
  const client = useApp((s) => s.client);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const [deleting, setDeleting] = useState(false);
  const nameOk = SECRET_NAME.test(name);

  const store = () => {
    client.call('secrets.set', { name, value }).then(
      (r) => (setValue(''), setNote(`Stored ${r.name} in the keychain; refer to it as keychain:${r.name}.`)),
      (err: unknown) => setNote(errorMessage(err)),
    );
  };

  return (
    <section className="notification-secrets" aria-label="Notification secrets">
      <h3>Notification secrets</h3>
      <p className="note">Webhook URLs, tokens and keys go in the OS keychain; the routing config refers to them as keychain:&lt;name&gt;.</p>
      <div className="pod-filters">
        <label className="pod-filters__field">
          <span>Name</span>
          <input aria-label="Secret name" className="mono" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="pod-filters__field">
          <span>Value</span>
          <input aria-label="Secret value" type="password" autoComplete="new-password" value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="button" className="button button--small" disabled={!nameOk || !value} onClick={store}>
          Store secret
        </button>
        <button type="button" className="button button--small" disabled={!nameOk} onClick={() => setDeleting(true)}>
          Delete secret…
        </button>
      </div>
      <p role="status">{note}</p>
      {deleting && (
        <ConfirmDialog
          title="Delete secret"
          statement={`Delete ${name} from the keychain? Receivers that refer to keychain:${name} stop delivering until it is stored again.`}
          confirmLabel="Delete secret"
          onClose={() => setDeleting(false)}
          onConfirm={async () => {
            const r = await client.call('secrets.delete', { name });
            setNote(r.deleted ? `Deleted ${r.name}.` : `There was no secret named ${r.name}.`);
          }}
        />
      )}
    </section>
  );
}
