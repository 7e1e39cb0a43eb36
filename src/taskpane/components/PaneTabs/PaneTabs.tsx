import { mergeClasses } from "@fluentui/react-components";
import { useRef, useState, type KeyboardEvent } from "react";
import { tabIndexAfterKey } from "../../logic/tab-keys";
import { usePaneTabsStyles } from "./PaneTabs.styles";

export interface PaneTab<T extends string> {
  name: T;
  label: string;
}

export interface PaneTabsProps<T extends string> {
  tabs: readonly PaneTab<T>[];
  selected: T;
  onSelect: (name: T) => void;
  /** The accessible name of the list. */
  label: string;
  /** Gives each tab's element id, so the panel can name the tab that labels it. */
  tabId: (name: T) => string;
  /** The id of the panel the tabs control. */
  panelId: string;
  className?: string;
}

/**
 * The pane's section tabs: a WAI-ARIA tablist (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/)
 * with manual activation, as Fluent's TabList does by default: arrows, Home and End move focus,
 * Enter, Space or a click selects. One tab is in the Tab order (roving tabindex).
 *
 * Why not Fluent's TabList: it brings the tabster focus manager, about 23 KB of the pane's initial
 * JavaScript (gzip) for this one keyboard pattern; see README "Bundle size".
 */
export function PaneTabs<T extends string>(props: PaneTabsProps<T>) {
  const { tabs, selected, onSelect, label, tabId, panelId, className } = props;
  const styles = usePaneTabsStyles();
  const [focusable, setFocusable] = useState<T | null>(null);
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const current = focusable !== null && tabs.some((t) => t.name === focusable) ? focusable : selected;
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = tabIndexAfterKey(e.key, index, tabs.length);
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    setFocusable(tab.name);
    refs.current.get(tab.name)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={label}
      className={mergeClasses(styles.list, className)}
      onBlur={(e) => {
        // Tabbing back into the list lands on the selected tab again.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusable(null);
      }}
    >
      {tabs.map((t, i) => {
        const isSelected = t.name === selected;
        return (
          <button
            key={t.name}
            ref={(el) => {
              if (el) refs.current.set(t.name, el);
              else refs.current.delete(t.name);
            }}
            type="button"
            role="tab"
            id={tabId(t.name)}
            aria-selected={isSelected}
            aria-controls={isSelected ? panelId : undefined}
            tabIndex={t.name === current ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            data-testid={`tab-${t.name}`}
            onClick={() => {
              setFocusable(t.name);
              onSelect(t.name);
            }}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <span className={mergeClasses(styles.label, isSelected && styles.labelSelected)}>{t.label}</span>
            <span className={mergeClasses(styles.label, styles.reserved)} aria-hidden="true">
              {t.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
