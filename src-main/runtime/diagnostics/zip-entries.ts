import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  content: string | Buffer;
}

/** The entries as one zip (yazl: deflate, streamed into memory). */
export const zipEntries = (entries: readonly ZipEntry[], mtime: Date): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const zip = new ZipFile();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    for (const entry of entries) {
      const content = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content;
      zip.addBuffer(content, entry.name, { mtime });
    }
    zip.end();
  });
