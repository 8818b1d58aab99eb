import type { Db, DbSession } from '../db/db';
import { toNumber, toOptionalNumber, toText, wholeSeconds } from '../repositories/sql-helpers';
import { nfeKeyCheckDigit } from './check-digits';

export interface SimulatorOptions {
  /** Time from import (POSICAO L) to picked (M); picked to invoiced (F) takes as long again. */
  stepMs?: number;
  /** First NUMPED given by the simulator. */
  firstNumped?: number;
  /** CNPJ (14 digits) of the issuer, used in the NF-e access key. */
  issuerCnpj?: string;
}

export interface AdvanceReport {
  imported: number;
  rejected: number;
  picked: number;
  invoiced: number;
}

const pad = (value: number | string, size: number) => String(value).padStart(size, '0').slice(-size);

/** A 44-digit NF-e key: cUF, AAMM, CNPJ, model 55, series, number, emission type, code, check digit. */
export const buildNfeKey = (options: {
  uf: string;
  date: Date;
  cnpj: string;
  series: number;
  number: number;
  code: number;
}): string => {
  const ufCodes: Record<string, string> = { RS: '43', SP: '35', SC: '42', PR: '41', RJ: '33', MG: '31' };
  const first43 = `${ufCodes[options.uf] ?? '43'}${pad(options.date.getFullYear() % 100, 2)}${pad(options.date.getMonth() + 1, 2)}${pad(options.cnpj, 14)}55${pad(options.series, 3)}${pad(options.number, 9)}1${pad(options.code, 8)}`;
  return `${first43}${nfeKeyCheckDigit(first43)}`;
};

const HEADER_KEY = `PCPEDIFV.NUMPEDRCA = :numpedrca AND PCPEDIFV.CODUSUR = :codusur AND PCPEDIFV.CGCCLI = :cgccli AND PCPEDIFV.DTABERTURAPEDPALM = :dtabertura`;

/**
 * Plays WinThor's order importer on the demo database: PCPEDCFV rows with IMPORTADO = 1 become PCPEDC /
 * PCPEDI orders (IMPORTADO = 2, NUMPED) or are rejected (IMPORTADO = 3, OBSERVACAO_PC, POSICAO_ATUAL 'R');
 * then orders move L → M → F (NUMNOTA, CHAVENFE, DTFAT) as time passes. Only for the demo and tests.
 */
export class OrderImporterSimulator {
  private readonly stepMs: number;
  private readonly firstNumped: number;
  private readonly issuerCnpj: string;

  constructor(
    private readonly db: Db,
    options: SimulatorOptions = {},
  ) {
    this.stepMs = options.stepMs ?? 60_000;
    this.firstNumped = options.firstNumped ?? 100_001;
    this.issuerCnpj = options.issuerCnpj ?? '12345678000195';
  }

  async advance(now: Date = new Date()): Promise<AdvanceReport> {
    return this.db.transaction(async (tx) => {
      const report: AdvanceReport = { imported: 0, rejected: 0, picked: 0, invoiced: 0 };
      await this.importWaiting(tx, now, report);
      await this.movePositions(tx, now, report);
      return report;
    });
  }

