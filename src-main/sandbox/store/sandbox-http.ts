import type { IncomingMessage, ServerResponse } from 'node:http';

/** HTTP plumbing of the sandbox: JSON answers, the store's error body, reading a request body. */

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void => {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

/** The store's error format: `{responseCode, message, errors: [{message, code, moreInfo}]}`. */
export const errorBody = (status: number, code: string, message: string) => ({
  responseCode: String(status),
  message: code,
  errors: [{ message, code, moreInfo: 'http://sandbox.local/docs/errors' }],
});

export const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
