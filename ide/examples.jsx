// A sidebar panel listing the saved operations (schema/operations/), served by the API at
// /graphiql/operations.json; choosing one opens it in a new tab with sample variables.
import { useEffect, useState } from "react";
import { useGraphiQL, useGraphiQLActions } from "@graphiql/react";

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M5 4h10l4 4v12H5z" />
      <path d="M8 11h8M8 14h8M8 17h5" />
    </svg>
  );
}

function ExamplesList() {
  const [state, setState] = useState({ operations: null, error: null });
  const { addTab, setOperationName } = useGraphiQLActions();
  const editors = useGraphiQL((s) => ({ query: s.queryEditor, variables: s.variableEditor, headers: s.headerEditor }));

  useEffect(() => {
    fetch("/graphiql/operations.json")
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`HTTP ${res.status}`))))
      .then((operations) => setState({ operations, error: null }))
      .catch((e) => setState({ operations: null, error: e.message }));
  }, []);

  const open = (op) => {
    // The new tab keeps the current headers, so a token pasted once stays in use.
    const headers = editors.headers?.getValue() ?? "";
    addTab();
    editors.query?.setValue(op.query);
    editors.variables?.setValue(op.variables);
    if (headers) editors.headers?.setValue(headers);
    // GraphiQL learns the operation's name from the editor a moment later; until then Run would
    // send the previous tab's name with this query (a 400: no such operation).
    setOperationName(op.operationName ?? undefined);
  };

  if (state.error) return <p>The saved operations could not be loaded ({state.error}).</p>;
  if (!state.operations) return <p>Loading…</p>;
  return (
    <div>
      <div className="graphiql-doc-explorer-title">Saved operations</div>
      <p>From <code>schema/operations/</code>. Each opens in a new tab with sample variables for the sample data (department 007, 2023).</p>
      <ul style={{ listStyle: "none", padding: 0 }}>
        {state.operations.map((op) => (
          <li key={op.name} style={{ margin: "0.5em 0" }}>
            <button type="button" className="graphiql-un-styled" style={{ cursor: "pointer", textAlign: "left", fontWeight: 600 }} onClick={() => open(op)}>
              {op.name}
            </button>
            {op.description ? <div style={{ opacity: 0.7, fontSize: "0.9em" }}>{op.description}</div> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const examplesPlugin = { title: "Saved operations", icon: ExamplesIcon, content: ExamplesList };