  private async importWaiting(tx: DbSession, now: Date, report: AdvanceReport): Promise<void> {
    const headers = await tx.query(
      `SELECT PCPEDCFV.NUMPEDRCA, PCPEDCFV.CODUSUR, PCPEDCFV.CGCCLI, PCPEDCFV.DTABERTURAPEDPALM, PCPEDCFV.CODCLI, PCPEDCFV.CODFILIAL,
              PCPEDCFV.CODCOB, PCPEDCFV.CODPLPAG, PCPEDCFV.NUMPEDCLI, PCPEDCFV.VLFRETE, PCPEDCFV.CODFORNECFRETE
         FROM PCPEDCFV WHERE PCPEDCFV.IMPORTADO = 1 ORDER BY PCPEDCFV.DTINCLUSAO, PCPEDCFV.NUMPEDRCA`,
    );
    for (const header of headers) {
      const key = {
        numpedrca: header.NUMPEDRCA as number,
        codusur: header.CODUSUR as number,
        cgccli: header.CGCCLI as string,
        dtabertura: header.DTABERTURAPEDPALM as Date,
      };
      const items = await tx.query(
        `SELECT PCPEDIFV.CODPROD, PCPEDIFV.NUMSEQ, PCPEDIFV.QT, PCPEDIFV.PVENDA, PCPRODUT.CODPROD AS FOUND, PCPRODUT.DTEXCLUSAO
           FROM PCPEDIFV LEFT JOIN PCPRODUT ON PCPRODUT.CODPROD = PCPEDIFV.CODPROD
          WHERE ${HEADER_KEY} ORDER BY PCPEDIFV.NUMSEQ`,
        key,
      );
      const customer = await tx.queryOne(
        `SELECT PCCLIENT.CODCLI, PCCLIENT.BLOQUEIO FROM PCCLIENT WHERE PCCLIENT.CODCLI = :codcli`,
        { codcli: toNumber(header.CODCLI) },
      );
      const badItems = items.filter(
        (i) => i.FOUND === null || i.FOUND === undefined || i.DTEXCLUSAO !== null,
      );
      const reason = !customer
        ? `Cliente ${toNumber(header.CODCLI)} não cadastrado`
        : toText(customer.BLOQUEIO) === 'S'
          ? `Cliente ${toNumber(header.CODCLI)} bloqueado`
          : items.length === 0
            ? 'Pedido sem itens'
            : badItems.length > 0
              ? `Produto(s) inexistente(s) ou excluído(s): ${badItems.map((i) => toNumber(i.CODPROD)).join(', ')}`
              : null;
      if (reason) {
        await tx.execute(
          `UPDATE PCPEDCFV SET IMPORTADO = 3, OBSERVACAO_PC = :reason, POSICAO_ATUAL = 'R' WHERE PCPEDCFV.NUMPEDRCA = :numpedrca AND PCPEDCFV.CODUSUR = :codusur AND PCPEDCFV.CGCCLI = :cgccli AND PCPEDCFV.DTABERTURAPEDPALM = :dtabertura`,
          { ...key, reason },
        );
        for (const item of badItems) {
          await tx.execute(
            `UPDATE PCPEDIFV SET OBSERVACAO_PC = 'Produto não cadastrado' WHERE ${HEADER_KEY} AND PCPEDIFV.NUMSEQ = :numseq`,
            { ...key, numseq: toNumber(item.NUMSEQ) },
          );
        }
        report.rejected++;
        continue;
      }
      const last = await tx.queryOne(`SELECT MAX(PCPEDC.NUMPED) AS N FROM PCPEDC`);
      const numped = Math.max(toOptionalNumber(last?.N) ?? 0, this.firstNumped - 1) + 1;
      const total =
        items.reduce((sum, i) => sum + toNumber(i.QT) * toNumber(i.PVENDA), 0) + toNumber(header.VLFRETE);
      await tx.execute(
        `INSERT INTO PCPEDC (NUMPED, DATA, CODFILIAL, CODCLI, CODUSUR, CODCOB, CODPLPAG, POSICAO, NUMPEDCLI, VLTOTAL, VLFRETE,
           CODFORNECFRETE)
         VALUES (:numped, :data, :codfilial, :codcli, :codusur, :codcob, :codplpag, 'L', :numpedcli, :vltotal, :vlfrete,
           :codfornecfrete)`,
        {
          numped,
          data: wholeSeconds(now),
          codfilial: header.CODFILIAL as string,
          codcli: toNumber(header.CODCLI),
          codusur: key.codusur,
          codcob: header.CODCOB as string,
          codplpag: toNumber(header.CODPLPAG),
          numpedcli: header.NUMPEDCLI as string,
          vltotal: Math.round(total * 100) / 100,
          vlfrete: toNumber(header.VLFRETE),
          codfornecfrete: toOptionalNumber(header.CODFORNECFRETE),
        },
      );
      await tx.executeMany(
        `INSERT INTO PCPEDI (NUMPED, CODPROD, NUMSEQ, QT, PVENDA, POSICAO, DATA, CODCLI) VALUES (:numped, :codprod, :numseq, :qt, :pvenda, 'L', :data, :codcli)`,
        items.map((i) => ({
          numped,
          codprod: toNumber(i.CODPROD),
          numseq: toNumber(i.NUMSEQ),
          qt: toNumber(i.QT),
          pvenda: toNumber(i.PVENDA),
          data: wholeSeconds(now),
          codcli: toNumber(header.CODCLI),
        })),
      );
      await tx.execute(
        `UPDATE PCPEDCFV SET IMPORTADO = 2, NUMPED = :numped, POSICAO_ATUAL = 'L' WHERE PCPEDCFV.NUMPEDRCA = :numpedrca AND PCPEDCFV.CODUSUR = :codusur AND PCPEDCFV.CGCCLI = :cgccli AND PCPEDCFV.DTABERTURAPEDPALM = :dtabertura`,
        { ...key, numped },
      );
      await tx.execute(`UPDATE PCPEDIFV SET NUMPED = :numped WHERE ${HEADER_KEY}`, { ...key, numped });
      report.imported++;
    }
  }

