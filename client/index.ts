// The budget platform's typed client: every saved operation of schema/operations/ as a typed
// document, and a small fetch helper to run them. Needs only graphql and
// @graphql-typed-document-node/core; nothing of the server.
export * from "./generated/operations";
export { type Client, type ClientOptions, createClient, type FetchLike, type GraphQLErrorEntry, GraphQLRequestError } from "./request";
