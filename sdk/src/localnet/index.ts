// The local cluster for product code (the demo, deploy rehearsals, tools): its process and its cheatcodes. Kept out
// of the SDK's root export, which must not pull node:child_process into a browser bundle.
export * from "./cheatcodes";
export * from "./process";