  private async movePositions(tx: DbSession, now: Date, report: AdvanceReport): Promise<void> {
    const orders = await tx.query(
      `SELECT PCPEDC.NUMPED, PCPEDC.DATA, PCPEDC.POSICAO, PCPEDC.CODFILIAL, PCPEDC.CODFORNECFRETE FROM PCPEDC WHERE PCPEDC.POSICAO IN ('L', 'M') AND PCPEDC.NUMPED >= :first ORDER BY PCPEDC.NUMPED`,
      { first: this.firstNumped },
    );
    for (const order of orders) {
      const age = now.getTime() - (order.DATA as Date).getTime();
      const numped = toNumber(order.NUMPED);
      if (order.POSICAO === 'L' && age >= this.stepMs) {
        await tx.execute(`UPDATE PCPEDC SET POSICAO = 'M' WHERE PCPEDC.NUMPED = :numped`, { numped });
        order.POSICAO = 'M';
        report.picked++;
      }
      if (order.POSICAO === 'M' && age >= 2 * this.stepMs) {
        const last = await tx.queryOne(`SELECT MAX(PCPEDC.NUMNOTA) AS N FROM PCPEDC`);
        const numnota = (toOptionalNumber(last?.N) ?? 0) + 1;
        const uf = toText(order.CODFILIAL) === '2' ? 'SP' : 'RS';
        const chave = buildNfeKey({
          uf,
          date: now,
          cnpj: this.issuerCnpj,
          series: 1,
          number: numnota,
          code: (numped * 7919) % 100_000_000,
        });
        // A carrier's order gets its tracking code with the invoice (Correios' shape: 2 letters, 9 digits, BR).
        const tracking =
          order.CODFORNECFRETE !== null && order.CODFORNECFRETE !== undefined
            ? `DM${String(numnota).padStart(9, '0')}BR`
            : null;
        await tx.execute(
          `UPDATE PCPEDC SET POSICAO = 'F', NUMNOTA = :numnota, CHAVENFE = :chave, DTFAT = :dtfat, NUMTRANSVENDA = :numtrans,
             CODIGORASTREIOFRETEVENDA = :tracking WHERE PCPEDC.NUMPED = :numped`,
          { numnota, chave, dtfat: wholeSeconds(now), numtrans: numped, tracking, numped },
        );
        await tx.execute(`UPDATE PCPEDI SET POSICAO = 'F' WHERE PCPEDI.NUMPED = :numped`, { numped });
        report.invoiced++;
      }
    }
  }
}
