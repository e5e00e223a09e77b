/** What a request that ran past its deadline is answered (503), over GraphQL and the exports alike. */
export const TIMED_OUT = Symbol("timed out");

export interface DeadlineRefusal {
  status: 503;
  code: "REQUEST_TIMEOUT";
  message: string;
  extensions: { deadlineMs: number };
}

export function deadlineRefusal(ms: number): DeadlineRefusal {
  return {
    status: 503,
    code: "REQUEST_TIMEOUT",
    message: `the request took longer than ${ms / 1000} s and was abandoned; ask for less or try again later`,
    extensions: { deadlineMs: ms },
  };
}

/**
 * The answer, or TIMED_OUT when it takes longer than `ms`. The work goes on in the background
 * until the database's statement timeout ends it; its answer is then dropped.
 */
export function withDeadline<T>(work: Promise<T>, ms: number | undefined): Promise<T | typeof TIMED_OUT> {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  work.catch(() => {}); // a failure after the deadline has nobody to answer
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
