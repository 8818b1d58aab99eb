// A second engine in its own process, for engine-lease.test.ts: a headless runtime on the embedded WinThor
// given, with a short lease (renewed every 250 ms, expired after 2 s). The test SIGKILLs it (no release).
import { openHeadlessSettings } from '../config/headless-settings';
import { createRuntime } from './create-runtime';

const [dataDir, file] = process.argv.slice(2);
if (!dataDir || !file) throw new Error('uso: lease-runtime.test-support.ts <pasta de dados> <banco>');
const settings = openHeadlessSettings(dataDir);
settings.update({ database: { kind: 'embedded', embedded: { file } } });
const runtime = createRuntime({
  host: 'headless',
  settings,
  dataDir,
  lease: { renewMs: 250, expirySeconds: 2 },
});
runtime.events.on('app.status', (status) => process.stdout.write(`${status.engine.state}\n`));
setInterval(() => {}, 60_000);
