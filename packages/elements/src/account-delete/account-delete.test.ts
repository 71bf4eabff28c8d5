import { createAuthMachines, createFakeAuthActors, FoyerError, type FakeAuthHandlers } from '@foyer/core';
import { expect, fixture, html } from '@open-wc/testing';
import { $, clickButton, deepActiveElement, pressEnter, record, typeInto, until } from '../internal/test-utils.js';
import type { FoyerAccountDelete, FoyerAccountDeleteStepUpDetail } from './account-delete.component.js';
import './account-delete.js';

const started = {
  exportUrl: 'https://auth.example.com/account/export',
  confirmToken: 'x'.repeat(43),
  expiresAt: '2026-11-28T10:15:00.000Z',
};

async function mount(handlers: FakeAuthHandlers = {}): Promise<FoyerAccountDelete> {
  const logic = createAuthMachines(createFakeAuthActors(handlers)).accountDeletion;
  return fixture<FoyerAccountDelete>(
    html`<foyer-account-delete email="ada@example.com" .logic=${logic}></foyer-account-delete>`,
  );
}

describe('<foyer-account-delete>', () => {
  it('is accessible and offers the data export first', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const link = $<HTMLAnchorElement>(el, '[part="export-link"]');
    expect(link.getAttribute('href')).to.equal('/account/export');
    expect(link.hasAttribute('download')).to.equal(true);
  });

  it('walks step-up → confirm → done, firing foyer-step-up-required and foyer-account-deleted', async () => {
    let requests = 0;
    const deleted: unknown[] = [];
    const el = await mount({
      requestAccountDeletion: async () => {
        requests++;
        if (requests === 1) throw new FoyerError('step_up_required', { details: { methods: ['password'] } });
        return started;
      },
      deleteAccount: async (input) => void deleted.push(input),
    });
    const stepUps: CustomEvent<FoyerAccountDeleteStepUpDetail>[] = [];
    document.addEventListener(
      'foyer-step-up-required',
      (event) => stepUps.push(event as CustomEvent<FoyerAccountDeleteStepUpDetail>),
      { once: true },
    );
    const gone = record(document, 'foyer-account-deleted');
    await clickButton(el, 'Continue to delete');
    await until(() => stepUps.length === 1, 'step-up event');
    expect(stepUps[0]!.detail.details).to.deep.equal({ methods: ['password'] });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    stepUps[0]!.detail.retry();
    await until(() => el.shadowRoot!.querySelector('#confirmation') !== null, 'confirm step');
    await el.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '#confirmation'));
    expect($(el, '[part="export-link"]').getAttribute('href')).to.equal(started.exportUrl);
    await expect(el).to.be.accessible();
    await typeInto($(el, '#confirmation'), 'delete');
    await pressEnter();
    await until(() => $(el, '#confirmation').getAttribute('aria-invalid') === 'true', 'confirmation error');
    expect(deleted).to.deep.equal([]);
    ($(el, '#confirmation') as HTMLInputElement).value = '';
    await typeInto($(el, '#confirmation'), 'DELETE');
    await pressEnter();
    await until(() => gone.length === 1, 'deleted event');
    expect(deleted).to.deep.equal([{ confirmToken: started.confirmToken }]);
    await el.updateComplete;
    expect($(el, '[role="status"]').textContent).to.contain('has been deleted');
  });

  it('goes back to the review when the confirm token expired', async () => {
    const el = await mount({
      requestAccountDeletion: async () => started,
      deleteAccount: async () => {
        throw new FoyerError('code_expired');
      },
    });
    await clickButton(el, 'Continue to delete');
    await until(() => el.shadowRoot!.querySelector('#confirmation') !== null, 'confirm step');
    await typeInto($(el, '#confirmation'), 'ada@example.com');
    await pressEnter();
    await until(() => el.shadowRoot!.querySelector('#confirmation') === null, 'back to review');
    await el.updateComplete;
    expect($(el, '[role="alert"]').textContent).to.contain('expired');
  });
});
