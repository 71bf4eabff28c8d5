/**
 * The host page's own integration code (a module, in a file so the page's Content-Security-Policy
 * allows scripts from 'self' only): who is signed in, shown in the header, and the onboarding wizard.
 */
const account = document.querySelector('#host-account');
const who = account.querySelector('.who');

const onboarding = document.querySelector('#onboarding');
const wizard = document.querySelector('#wizard');
const trackChoice = document.querySelector('#track-choice');
function showUser(user) {
  if (user) {
    account.setAttribute('data-signed-in', '');
    who.textContent = user.email;
    void showOnboarding();
  } else {
    account.removeAttribute('data-signed-in');
    who.textContent = 'Not signed in';
    onboarding.hidden = true;
    wizard.replaceChildren();
  }
}
// Onboarding: resume the track the person chose before, or let them choose one.
async function showOnboarding() {
  onboarding.hidden = false;
  const response = await fetch('/onboarding', { credentials: 'include' });
  if (!response.ok) return;
  const { tracks } = await response.json();
  if (tracks.length > 0) openWizard(tracks[0].id);
  else trackChoice.hidden = false;
}
function openWizard(track) {
  trackChoice.hidden = true;
  // <foyer-onboarding> is defined lazily: its chunk loads when the tag appears.
  const element = document.createElement('foyer-onboarding');
  element.setAttribute('track', track);
  element.setAttribute('api-base', '');
  wizard.replaceChildren(element);
}
trackChoice.addEventListener('click', async (event) => {
  const track = event.target.closest('button[data-track]')?.dataset.track;
  if (!track) return;
  const response = await fetch('/onboarding/tracks', {
    method: 'PUT',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tracks: [track] }),
  });
  if (response.ok) openWizard(track);
});

// Foyer's events bubble and cross shadow roots, so the document hears them.
document.addEventListener('foyer-sign-in-complete', (event) => showUser(event.detail.user));
document.addEventListener('foyer-sign-up-complete', (event) => showUser(event.detail.user));
document.addEventListener('foyer-sign-out', () => showUser(null));

// On load, ask the server (the session cookie is HttpOnly: the page cannot read it).
fetch('/auth/session', { credentials: 'include' })
  .then((response) => (response.ok ? response.json() : null))
  .then((body) => showUser(body?.user ?? null))
  .catch(() => showUser(null));
