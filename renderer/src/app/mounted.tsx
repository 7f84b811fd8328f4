/**
 * Components built in other folders, loaded lazily so Monaco and the grid stay out of the first
 * bundle. Typed against mount-props.ts: a component whose props drift from that contract fails
 * the type check here.
 */
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { DataPanelProps, InspectorProps, RunHistoryProps, YamlViewProps } from './mount-props';

const InspectorImpl: ComponentType<InspectorProps> = lazy(() => import('../inspector/Inspector').then((m) => ({ default: m.Inspector })));
const YamlViewImpl: ComponentType<YamlViewProps> = lazy(() => import('../yaml-view/YamlView').then((m) => ({ default: m.YamlView })));
const RunHistoryImpl: ComponentType<RunHistoryProps> = lazy(() => import('../runs/RunHistory').then((m) => ({ default: m.RunHistory })));
const DataPanelImpl: ComponentType<DataPanelProps> = lazy(() => import('../data-panel/DataPanel').then((m) => ({ default: m.DataPanel })));

function Loading() {
  return <div className="mount-placeholder">Loading…</div>;
}

function mount<P extends object>(Impl: ComponentType<P>): (props: P) => ReactNode {
  return function Mounted(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Impl {...props} />
      </Suspense>
    );
  };
}

export const Inspector = mount(InspectorImpl);
export const YamlView = mount(YamlViewImpl);
export const RunHistory = mount(RunHistoryImpl);
export const DataPanel = mount(DataPanelImpl);
