import { http } from './http.ts';
import type { Job } from './types.ts';

export function getJob(id: string, signal?: AbortSignal): Promise<Job> {
  return http.get(`/api/jobs/${encodeURIComponent(id)}`, { signal });
}

/** Percent done of a job; 0 before the total is known. */
export function jobPercent(job: Pick<Job, 'total' | 'processed' | 'status'> | undefined): number {
  if (!job) return 0;
  if (job.status === 'done') return 100;
  if (job.total <= 0) return 0;
  return Math.min(100, Math.floor((job.processed / job.total) * 100));
}
