import { runCli } from './program';

void runCli(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exitCode = code;
});
