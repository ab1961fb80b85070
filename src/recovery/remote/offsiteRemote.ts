import { OpsdeckError, type OffsiteRemote as OffsiteRemoteView, type ParsedInput } from '../../contract';
import type { SecretStore } from '../../secrets/secretStore';
import type { KeyValueStore } from '../../store/keyValue';
import { normalizePrefix } from './offsiteCopy';
import { S3Client } from './s3Client';

const SETTINGS_KEY = 'recovery.remote';
const LAST_COPY_KEY = 'recovery.remote.lastCopy';
export const REMOTE_SECRET_ACCOUNT = 'recovery-remote-secret';

export type RemoteInput = ParsedInput<'recovery.remote.set'>;
type RemoteSettings = Omit<RemoteInput, 'secretAccessKey'>;
type LastCopy = NonNullable<OffsiteRemoteView['lastCopy']>;

/** The off-site bucket: its settings in the store, its secret key in the keychain, the last copy's outcome. */
export class OffsiteRemote {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly secrets: SecretStore,
  ) {}

  private settings(): RemoteSettings | null {
    return this.kv.get<RemoteSettings>(SETTINGS_KEY) ?? null;
  }

  async view(): Promise<OffsiteRemoteView> {
    const s = this.settings();
    const hasSecret = s !== null && (await this.secrets.get(REMOTE_SECRET_ACCOUNT).catch(() => null)) !== null;
    return {
      configured: s !== null,
      endpoint: s?.endpoint ?? null,
      region: s?.region ?? null,
      bucket: s?.bucket ?? null,
      prefix: s?.prefix ?? '',
      accessKeyId: s?.accessKeyId ?? null,
      hasSecret,
      lastCopy: this.kv.get<LastCopy>(LAST_COPY_KEY) ?? null,
    };
  }

  /** Checks the credentials with one listing before anything is stored. */
  async set(input: RemoteInput): Promise<OffsiteRemoteView> {
    const { secretAccessKey, ...settings } = input;
    const secret = secretAccessKey ?? (this.settings() ? await this.secrets.get(REMOTE_SECRET_ACCOUNT) : null);
    if (secret === null) throw new OpsdeckError('BAD_REQUEST', 'The secret access key is needed the first time.');
    await new S3Client({ ...settings, secretAccessKey: secret }).listObjects(normalizePrefix(settings.prefix), { maxKeys: 1 });
    if (secretAccessKey !== undefined) await this.secrets.set(REMOTE_SECRET_ACCOUNT, secretAccessKey);
    this.kv.set(SETTINGS_KEY, settings);
    return this.view();
  }

  private required(): RemoteSettings {
    const s = this.settings();
    if (!s) throw new OpsdeckError('NOT_FOUND', 'No off-site bucket yet: set one in the Disaster Recovery tab.');
    return s;
  }

  /** Where copies go, in words: `bucket/prefix at endpoint`; NOT_FOUND before a bucket is set. */
  where(): string {
    const s = this.required();
    return `${s.bucket}/${normalizePrefix(s.prefix)} at ${s.endpoint}`;
  }

  async client(): Promise<{ client: S3Client; prefix: string }> {
    const s = this.required();
    const secret = await this.secrets.get(REMOTE_SECRET_ACCOUNT);
    if (secret === null) throw new OpsdeckError('UNAVAILABLE', 'The off-site secret access key is not in the keychain: set the bucket again with it.');
    return { client: new S3Client({ ...s, secretAccessKey: secret }), prefix: s.prefix };
  }

  recordCopy(copy: LastCopy): void {
    this.kv.set(LAST_COPY_KEY, copy);
  }
}
