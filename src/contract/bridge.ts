import type { ChannelInput, ChannelName, ChannelOutput, EventData, EventName, HostEvent } from './channels';
import { ContractCallError, type Result } from './errors';

/**
 * The untyped pipe between renderer and host: Electron's preload and the
 * serve-mode WebSocket both provide it, and nothing else in the renderer knows which.
 */
export interface OpsdeckBridge {
  invoke(channel: string, payload: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: HostEvent) => void): () => void;
}

export interface OpsdeckClient {
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>;
  on<K extends EventName>(event: K, listener: (data: EventData<K>) => void): () => void;
}

/** Types a bridge from the contract; errors become ContractCallError. */
export function createClient(bridge: OpsdeckBridge): OpsdeckClient {
  return {
    async call(channel, input) {
      const result = await bridge.invoke(channel, input);
      if (!result.ok) throw new ContractCallError(channel, result.error);
      return result.value as never;
    },
    on(event, listener) {
      return bridge.subscribe((e) => {
        if (e.name === event) listener(e.data as never);
      });
    },
  };
}
