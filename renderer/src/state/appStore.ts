import type {
  AlertSummary,
  AppInfo,
  ChannelName,
  ChannelOutput,
  HostInfo,
  HostSample,
  NavigationTarget,
  OpsdeckClient,
  SeriesRange,
  Settings,
  TabId,
} from '@contract';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionState } from '../transport';
import { failed, LOADING, ready, type Resource } from './resource';

/** Host data the whole renderer shares, each read from one channel. */
const SOURCES = {
  appInfo: 'app.info',
  hostInfo: 'host.info',
  settings: 'settings.get',
  latestSample: 'host.latest',
  alerts: 'alerts.summary',
} as const satisfies Record<string, ChannelName>;

export type SourceKey = keyof typeof SOURCES;
export const SOURCE_KEYS = Object.keys(SOURCES) as SourceKey[];

export interface AppState {
  client: OpsdeckClient;
  connection: ConnectionState;
  tab: TabId;
  /** The alert a notification click asked to show, highlighted in Monitoring. */
  focusAlertId: string | null;
  seriesRange: SeriesRange;
  appInfo: Resource<AppInfo>;
  hostInfo: Resource<HostInfo>;
  settings: Resource<Settings>;
  latestSample: Resource<HostSample | null>;
  alerts: Resource<AlertSummary>;

  setConnection(state: ConnectionState): void;
  selectTab(tab: TabId): void;
  navigate(target: NavigationTarget): void;
  setSeriesRange(range: SeriesRange): void;
  load(key: SourceKey): Promise<void>;
  /** Pushed by a host event: newer than any answer still on its way. */
  receive<K extends SourceKey>(key: K, data: ChannelOutput<(typeof SOURCES)[K]>): void;
  updateSettings(patch: Partial<Settings>): Promise<void>;
}

export type AppStore = StoreApi<AppState>;

export interface AppStoreOptions {
  connection?: ConnectionState;
  tab?: TabId;
}

export function createAppStore(client: OpsdeckClient, options: AppStoreOptions = {}): AppStore {
  // Bumped by every load and event, so a slow answer never overwrites a newer event.
  const versions: Record<SourceKey, number> = {
    appInfo: 0,
    hostInfo: 0,
    settings: 0,
    latestSample: 0,
    alerts: 0,
  };

  return createStore<AppState>()((set, get) => ({
    client,
    connection: options.connection ?? 'connecting',
    tab: options.tab ?? 'overview',
    focusAlertId: null,
    seriesRange: '15m',
    appInfo: LOADING,
    hostInfo: LOADING,
    settings: LOADING,
    latestSample: LOADING,
    alerts: LOADING,

    setConnection: (connection) => set({ connection }),
    selectTab: (tab) => set({ tab }),
    navigate: ({ tab, alertId }) => set({ tab, focusAlertId: alertId ?? null }),
    setSeriesRange: (seriesRange) => set({ seriesRange }),

    async load(key) {
      const version = ++versions[key];
      // Keep showing what we have while refreshing; only a first load or a retry shows a spinner.
      if (get()[key].status !== 'ready') set({ [key]: LOADING });
      let next: Resource<unknown>;
      try {
        next = ready(await client.call(SOURCES[key], {}));
      } catch (err) {
        next = failed(err);
      }
      if (versions[key] === version) set({ [key]: next });
    },

    receive(key, data) {
      versions[key]++;
      set({ [key]: ready(data) });
    },

    async updateSettings(patch) {
      const next = await client.call('settings.update', patch);
      get().receive('settings', next);
    },
  }));
}
