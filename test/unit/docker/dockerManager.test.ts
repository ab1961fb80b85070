import { describe, expect, it } from 'vitest';
import type { DockerEngines } from '../../../src/contract';
import { NO_ENGINE_HINT } from '../../../src/docker/discovery';
import { DockerManager } from '../../../src/docker/dockerManager';
import { KeychainSecretStore } from '../../../src/secrets/secretStore';
import { openDatabase } from '../../../src/store/database';
import { KeyValueStore } from '../../../src/store/keyValue';
import { tempDir } from '../../helpers/tempDir';

describe('docker manager without engines', () => {
  it('answers an empty state that says how to start or point at an engine', () => {
    const db = openDatabase(tempDir());
    const announced: DockerEngines[] = [];
    const manager = new DockerManager({
      hosts: [],
      kv: new KeyValueStore(db),
      secrets: new KeychainSecretStore('opsdeck-test', async () => {
        throw new Error('not used');
      }),
      onEngines: (e) => announced.push(e),
      onChange: () => undefined,
      onLogChunk: () => undefined,
      onSignal: () => undefined,
      log: () => undefined,
    });
    manager.start();
    expect(manager.engines()).toEqual({ engines: [], problems: [], hint: NO_ENGINE_HINT });
    expect(NO_ENGINE_HINT).toMatch(/systemctl start docker.*podman\.socket.*DOCKER_HOST/);
    expect(manager.containers(undefined, { sort: 'name', dir: 'asc' })).toEqual({ total: 0, matched: 0, groups: [], synced: true, statsIntervalMs: 2000 });
    expect(() => manager.connection('default')).toThrow('No engine named default.');
    manager.stop();
    db.close();
    expect(announced).toEqual([]);
  });
});
