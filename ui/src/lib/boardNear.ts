// Which cards are near the visible part of the board. A big map keeps every card in the DOM as a
// light shell (its title, focusable, named for screen readers, found by find-in-page) and draws
// a card's details only while it is near the view: the DOM stays small enough to paint fast.

type Listener = (near: boolean) => void;

const listeners = new WeakMap<Element, Listener>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver | null {
  if (observer || typeof IntersectionObserver === "undefined") return observer;
  observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
    },
    // A screen's worth around the view, so that scrolling finds the details drawn already.
    { rootMargin: "800px 800px 800px 800px" },
  );
  return observer;
}

/** Calls `listener` whenever `element` comes near the view or leaves it; returns the stop. */
export function watchNear(element: Element, listener: Listener): () => void {
  const io = shared();
  if (!io) {
    listener(true);
    return () => {};
  }
  listeners.set(element, listener);
  io.observe(element);
  return () => {
    io.unobserve(element);
    listeners.delete(element);
  };
}

/** Above this many cards the board draws details only near the view. */
export const LAZY_CARDS = 600;
