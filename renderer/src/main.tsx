/** Entry point: load the node catalogue, build the store, attach its side effects, render, open the last pipeline. */
// The theme first: component styles loaded later may refine it.
import './theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiRequestError, createEngineClient } from './api/client';
import { App } from './app/App';
import { BootScreen } from './app/BootScreen';
import { forgetPath, startupPath } from './app/browser-state';
import { createCommands, errorText } from './app/commands';
import { createPlatform } from './platform/platform';
import { createMillraceStore } from './store/create-store';
import { createEventHub } from './store/event-hub';
import { attachSideEffects } from './store/side-effects';

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const root = createRoot(container);
  root.render(<BootScreen />);

  const client = createEngineClient();
  let catalogue;
  try {
    catalogue = await client.nodeTypes();
  } catch (error) {
    const reason = error instanceof ApiRequestError && error.status === 401 ? 'This page has no valid session token.' : errorText(error);
    root.render(<BootScreen error={reason} />);
    return;
  }

  const store = createMillraceStore();
  const hub = createEventHub(client.subscribe.bind(client));
  attachSideEffects(store, client, { subscribe: hub.subscribe });
  const nodeTypes = new Map(catalogue.nodeTypes.map((t) => [t.type, t]));
  const commands = createCommands(store, client, nodeTypes);
  const platform = createPlatform({ store, commands });

  root.render(
    <StrictMode>
      <App services={{ client, catalogue, nodeTypes, store, commands, platform }} events={hub.subscribe} />
    </StrictMode>,
  );

  const path = startupPath();
  if (path && !(await commands.openPath(path))) forgetPath();
  else if (!path) forgetPath();
}

void boot();
