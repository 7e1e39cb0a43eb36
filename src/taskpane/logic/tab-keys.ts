/**
 * Keyboard movement in a horizontal WAI-ARIA tablist
 * (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/): the arrow keys move to the next or previous
 * tab and wrap around, Home and End go to the first and last.
 *
 * @returns the index of the tab `key` moves to from `index` among `count` tabs, or null when the
 *   key does not move (any other key, or no tabs).
 */
export function tabIndexAfterKey(key: string, index: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
