import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

const KEY = 'duban.careMode';

interface CareMode {
  on: boolean;
  setOn(on: boolean): void;
}

const Ctx = createContext<CareMode>({ on: false, setOn: () => undefined });

const stored = () => {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
};

/**
 * 关怀模式 (适老化): larger type, wider line spacing and larger tap targets. Kept in localStorage so it
 * survives logout and reloads on this device; the <html> class lets plain CSS follow it.
 */
export function CareModeProvider({ children }: { children: ReactNode }) {
  const [on, setState] = useState(stored);
  useEffect(() => {
    document.documentElement.classList.toggle('care-mode', on);
  }, [on]);
  const setOn = useCallback((v: boolean) => {
    setState(v);
    try {
      localStorage.setItem(KEY, v ? '1' : '0');
    } catch {
      // private mode: the switch still works for this visit
    }
  }, []);
  const value = useMemo(() => ({ on, setOn }), [on, setOn]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export const useCareMode = () => useContext(Ctx);
