import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until, record } from '../internal/test-utils.js';
import { CAPTCHA_SCRIPTS, FoyerCaptcha, insertScript } from './captcha.component.js';
import './captcha.js';

/** A real protocol-v2 challenge (altcha-lib 2 `createChallenge`, SHA-256, cost 1): solved in the browser for real. */
const CHALLENGE = {
  parameters: {
    algorithm: 'SHA-256',
    cost: 1,
    keyLength: 32,
    keyPrefix: '00',
    nonce: '8c4208754a6e0c9ced3b4b0e99cc06c2',
    salt: '18389ce2909b1e59a37a6043cde71731',
  },
  signature: '018045fc984494b07eaaea61dbd513cd5fd6074b8db36e455275d31ef715473f',
};

describe('<foyer-captcha>', () => {
  afterEach(() => {
    delete window.turnstile;
    delete window.hcaptcha;
  });

  it('ALTCHA: imports the widget only on connect, is accessible, and solves a v2 challenge for real', async function () {
    // Imports the widget and solves a real proof of work in the page: no fixed time, only the
    // safety net of the runner's timeout, which a busy 2-core machine must not reach.
    this.timeout(60_000);
    const el = await fixture<FoyerCaptcha>(html`<foyer-captcha .challenge=${CHALLENGE}></foyer-captcha>`);
    const solved = record(el, 'foyer-captcha-solved');
    await until(() => el.shadowRoot?.querySelector('altcha-widget') !== null, 'altcha widget');
    await customElements.whenDefined('altcha-widget');
    const widget = el.shadowRoot!.querySelector('altcha-widget')!;
    await until(() => widget.querySelector('input[type="checkbox"]') !== null, 'widget rendered');
    await expect(el).to.be.accessible();
    const solvedEvent = oneEvent(el, 'foyer-captcha-solved');
    widget.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    const { detail } = (await solvedEvent) as CustomEvent<{ solution: string }>;
    expect(solved).to.have.length(1);
    const payload = JSON.parse(atob(detail.solution)) as {
      challenge: typeof CHALLENGE;
      solution: { counter: number };
    };
    expect(payload.challenge.parameters.nonce).to.equal(CHALLENGE.parameters.nonce);
    expect(payload.solution.counter).to.be.a('number');
    expect(el.solution).to.equal(detail.solution);
  });

  it('ALTCHA: resolves a relative challenge-url under api-base', async () => {
    const el = await fixture<FoyerCaptcha>(
      html`<foyer-captcha
        api-base="https://auth.example.com/api"
        challenge-url="/auth/captcha/challenge"
      ></foyer-captcha>`,
    );
    await until(() => el.shadowRoot?.querySelector('altcha-widget') !== null, 'altcha widget');
    expect(el.shadowRoot!.querySelector('altcha-widget')!.getAttribute('challenge')).to.equal(
      'https://auth.example.com/api/auth/captcha/challenge',
    );
  });

  it('Turnstile: requests its official script, renders with the site key, and passes the token on', async () => {
    const requested: string[] = [];
    const original = FoyerCaptcha.loadScript;
    FoyerCaptcha.loadScript = async (src) => {
      requested.push(src);
      let render: ((token: string) => void) | undefined;
      window.turnstile = {
        render: (container, options) => {
          expect(options.sitekey).to.equal('0x4AAA');
          expect(container.isConnected).to.equal(true);
          render = options.callback;
          setTimeout(() => render?.('turnstile-token'), 10);
          return 'w1';
        },
      };
    };
    try {
      const el = await fixture<FoyerCaptcha>(
        html`<foyer-captcha provider="turnstile" site-key="0x4AAA"></foyer-captcha>`,
      );
      const solved = record(el, 'foyer-captcha-solved');
      await until(() => solved.length > 0, 'solved');
      expect(requested).to.deep.equal([CAPTCHA_SCRIPTS.turnstile]);
      expect(requested[0]!.startsWith('https://challenges.cloudflare.com/turnstile/v0/api.js')).to.equal(true);
      expect(solved[0]!.detail).to.deep.equal({ solution: 'turnstile-token' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent).to.equal('Human check complete.');
    } finally {
      FoyerCaptcha.loadScript = original;
    }
  });

  it('hCaptcha: reports a script that cannot load as foyer-captcha-error', async () => {
    const original = FoyerCaptcha.loadScript;
    const requested: string[] = [];
    FoyerCaptcha.loadScript = async (src) => {
      requested.push(src);
      throw new Error('offline');
    };
    // On the document before the element exists: the error can come before fixture() returns.
    const errors = record(document, 'foyer-captcha-error');
    try {
      const el = await fixture<FoyerCaptcha>(
        html`<foyer-captcha provider="hcaptcha" site-key="10000000"></foyer-captcha>`,
      );
      await until(
        () => el.shadowRoot!.querySelector('[part~="status"]')?.getAttribute('data-state') === 'error',
        'error',
      );
      expect(requested[0]!.startsWith('https://js.hcaptcha.com/1/api.js')).to.equal(true);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('could not load');
      expect(errors.map((event) => [event.target, event.detail.provider])).to.deep.equal([[el, 'hcaptcha']]);
      await expect(el).to.be.accessible();
    } finally {
      FoyerCaptcha.loadScript = original;
    }
  });

  it('insertScript adds one async <script src> to the head per URL (without fetching it here)', async () => {
    const appended: HTMLScriptElement[] = [];
    const append = document.head.append;
    document.head.append = (...nodes: (Node | string)[]) => {
      appended.push(...(nodes as HTMLScriptElement[]));
    };
    try {
      const first = insertScript(CAPTCHA_SCRIPTS.hcaptcha);
      const second = insertScript(CAPTCHA_SCRIPTS.hcaptcha);
      expect(first).to.equal(second);
      expect(appended).to.have.length(1);
      expect(appended[0]!.src).to.equal(CAPTCHA_SCRIPTS.hcaptcha);
      expect(appended[0]!.async).to.equal(true);
      appended[0]!.dispatchEvent(new Event('load'));
      await first;
    } finally {
      document.head.append = append;
    }
  });
});
