import { useEffect, useState } from "react";

/**
 * Runs `ask(signal)` whenever `key` changes and gives { data, error, loading }; a question
 * overtaken by the next one is cancelled, so an old answer never replaces a newer one.
 */
export function useAnswer(ask, key) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  useEffect(() => {
    const aborter = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    ask(aborter.signal).then(
      (data) => aborter.signal.aborted || setState({ data, error: null, loading: false }),
      (error) => aborter.signal.aborted || setState({ data: null, error, loading: false }),
    );
    return () => aborter.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
