/**
 * Milestones of the service worker's life, for the speed benchmark's "first verdict after
 * a restart" (bench/speed/restart.ts reads them through DevTools): where the time between
 * the message and the verdict goes — starting the worker, evaluating its script, reading
 * the page, opening the store, the lookup. A worker's `performance.now()` counts from
 * its own start; each milestone also carries the wall-clock time, so that it lines up
 * with the page that sent the message. The last MAX_MARKS of them, nothing else.
 */
export type Milestone = 'wired' | 'check' | 'extracted' | 'store' | 'candidates' | 'decided' | 'settled';

export interface Mark {
  name: Milestone;
  /** ms since the worker started. */
  at: number;
  /** ms since the epoch (performance.timeOrigin + at). */
  wall: number;
}

const MAX_MARKS = 64;
const marks: Mark[] = [];

export function mark(name: Milestone): void {
  if (marks.length >= MAX_MARKS) marks.shift();
  const at = performance.now();
  marks.push({ name, at, wall: performance.timeOrigin + at });
}

(globalThis as { provenanceTimeline?: Mark[] }).provenanceTimeline = marks;
