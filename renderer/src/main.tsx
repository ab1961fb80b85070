import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { tabFromHash } from './shell/hashRoute';
import { createAppStore, type AppStore } from './state/appStore';
import { startSession } from './state/startSession';
import { StoreProvider } from './state/StoreProvider';
import { connect, type ConnectionState } from './transport';
import './styles/base.css';
import './styles/components.css';

// connect() may report its state before the store exists (the preload bridge is open at once).
let store: AppStore | undefined;
let initialConnection: ConnectionState = 'connecting';
const client = connect((state) => {
  initialConnection = state;
  store?.getState().setConnection(state);
});
store = createAppStore(client, {
  connection: initialConnection,
  tab: tabFromHash(location.hash) ?? 'overview',
});
startSession(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
