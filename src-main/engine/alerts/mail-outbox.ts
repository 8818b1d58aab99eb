import { MailError } from '../../mail/smtp-errors';
import type { OutgoingMail, SmtpServer } from '../../mail/smtp-mailer';

/** One alert mail waiting to go (or to go again). */
interface Letter {
  branch: string;
  server: SmtpServer;
  mail: OutgoingMail;
  attempts: number;
  dueAt: number;
  title: string;
}

export interface OutboxPorts {
  send(server: SmtpServer, mail: OutgoingMail): Promise<unknown>;
  /**
   * The branch's SMTP server as configured now (a retry uses a password corrected meanwhile); null or absent:
   * the one the mail was posted with.
   */
  serverOf?(branch: string): SmtpServer | null;
  now(): number;
  /** A line for the logs (pt-BR; never the password: MailError messages do not carry it). */
  log(level: 'info' | 'warn' | 'error', message: string, branch: string): void;
}

/** Waits before each new attempt of a mail that failed: 1, 2, 5, 15 and 30 minutes (then it is dropped). */
export const RETRY_DELAYS_MS = [60_000, 120_000, 300_000, 900_000, 1_800_000];

/**
 * Alert mails leave from here, never from the sync (ADR 0027): `post` returns at once; `flush` sends what is
 * due, one at a time. A mail the server refuses is logged and tried again later (RETRY_DELAYS_MS), then
 * dropped with an error line; nothing here ever throws into the engine.
 */
export class MailOutbox {
  private readonly letters: Letter[] = [];
  private chain: Promise<void> = Promise.resolve();
  /**
   * Mails given up after every attempt failed since the last mail that went out (the health shows a warning
   * while it is not zero: a mail delivered again means the server works again).
   */
  undelivered = 0;

  constructor(private readonly ports: OutboxPorts) {}

  post(branch: string, server: SmtpServer, mail: OutgoingMail, title: string): void {
    this.letters.push({ branch, server, mail, attempts: 0, dueAt: this.ports.now(), title });
    void this.flush();
  }

  pending(): number {
    return this.letters.length;
  }

  /** Sends every letter that is due, after the passes already under way (one mail at a time). */
  flush(): Promise<void> {
    // A pass that failed (its log threw) must not leave the chain rejected for good.
    this.chain = this.chain.then(() => this.pass()).catch(() => undefined);
    return this.chain;
  }

  private async pass(): Promise<void> {
    for (const letter of [...this.letters]) {
      if (letter.dueAt > this.ports.now()) continue;
      letter.attempts += 1;
      letter.server = this.ports.serverOf?.(letter.branch) ?? letter.server;
      try {
        await this.ports.send(letter.server, letter.mail);
        this.remove(letter);
        this.undelivered = 0;
        this.ports.log('info', `Alerta enviado por e-mail: ${letter.title}.`, letter.branch);
      } catch (error) {
        const reason = (error as Error)?.message ?? String(error);
        // Settings or an address the server refuses will not fix themselves: no point trying five more times.
        const permanent =
          error instanceof MailError && (error.failed === 'config' || error.failed === 'recipient');
        const delay = permanent ? undefined : RETRY_DELAYS_MS[letter.attempts - 1];
        if (delay === undefined) {
          this.remove(letter);
          this.undelivered += 1;
          this.ports.log(
            'error',
            `E-mail de alerta não enviado após ${letter.attempts} tentativas, desistindo: ${letter.title}. Último erro: ${reason}`,
            letter.branch,
          );
        } else {
          letter.dueAt = this.ports.now() + delay;
          this.ports.log(
            'warn',
            `E-mail de alerta não enviado (tentativa ${letter.attempts}; nova tentativa em ${delay / 60_000} min): ${letter.title}. ${reason}`,
            letter.branch,
          );
        }
      }
    }
  }

  private remove(letter: Letter): void {
    const index = this.letters.indexOf(letter);
    if (index >= 0) this.letters.splice(index, 1);
  }
}
