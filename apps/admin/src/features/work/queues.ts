import type { Schemas } from '@motcua/api-client';

export type QueueName = Schemas['QueueName'];
export type QueueItem = Schemas['QueueItem'];

export interface WorkQueue {
  name: QueueName;
  /** The tab's address (`/cong-viec?tab=qua-han`), Vietnamese like the rest of the URLs. */
  slug: string;
  /** Badge colour of a non-zero count. */
  color: string;
}

/** The queues of GET /api/queues/{name}, in the order an official works through them. */
export const WORK_QUEUES: readonly WorkQueue[] = [
  { name: 'to-accept', slug: 'cho-tiep-nhan', color: 'blue' },
  { name: 'in-progress', slug: 'dang-xu-ly', color: 'blue' },
  { name: 'due-soon', slug: 'sap-den-han', color: 'gold' },
  { name: 'overdue', slug: 'qua-han', color: 'red' },
  { name: 'waiting-for-others', slug: 'cho-co-quan-khac', color: 'purple' },
  { name: 'to-return', slug: 'cho-tra-ket-qua', color: 'green' },
];

export function queueBySlug(slug: string | null): WorkQueue {
  return WORK_QUEUES.find((queue) => queue.slug === slug) ?? WORK_QUEUES[0];
}
