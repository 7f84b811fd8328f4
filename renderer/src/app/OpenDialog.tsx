/** File ▸ Open: the pipelines in the served folder, with their description and size. */
import { useApp } from './app-context';
import { Dialog } from './Dialog';
import { PipelineList } from './PipelineList';

export function OpenDialog({ onClose }: { onClose(): void }) {
  const { commands, store } = useApp();
  const open = async (path: string) => {
    if (store.getState().isDirty() && !window.confirm('The current pipeline has unsaved changes (they stay in its autosave). Open another one?')) return;
    onClose();
    await commands.openPath(path);
  };
  return (
    <Dialog title="Open a pipeline" onClose={onClose} wide testId="open-dialog">
      <PipelineList onOpen={(path) => void open(path)} />
    </Dialog>
  );
}
