/** On-page table of contents built from a rendered lesson's headings. */

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocItem extends Heading {
  children: TocItem[];
}

/**
 * Nests headings between `minDepth` and `maxDepth` (default h2–h3). A heading that skips a level
 * (h2 → h4) is attached to the nearest shallower item rather than dropped.
 */
export function buildToc(headings: readonly Heading[], minDepth = 2, maxDepth = 3): TocItem[] {
  const root: TocItem[] = [];
  const stack: TocItem[] = [];
  for (const heading of headings) {
    if (heading.depth < minDepth || heading.depth > maxDepth) continue;
    const item: TocItem = { ...heading, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= item.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : root).push(item);
    stack.push(item);
  }
  return root;
}

/**
 * Index of the section being read: the last heading whose top has scrolled above `offset`
 * (px from the viewport top), or -1 while the reader is still above the first heading.
 */
export function activeHeadingIndex(headingTops: readonly number[], offset: number): number {
  let active = -1;
  headingTops.forEach((top, i) => {
    if (top <= offset) active = i;
  });
  return active;
}
