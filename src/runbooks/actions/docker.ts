import type { z } from 'zod';
import type { ActionResult } from '../../contract';
import { dockerAction, type DockerAction } from '../../contract/channels';
import type { ActionKind } from './registry';

/** The host's audited Docker action (the same one the Containers tab's buttons use). */
export type DockerPerform = (action: DockerAction) => Promise<ActionResult>;

/** A field of the contract's container.restart action: runbook values obey the channel's own rules. */
function field(name: 'engine' | 'id'): z.ZodType {
  const variant = dockerAction.options.find((o) => o.shape.action.value === 'container.restart');
  if (!variant) throw new Error('docker.action has no container.restart');
  return variant.shape[name];
}

/** Restarts a container on a Docker or Podman engine, through the host's audited Docker action. */
export function dockerActionKinds(perform: DockerPerform): ActionKind[] {
  return [
    {
      kind: 'container-restart',
      title: 'Restart a container',
      params: [
        { name: 'engine', label: 'Engine', type: 'string', schema: field('engine') },
        { name: 'container', label: 'Container id', type: 'string', schema: field('id') },
      ],
      describe: (v) => `Restart container ${String(v.container).slice(0, 12)} on engine ${String(v.engine)}.`,
      run: async (v) => {
        const { message, auditId } = await perform({ action: 'container.restart', engine: String(v.engine), id: String(v.container) });
        return { message, auditId };
      },
    },
  ];
}
