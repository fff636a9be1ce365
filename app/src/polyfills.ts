// web3.js, Anchor and the SDK call Node's Buffer (readBigUInt64LE, base64, hex). The `buffer` package is that API
// for browsers; it must be global before any of them is evaluated, so main.ts imports this module first.
import { Buffer } from "buffer";

const scope = globalThis as unknown as { Buffer?: typeof Buffer };
scope.Buffer ??= Buffer;
