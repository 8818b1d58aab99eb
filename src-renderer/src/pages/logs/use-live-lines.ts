import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LogLine, LogLineDto } from '@contract';
import { subscribe } from '../../api/transport';
import type { LogFilterValues } from './LogFilters';

export type LiveLine = Omit<LogLineDto, 'id'>;

const matches = (line: LogLine, filter: LogFilterValues): boolean =>
  (!filter.branch || line.branch === filter.branch) &&
  (!filter.entity || line.entity === filter.entity) &&
  (!filter.level || line.level === filter.level) &&
  (!filter.run || String(line.runId) === filter.run) &&
  (!filter.text || line.message.toLowerCase().includes(filter.text.toLowerCase()));

/**
 * Live tail: the lines of runs still going (a run writes its lines to the database when it ends) arrive by
 * the "log.line" stream and show on top; when the run ends they leave the strip and the page, refreshed,
 * has them for good.
 */
export const useLiveLines = (enabled: boolean, filter: LogFilterValues): LiveLine[] => {
  const client = useQueryClient();
  const [lines, setLines] = useState<LiveLine[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const offLines = subscribe('log.line', (line) => {
      if (line.runId === undefined || !matches(line, filter)) return;
      const live: LiveLine = {
        at: line.at,
        level: line.level,
        branch: line.branch ?? null,
        entity: line.entity ?? null,
        runId: line.runId,
        message: line.message,
      };
      setLines((current) => [live, ...current].slice(0, 100));
    });
    const offRuns = subscribe('sync.run', (event) => {
      if (event.phase !== 'finished') return;
      setLines((current) => current.filter((line) => line.runId !== event.runId));
      void client.invalidateQueries({ queryKey: ['logs.list'] });
    });
    return () => {
      offLines();
      offRuns();
      setLines([]);
    };
  }, [enabled, filter, client]);
  return enabled ? lines : [];
};
