import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabStore } from '../store';
import type { LabState } from '../store/types';

const StoreContext = createContext<LabStore | null>(null);

/** The store comes from main.tsx (or a test) through context, never from a module singleton. */
export function StoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useLabStore(): LabStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLabStore outside StoreProvider');
  return store;
}

/** Subscribes a component to one slice of the state. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
