import { useCallback, useState } from 'react';
import { ConnectionBanner } from './shell/ConnectionBanner';
import { Header } from './shell/Header';
import { ShortcutsDialog } from './shell/ShortcutsDialog';
import { TabBar } from './shell/TabBar';
import { TabPanels } from './shell/TabPanels';
import { useGlobalShortcuts } from './shell/useGlobalShortcuts';
import { useHashRoute } from './shell/useHashRoute';
import { useThemeAttribute } from './shell/useThemeAttribute';
import './styles/shell.css';

export function App() {
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const closeShortcuts = useCallback(() => setShortcutsOpen(false), []);

  useHashRoute();
  useThemeAttribute();
  useGlobalShortcuts(openShortcuts);

  return (
    <div className="app">
      <Header onShowShortcuts={openShortcuts} />
      <ConnectionBanner />
      <TabBar />
      <TabPanels />
      {shortcutsOpen && <ShortcutsDialog onClose={closeShortcuts} />}
    </div>
  );
}
