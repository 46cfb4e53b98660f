import { KeyboardEvent, ReactNode, useRef } from 'react';
import './tab-bar.css';

export interface TabBarItem {
  key: string;
  label: ReactNode;
}

/**
 * A row of tabs that switch what the page shows below them (the 工作台's 待签收 / 办理中 / …). WAI-ARIA
 * tabs: one tab in the Tab order, arrow keys, Home and End move between them. Plain buttons and CSS
 * rather than Ant Design's Tabs, whose first render measures the bar and generates its styles (and
 * those of its overflow menu) before the 工作台's rows can show (bench/web).
 */
export function TabBar({ items, activeKey, onChange, label }: { items: TabBarItem[]; activeKey: string; onChange(key: string): void; label: string }) {
  const bar = useRef<HTMLDivElement>(null);
  const move = (e: KeyboardEvent, index: number) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = (to + items.length) % items.length;
    bar.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
    onChange(items[next].key);
  };
  return (
    <div className="tab-bar" role="tablist" aria-label={label} ref={bar}>
      {items.map((t, i) => {
        const active = t.key === activeKey;
        return (
          <button
            key={t.key}
            type="button"
            role="tab"
            aria-selected={active}
            tabIndex={active ? 0 : -1}
            className={active ? 'tab-bar-tab tab-bar-active' : 'tab-bar-tab'}
            onClick={() => !active && onChange(t.key)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
