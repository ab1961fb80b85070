import type { ChannelInput, ChannelName, ChannelOutput, EventData, EventName, OpsdeckClient } from '@contract';

export type Handlers = {
  [K in ChannelName]?: (input: ChannelInput<K>) => ChannelOutput<K> | Promise<ChannelOutput<K>>;
};

/**
 * An OpsdeckClient whose answers the test chooses. Records every call;
 * emit() pushes an event as the host would.
 */
export function fakeClient(handlers: Handlers) {
  const calls: { channel: ChannelName; input: unknown }[] = [];
  const listeners = new Map<EventName, Set<(data: never) => void>>();

  const client: OpsdeckClient = {
    async call(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((i: unknown) => unknown) | undefined;
      if (!handler) throw new Error(`no fake answer for ${channel}`);
      return (await handler(input)) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (data: never) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (data: never) => void);
    },
  };

  const emit = <K extends EventName>(event: K, data: EventData<K>) => {
    for (const l of listeners.get(event) ?? []) l(data as never);
  };
  const callsTo = (channel: ChannelName) => calls.filter((c) => c.channel === channel);

  return { client, calls, callsTo, emit, handlers };
}
