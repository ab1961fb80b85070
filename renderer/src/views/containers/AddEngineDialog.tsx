import type { ChannelInput, DockerEngines } from '@contract';
import { useState, type KeyboardEvent } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../state/StoreProvider';

type TlsMode = 'none' | 'files' | 'keychain';
type AddEngine = ChannelInput<'docker.addEngine'>;

const HOST_PATTERN = /^(tcp|unix):\/\/\S+$/;

interface Props {
  onClose(): void;
  onAdded(engines: DockerEngines): void;
}

/** The dialog swallows Enter outside its buttons; a PEM field needs it for new lines. */
const keepEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
  if (e.key === 'Enter') e.stopPropagation();
};

/** The TLS fields of the chosen mode: three file paths, or three PEM texts kept in the OS keychain. */
function TlsFields({ mode, values, onChange }: { mode: TlsMode; values: Record<string, string>; onChange(key: string, value: string): void }) {
  if (mode === 'none') return null;
  const keys = mode === 'files' ? ['caPath', 'certPath', 'keyPath'] : ['ca', 'cert', 'key'];
  const labels: Record<string, string> = {
    caPath: 'CA file (ca.pem)',
    certPath: 'Client certificate file (cert.pem)',
    keyPath: 'Client key file (key.pem)',
    ca: 'CA certificate (PEM)',
    cert: 'Client certificate (PEM)',
    key: 'Client key (PEM)',
  };
  return (
    <>
      {keys.map((k) =>
        mode === 'files' ? (
          <label key={k} className="form-field">
            {labels[k]}
            <input type="text" className="mono" spellCheck={false} value={values[k] ?? ''} onChange={(e) => onChange(k, e.target.value)} />
          </label>
        ) : (
          <label key={k} className="form-field">
            {labels[k]}
            <textarea className="mono" rows={3} spellCheck={false} onKeyDown={keepEnter} value={values[k] ?? ''} onChange={(e) => onChange(k, e.target.value)} />
          </label>
        ),
      )}
    </>
  );
}

function engineInput(name: string, host: string, mode: TlsMode, v: Record<string, string>): AddEngine | null {
  if (!name.trim() || !HOST_PATTERN.test(host.trim())) return null;
  const base = { name: name.trim(), host: host.trim() };
  if (mode === 'none') return { ...base, tls: { mode } };
  if (mode === 'files') {
    const [caPath, certPath, keyPath] = [v.caPath, v.certPath, v.keyPath].map((s) => s?.trim() ?? '');
    return caPath && certPath && keyPath ? { ...base, tls: { mode, caPath, certPath, keyPath } } : null;
  }
  const [ca, cert, key] = [v.ca, v.cert, v.key].map((s) => s?.trim() ?? '');
  return ca && cert && key ? { ...base, tls: { mode, ca, cert, key } } : null;
}

/** Adds a remote engine by address, with TLS from files or from PEM text the host keeps in the OS keychain. */
export function AddEngineDialog({ onClose, onAdded }: Props) {
  const client = useApp((s) => s.client);
  const [name, setName] = useState('');
  const [host, setHost] = useState('tcp://');
  const [mode, setMode] = useState<TlsMode>('files');
  const [values, setValues] = useState<Record<string, string>>({});
  const input = engineInput(name, host, mode, values);

  return (
    <ConfirmDialog
      title="Add a container engine"
      statement="Opsdeck connects to the engine at this address and lists it with the others. Docker's TLS port is usually 2376."
      confirmLabel="Add engine"
      confirmDisabled={input === null}
      onClose={onClose}
      onConfirm={async () => onAdded(await client.call('docker.addEngine', input!))}
    >
      <div className="add-engine">
        <label className="form-field">
          Name
          <input type="text" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="form-field">
          Address
          <input type="text" className="mono" spellCheck={false} placeholder="tcp://build-host:2376" value={host} onChange={(e) => setHost(e.target.value)} />
        </label>
        <label className="form-field">
          TLS
          <select value={mode} onChange={(e) => setMode(e.target.value as TlsMode)}>
            <option value="files">Certificate files on this machine</option>
            <option value="keychain">Paste certificates (kept in the OS keychain)</option>
            <option value="none">None (plain TCP or a unix socket)</option>
          </select>
        </label>
        <TlsFields mode={mode} values={values} onChange={(k, v) => setValues((old) => ({ ...old, [k]: v }))} />
      </div>
    </ConfirmDialog>
  );
}
