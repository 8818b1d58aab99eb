import { messageRef, type MessageRef, type SetupStatus } from '../../contract';
import type { EngineReadiness } from '../engine-controller';
import type { SetupFacts } from './setup-facts';
import { setupStepLabel } from './setup-steps';

/**
 * What the engine shows from the guide's measure (ADR 0402): the first blocking step still open makes it
 * wait ("Aguardando configuração: passo 1 — …"); a step set up but failing now (the database) and each
 * enabled branch whose store fails make it show an error, even when another branch is fine.
 */
export const readinessOf = (status: SetupStatus, facts: SetupFacts): EngineReadiness => {
  const first = status.steps.find((step) => step.blocking && step.state !== 'done');
  const failing: string[] = [];
  const failingRefs: Record<string, MessageRef> = {};
  if (first?.state === 'failing') {
    failing.push(first.detail);
    if (first.detailRef) failingRefs[first.detail] = first.detailRef;
  }
  for (const branch of facts.branches)
    if (branch.enabled && branch.storeConfigured && branch.storeProblem) {
      const line = `Loja da filial ${branch.code}: ${branch.storeProblem}`;
      if (failing.includes(line)) continue;
      failing.push(line);
      failingRefs[line] = messageRef('engineState.storeFailing', {
        branch: branch.code,
        problem: branch.storeProblem,
      });
    }
  return {
    waitingFor:
      first && first.state !== 'failing'
        ? { step: first.id, label: setupStepLabel(first.id, first.number), number: first.number }
        : null,
    failing,
    ...(failing.length > 0 ? { failingRefs } : {}),
  };
};
