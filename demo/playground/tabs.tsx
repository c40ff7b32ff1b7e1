/**
 * Tabs as the WAI-ARIA Authoring Practices describe them: one tab stop for
 * the tab list, arrow keys (and Home/End) move between tabs, and every panel
 * stays in the page (only hidden), so the live widget keeps its place when
 * the clinician looks at another tab.
 */
import type { ComponentChildren } from 'preact';

export interface Tab<K extends string> {
  key: K;
  label: ComponentChildren;
  panel: ComponentChildren;
}

export interface TabsProps<K extends string> {
  /** Prefix for the ids of tabs and panels. */
  id: string;
  label: string;
  tabs: Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
}

/**
 * @example
 * <Tabs id="files" label="Files" tabs={[{ key: 'rules', label: 'Rules', panel: <Editor /> }]} selected="rules" onSelect={setTab} />
 */
export function Tabs<K extends string>({ id, label, tabs, selected, onSelect }: TabsProps<K>) {
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next]!.key);
    document.getElementById(`${id}-tab-${tabs[next]!.key}`)?.focus();
  };
  return (
    <div class="pg-tabs">
      <div role="tablist" aria-label={label} class="pg-tablist">
        {tabs.map((tab, index) => (
          <button
            type="button"
            role="tab"
            key={tab.key}
            id={`${id}-tab-${tab.key}`}
            aria-controls={`${id}-panel-${tab.key}`}
            aria-selected={tab.key === selected}
            tabIndex={tab.key === selected ? 0 : -1}
            class="pg-tab"
            onClick={() => onSelect(tab.key)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          role="tabpanel"
          key={tab.key}
          id={`${id}-panel-${tab.key}`}
          aria-labelledby={`${id}-tab-${tab.key}`}
          class="pg-tabpanel"
          hidden={tab.key !== selected}
        >
          {tab.panel}
        </div>
      ))}
    </div>
  );
}
