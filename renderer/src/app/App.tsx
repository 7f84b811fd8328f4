/** Providers for the whole window: the app services and React Flow (the toolbar and palette use it too). */
import { ReactFlowProvider } from '@xyflow/react';
import type { EventHub } from '../store/event-hub';
import { AppContext, type AppServices } from './app-context';
import { Shell } from './Shell';

export function App({ services, events }: { services: AppServices; events: EventHub['subscribe'] }) {
  return (
    <AppContext.Provider value={services}>
      <ReactFlowProvider>
        <Shell events={events} />
      </ReactFlowProvider>
    </AppContext.Provider>
  );
}
