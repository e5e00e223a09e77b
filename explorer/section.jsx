// A view's frame: its heading, a loading indicator while it waits, an error in words if the API
// refused, and the view itself once the answer is there.
export function Section({ id, title, answer, children, note }) {
  return (
    <section id={id} className="view" aria-labelledby={`${id}-title`} aria-busy={answer.loading}>
      <h2 id={`${id}-title`}>{title}</h2>
      {note ? <p className="note">{note}</p> : null}
      {answer.loading ? (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          加载中…
        </p>
      ) : null}
      {answer.error ? (
        <p className="error" role="alert">
          数据加载失败：{answer.error.message}
        </p>
      ) : null}
      {answer.data ? children(answer.data) : null}
    </section>
  );
}
