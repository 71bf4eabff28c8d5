/**
 * @module The lazy loader of the onboarding elements. `@foyer/elements` (and `dist/foyer.js`)
 * defines no onboarding tag eagerly: it watches the document and, once one of these tags appears,
 * imports the onboarding chunk, which defines them all (the elements then upgrade in place).
 * `import '@foyer/elements/onboarding'` defines them eagerly instead.
 */

/** The tags the onboarding chunk defines. */
export const ONBOARDING_TAGS = [
  'foyer-onboarding',
  'foyer-step-roles',
  'foyer-step-profile',
  'foyer-step-packages',
  'foyer-step-availability',
  'foyer-step-policies',
  'foyer-step-studio',
  'foyer-completeness-meter',
] as const;

const SELECTOR = ONBOARDING_TAGS.join(',');
let loading: Promise<unknown> | undefined;

/** Imports the onboarding chunk (once) and resolves when its tags are defined. */
export function loadOnboardingElements(): Promise<unknown> {
  loading ??= import('../onboarding.js');
  return loading;
}

const matches = (node: Node): boolean =>
  node instanceof Element && (node.matches(SELECTOR) || node.querySelector(SELECTOR) !== null);

/**
 * Loads the onboarding chunk as soon as `root` contains an onboarding tag (now or later). Tags
 * rendered inside another element's shadow root are not seen: import `@foyer/elements/onboarding`
 * (or call {@link loadOnboardingElements}) there.
 */
export function autoloadOnboardingElements(root: ParentNode & Node = globalThis.document): void {
  if (!root || typeof MutationObserver === 'undefined') return;
  if (ONBOARDING_TAGS.every((tag) => customElements.get(tag))) return;
  if (root.querySelector(SELECTOR)) {
    void loadOnboardingElements();
    return;
  }
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (matches(node)) {
          observer.disconnect();
          void loadOnboardingElements();
          return;
        }
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
}
