import { afterEach, describe, expect, it } from 'vitest';
import { listPendings } from '../../winthor';
import { newCpf, startOrderHarness, type OrderHarness } from './order-harness.test-support';
import type { SandboxCustomer } from '../../sandbox/store/seed-customers';

let h: OrderHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const customer = (id: number, overrides: Partial<SandboxCustomer> = {}): SandboxCustomer => {
  const address = {
    street: 'Avenida Brasil',
    streetNumber: '500',
    streetComplement: '',
    district: 'Centro',
    city: 'Canoas',
    state: 'RS',
    country: 'BR',
    zipCode: '92010-000',
    reference: '',
    ibgeCode: '4304606',
  };
  return {
    id,
    name: 'Bruno Lima',
    email: `bruno${id}@exemplo.com.br`,
    customerType: 'person',
    documentType: 'CPF',
    documentId: newCpf(),
    regionalDocumentType: 'RG',
    regionalDocumentId: '99',
    regionalDocumentState: 'RS',
    gender: 'M',
    dateOfBirth: null,
    phoneAreaCode: '51',
    phoneNumber: '988776655',
    billingAddress: address,
    shippingAddresses: [{ ...address, recipientName: 'Bruno Lima', main: true }],
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
};

describe('"Clientes": customers created or changed in the store reach WinThor', () => {
  it('creates new ones, skips unchanged ones, updates existing ones only when the settings allow it', async () => {
    h = await startOrderHarness({ sandbox: { customers: 0 } });
    const bruno = customer(7001);
    const bad = customer(7002, { documentId: '111.111.111-11' });
    h.sandbox.customers.push(bruno, bad);
    const before = await h.count(`SELECT COUNT(*) AS N FROM PCCLIENT`);
    const first = await h.run('customers');
    expect(first.status).toBe('partial');
    expect(first.counts).toMatchObject({ read: 2, sent: 1, failed: 1 });
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCCLIENT`)).toBe(before + 1);
    const row = await h.db.queryOne(
      `SELECT PCCLIENT.CODCLI, PCCLIENT.CLIENTE, PCCLIENT.CODCIDADE, PCCLIENT.MUNICENT FROM PCCLIENT WHERE PCCLIENT.EMAIL = :e`,
      { e: bruno.email },
    );
    expect(row).toMatchObject({ CLIENTE: 'BRUNO LIMA', CODCIDADE: 2, MUNICENT: 'CANOAS' });
    expect((await listPendings(h.db, { status: 'open' })).map((p) => [p.entity, p.erpKey, p.kind])).toEqual([
      ['customer', '7002', 'documento_invalido'],
    ]);
    // Unchanged: nothing written again.
    expect((await h.run('customers')).counts).toMatchObject({ sent: 0 });

    // Changed in the store: not applied while updateExisting is off…
    bruno.name = 'Bruno Lima Junior';
    bruno.updatedAt = new Date().toISOString();
    await h.run('customers');
    const same = await h.db.queryOne(`SELECT PCCLIENT.CLIENTE FROM PCCLIENT WHERE PCCLIENT.CODCLI = :c`, {
      c: Number(row!.CODCLI),
    });
    expect(same!.CLIENTE).toBe('BRUNO LIMA');
    // …and applied once it is on (a new change in the store).
    h.settings.customers.updateExisting = true;
    bruno.phoneNumber = '977665544';
    await h.run('customers');
    const updated = await h.db.queryOne(
      `SELECT PCCLIENT.CLIENTE, PCCLIENT.TELENT FROM PCCLIENT WHERE PCCLIENT.CODCLI = :c`,
      { c: Number(row!.CODCLI) },
    );
    expect(updated).toMatchObject({ CLIENTE: 'BRUNO LIMA JUNIOR', TELENT: '51977665544' });
    expect(await h.count(`SELECT COUNT(*) AS N FROM PCCLIENT`)).toBe(before + 1);
  });
});
