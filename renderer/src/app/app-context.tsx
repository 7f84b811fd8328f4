/** What every part of the window shares: the engine client, the catalogue, the store, the commands and the platform. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EngineClient } from '../api/client';
import type { CatalogueJson, NodeTypeJson } from '../../../nodes/catalogue-json';
import type { Platform } from '../platform/platform';
import type { MillraceStore } from '../store/create-store';
import type { MillraceState } from '../store/state';
import type { Commands } from './commands';

export interface AppServices {
  client: EngineClient;
  catalogue: CatalogueJson;
  nodeTypes: ReadonlyMap<string, NodeTypeJson>;
  store: MillraceStore;
  commands: Commands;
  /** Desktop or browser: dialogs, exports, title, links and menu commands. */
  platform: Platform;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp outside <AppContext.Provider>');
  return services;
}

/** Reads the store; wrap object or array selectors in useShallow (zustand 5). */
export function useMillrace<T>(selector: (state: MillraceState) => T): T {
  return useStore(useApp().store, selector);
}
