import type { HttpTransport, TransportRequest } from './http-transport';
import type { RawResponse } from './response-errors';

/** For tests: a transport whose answers the test releases one by one; it counts what was sent and closed. */
export const heldTransport = () => {
  const pending: Array<{ request: TransportRequest; answer: (response: RawResponse) => void }> = [];
  const transport: HttpTransport & { sent: TransportRequest[]; closed: number } = {
    sent: [],
    closed: 0,
    send: (request) =>
      new Promise<RawResponse>((answer) => {
        transport.sent.push(request);
        pending.push({ request, answer });
      }),
    close: () => {
      transport.closed += 1;
    },
  };
  const answerNext = async (body: unknown, headers: Record<string, string> = {}) => {
    for (let tick = 0; tick < 50 && pending.length === 0; tick += 1)
      await new Promise((r) => setTimeout(r, 1));
    const next = pending.shift();
    if (!next) throw new Error('no request is waiting for an answer');
    next.answer({ status: 200, headers, text: JSON.stringify(body) });
  };
  return { transport, answerNext };
};
