import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TlsFiles {
  caPath: string;
  certPath: string;
  keyPath: string;
}

function openssl(dir: string, args: string[]): void {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.error?.message ?? r.stderr}`);
}

/** A certificate for `name` signed by the CA in `dir`, for a server (127.0.0.1) or a client. */
function signed(dir: string, name: string, usage: 'serverAuth' | 'clientAuth'): TlsFiles {
  const ext = path.join(dir, `${name}.ext`);
  fs.writeFileSync(ext, `extendedKeyUsage=${usage}\n${usage === 'serverAuth' ? 'subjectAltName=IP:127.0.0.1\n' : ''}`);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}-cert.pem`, '-days', '2', '-extfile', ext]);
  return { caPath: path.join(dir, 'ca.pem'), certPath: path.join(dir, `${name}-cert.pem`), keyPath: path.join(dir, `${name}-key.pem`) };
}

/** A throw-away CA with a server certificate for 127.0.0.1 and a client certificate, as `dockerd --tlsverify` wants them. */
export function makeTls(dir: string): { server: TlsFiles; client: TlsFiles } {
  fs.mkdirSync(dir, { recursive: true });
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=opsdeck-test-ca']);
  return { server: signed(dir, 'server', 'serverAuth'), client: signed(dir, 'client', 'clientAuth') };
}
