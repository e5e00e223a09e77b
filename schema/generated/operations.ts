// The typed documents are emitted into the client (client/generated/operations.ts, `npm run
// codegen`); this path stays for the tests, the benchmark and integrators that import it here.
export * from "../../client/generated/operations";
