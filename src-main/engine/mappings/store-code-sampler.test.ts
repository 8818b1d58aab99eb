import { describe, expect, it, vi } from 'vitest';
import { Branch } from '../../contract';
import type { Order } from '../../ciashop/schemas';
import { ManualClock } from '../../shared/test-clocks.test-support';
import { StoreCodeSampler, type StoreOrderReader } from './store-code-sampler';

const branch = (code: string, url = 'https://loja.example.com.br') =>
  Branch.parse({ code, store: { url, token: 't' } });

const order = (id: number, method: string): Order => ({
  id,
  status: 'PaymentApproved',
  createdAt: '2026-11-01T00:00:00.000Z',
  orderItems: [],
  payments: [{ method, installments: 1 }],
  shippingMethod: { id: 1, name: 'Correios PAC' },
});

const setup = (reader?: StoreOrderReader) => {
  const clock = new ManualClock(1_000_000);
  const read = vi.fn<StoreOrderReader>(reader ?? (async () => [order(1, 'Pix'), order(2, 'Boleto')]));
  return { clock, read, sampler: new StoreCodeSampler(read, { clock }) };
};

describe('StoreCodeSampler', () => {
  it('reads at most 2 pages of 100, and every kind comes from the one read', async () => {
    const { read, sampler } = setup();
    const sample = await sampler.sample(branch('1'));
    expect(read).toHaveBeenCalledWith(expect.objectContaining({ code: '1' }), { pageSize: 100, maxPages: 2 });
    expect(sample.orders).toBe(2);
    expect(sample.records.billing.map((r) => r.code)).toEqual(['Pix', 'Boleto']);
    expect(sample.records.carriers.map((r) => r.code)).toEqual(['1']);
    expect(sample.records.plans.map((r) => r.code)).toEqual(['1', '1']);
  });

  it('serves one sample per store for 15 minutes, to every branch selling in it and to screens opened together', async () => {
    const { clock, read, sampler } = setup();
    await Promise.all([sampler.sample(branch('1')), sampler.sample(branch('1'))]);
    await sampler.sample(branch('2', 'https://loja.example.com.br/'));
    clock.advance(14 * 60_000);
    await sampler.sample(branch('1'));
    expect(read).toHaveBeenCalledTimes(1);
    clock.advance(2 * 60_000);
    await sampler.sample(branch('1'));
    expect(read).toHaveBeenCalledTimes(2);
    await sampler.sample(branch('3', 'https://outra.example.com.br'));
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('a refresh reads again only when the sample is more than 2 minutes old', async () => {
    const { clock, read, sampler } = setup();
    await sampler.sample(branch('1'));
    clock.advance(60_000);
    await sampler.sample(branch('1'), true);
    expect(read).toHaveBeenCalledTimes(1);
    clock.advance(61_000);
    await sampler.sample(branch('1'), true);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a failed read is answered again for a minute without asking the store', async () => {
    let fail = true;
    const { clock, read, sampler } = setup(async () => {
      if (fail) throw new Error('loja fora do ar');
      return [order(1, 'Pix')];
    });
    await expect(sampler.sample(branch('1'))).rejects.toThrow('loja fora do ar');
    await expect(sampler.sample(branch('1'), true)).rejects.toThrow('loja fora do ar');
    expect(read).toHaveBeenCalledTimes(1);
    fail = false;
    clock.advance(61_000);
    expect((await sampler.sample(branch('1'))).orders).toBe(1);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
