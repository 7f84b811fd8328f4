/** Leaving the page with unsaved changes asks first (they are autosaved, but the file is not written). */
import { useEffect } from 'react';
import { useApp } from './app-context';

export function useUnsavedWarning(): void {
  const { store } = useApp();
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = store.getState();
      if (!state.open || !state.isDirty()) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
}
