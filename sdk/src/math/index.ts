// The program's pure arithmetic (`programs/tightrope/src/math/`) in bigint, for clients that reproduce its state.
export { MathError } from "./common";
export type { MathErrorCode } from "./common";
export { accrue, borrowRate, SECONDS_PER_YEAR, utilization, validateModel } from "./interest";
export type { Accrual, InterestModel } from "./interest";
export { confWithin, pythToFx } from "./oraclePrice";
export { borrowNative, borrowSharesFor, depositNative, depositSharesFor, repaySharesFor, withdrawSharesFor } from "./shares";
export { updateStablePrice } from "./stablePrice";
