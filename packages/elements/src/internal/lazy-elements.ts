/**
 * @module Lazy element registry. Tags registered here are defined only when one is first used:
 * when it appears in the document (a MutationObserver) or in the shadow root of a Foyer element
 * (every `FoyerElement` looks after each render), their module is imported, which defines them, and
 * the elements already in the page upgrade in place (Lit keeps properties set before the upgrade).
 * This keeps rarely-shown parts (password reset, CAPTCHA, sessions, onboarding…) out of the
 * initial `dist/foyer.js`.
 */

type Loader = () => Promise<unknown>;

const loaders = new Map<string, Loader>();
const loading = new Map<string, Promise<unknown>>();
let observer: MutationObserver | undefined;

/** The registered tags not defined yet, as one selector (`''` when none). */
function pendingSelector(): string {
  return [...loaders.keys()].filter((tag) => !customElements.get(tag)).join(',');
}

/**
 * Imports the module of `tag` (once per module) and resolves when it has loaded. Resolves at once
 * for tags that are defined or not registered.
 *
 * @example
 * await loadElement('foyer-sessions');
 */
export function loadElement(tag: string): Promise<unknown> {
  const loader = loaders.get(tag);
  if (!loader || customElements.get(tag)) return Promise.resolve();
  let promise = loading.get(tag);
  if (!promise) {
    promise = loader().catch((error: unknown) => {
      loading.delete(tag);
      console.error(`Foyer: could not load <${tag}>.`, error);
    });
    loading.set(tag, promise);
  }
  return promise;
}

/** Loads every registered, undefined tag found in `root` (the root itself included). */
export function loadElementsIn(root: ParentNode | Element): void {
  const selector = pendingSelector();
  if (!selector) return;
  if (root instanceof Element && root.matches(selector)) void loadElement(root.localName);
  for (const element of root.querySelectorAll(selector)) void loadElement(element.localName);
}

/**
 * Registers tags and the loader that defines them (several tags may share one loader: one
 * chunk). Starts watching the document the first time.
 *
 * @example
 * registerLazyElements(['foyer-sessions'], () => import('../sessions/sessions.js'));
 */
export function registerLazyElements(tags: readonly string[], loader: Loader): void {
  for (const tag of tags) if (!loaders.has(tag)) loaders.set(tag, loader);
  const document = globalThis.document;
  if (!document || typeof MutationObserver === 'undefined') return;
  loadElementsIn(document);
  observer ??= new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) loadElementsIn(node);
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * The first `tag` element in `root` once its module has loaded and it has rendered, or `null`.
 * For calling methods (focus…) of an element that may be defined lazily.
 *
 * @example
 * void definedElement<FoyerResetPassword>(this.renderRoot, 'foyer-reset-password').then((el) => el?.focusFirst());
 */
export async function definedElement<T extends Element>(root: ParentNode, tag: string): Promise<T | null> {
  await loadElement(tag);
  await customElements.whenDefined(tag);
  const element = root.querySelector<T>(tag);
  await (element as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
  return element;
}
