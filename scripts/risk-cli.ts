// The Rust engine's command line, `tightrope-risk`, for the parity test and the risk benchmark. It is built through
// cargo so it is never stale and lands wherever CARGO_TARGET_DIR says; when `cargo test --workspace` has just
// built it this is a no-op check. Cargo names the executable it built, so nothing guesses the target directory.
import { execFileSync } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..");

/** The debug build serves the tests; the release build (fat LTO, slow to build) only the benchmark. */
export type Profile = "dev" | "release";

const built = new Map<Profile, string>();

/** Path of the `tightrope-risk` binary of `profile`, building it first if cargo finds it out of date. */
export function riskBinary(profile: Profile = "dev"): string {
  const known = built.get(profile);
  if (known) return known;
  const messages = execFileSync(
    "cargo",
    ["build", "--quiet", "--profile", profile, "-p", "tightrope-risk", "--bin", "tightrope-risk", "--message-format=json-render-diagnostics"],
    { cwd: REPO_ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 },
  );
  for (const line of messages.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line) as { reason?: string; target?: { name?: string }; executable?: string | null };
    if (message.reason === "compiler-artifact" && message.target?.name === "tightrope-risk" && message.executable) {
      built.set(profile, message.executable);
    }
  }
  const path = built.get(profile);
  if (!path) throw new Error("cargo built tightrope-risk but named no executable for it");
  return path;
}

/** Runs `tightrope-risk <args>` with `input` on standard input and returns its standard output. */
export function runRisk(args: readonly string[], input = "", profile: Profile = "dev"): string {
  return execFileSync(riskBinary(profile), args, { input, encoding: "utf8", maxBuffer: 1 << 30 });
}
