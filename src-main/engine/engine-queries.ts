import type { RunSummary, ScheduleJob, Settings, SyncPreview } from '../contract';
import { engineRefusals } from './engine-refusals';
import { toRunSummary } from './overview';
import type { EnginePorts } from './ports';
import { previewBranch } from './preview';

/** What the engine answers without changing anything (engine-controller.ts). */
export interface RunsFilter {
  branch?: string;
  job?: ScheduleJob;
  beforeId?: number;
  limit?: number;
}

const requirePorts = (ports: EnginePorts | undefined): EnginePorts => {
  if (!ports) throw engineRefusals.unavailable();
  return ports;
};

/** What the first sync of a branch would send, computed without any call to the store. */
export const previewOf = async (ports: EnginePorts | undefined, branchCode: string): Promise<SyncPreview> => {
  const present = requirePorts(ports);
  const branch = present.settings().branches.find((candidate) => candidate.code === branchCode);
  if (!branch) throw engineRefusals.unknownBranch(branchCode);
  return previewBranch(present, branch);
};

export const runsOf = async (ports: EnginePorts | undefined, filter: RunsFilter): Promise<RunSummary[]> =>
  (await requirePorts(ports).runs.list(filter)).map(toRunSummary);

/** Enabled schedules of jobs this version runs, over the enabled branches. */
export const scheduledCount = (
  settings: Settings | undefined,
  isAvailable: (job: ScheduleJob) => boolean,
): number =>
  (settings?.branches ?? [])
    .filter((b) => b.enabled)
    .reduce((n, b) => n + b.schedules.filter((s) => s.enabled && isAvailable(s.job)).length, 0);
