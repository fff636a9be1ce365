// The page's entry. The polyfill import comes first: ES modules are evaluated in import order, and the SDK reads
// Buffer while its own modules load.
import "./polyfills";
import { startApp } from "./app";

startApp().catch((error: unknown) => {
  const boot = document.getElementById("boot");
  if (boot) boot.textContent = `The page could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(error);
});
