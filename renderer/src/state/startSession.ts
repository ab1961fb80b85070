import { SOURCE_KEYS, type AppStore } from './appStore';

/**
 * Subscribes to every host event once and loads the first data.
 * After a lost connection comes back, reloads everything, since events were missed meanwhile.
 */
export function startSession(store: AppStore): () => void {
  const { client } = store.getState();
  const loadAll = () => SOURCE_KEYS.forEach((key) => void store.getState().load(key));

  const unsubscribers = [
    client.on('host.sample', (sample) => store.getState().receive('latestSample', sample)),
    client.on('alerts.changed', (summary) => store.getState().receive('alerts', summary)),
    client.on('settings.changed', (settings) => store.getState().receive('settings', settings)),
    client.on('ui.navigate', (target) => store.getState().navigate(target)),
    store.subscribe((state, previous) => {
      if (state.connection === 'open' && previous.connection === 'closed') loadAll();
    }),
  ];
  loadAll();
  return () => unsubscribers.forEach((off) => off());
}
