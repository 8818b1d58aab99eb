import { CliFailure } from './output';

export const parsePort = (text: string): number => {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CliFailure(
      `Porta inválida: "${text}". Use um número entre 1 e 65535, por exemplo --port 7585.`,
      2,
    );
  }
  return port;
};
