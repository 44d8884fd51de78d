import { contentLocaleOf, fieldDirection, type Direction } from './direction';

/** Form controls and rich-text editors in the Content Manager. */
const FIELDS = 'main input, main textarea, main [contenteditable="true"]';
/**
 * List-view cells, the edit view's title and the labels of related documents: the
 * text itself decides, so an Arabic headline or name reads from its start and is
 * cut at its end, not the other way round.
 */
const TEXT_BLOCKS = 'main td[role="gridcell"] span, main td[role="gridcell"] a, main h1, main [draggable="true"] button span';

function setDirection(element: Element, direction: Direction): boolean {
  if (element.getAttribute('dir') === direction) return false;
  element.setAttribute('dir', direction);
  return true;
}

/** Sets `dir` on every field and text cell of the current Content Manager page; returns how many changed. */
export function applyDirections(doc: Document, href: string): number {
  const locale = contentLocaleOf(href);
  if (locale === null && !new URL(href, 'http://admin.invalid').pathname.includes('/content-manager/')) return 0;
  let changed = 0;
  doc.querySelectorAll(FIELDS).forEach((element) => {
    const direction = fieldDirection(
      {
        tag: element.tagName,
        type: element.getAttribute('type'),
        name: element.getAttribute('name'),
        inputMode: element.getAttribute('inputmode'),
      },
      locale,
    );
    if (direction && setDirection(element, direction)) changed += 1;
  });
  doc.querySelectorAll(TEXT_BLOCKS).forEach((element) => {
    if (setDirection(element, 'auto')) changed += 1;
  });
  return changed;
}

/**
 * Keeps directions right as the single-page admin renders: after any DOM change
 * (navigation, a locale switch, a field appearing) the next animation frame
 * re-applies them. Returns a function that stops watching.
 */
export function watchDirections(doc: Document, currentHref: () => string): () => void {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    applyDirections(doc, currentHref());
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(run);
  });
  observer.observe(doc.body, { childList: true, subtree: true });
  run();
  return () => observer.disconnect();
}
