// The risk engine in TypeScript: a bigint-only mirror of `crates/risk`, held to it bit for bit by the generated
// vectors in tests/risk/parity.spec.ts. Same inputs, validation, rounding, outputs and error names.
export { RiskError } from "./errors";
export type { RiskErrorCode } from "./errors";
export { FX_DECIMALS, FX_ONE, MONEY_DECIMALS } from "./fixed";
export type { Fx, Money, Rounding } from "./fixed";
export * from "./model";
export type { Breakdown, ClassLine, GroupLine, LevelBreakdown, PositionLine, VolShift } from "./breakdown";
export { health, quote, quoteWithBreakdown } from "./engine";
export type { Quote } from "./engine";
export { liquidationPrices } from "./liquidation/price";
export type { LiquidationPrices } from "./liquidation/price";
export { liquidationSize, U64_MAX } from "./liquidation/sizing";
export type { LiquidationSize, LiquidationTerms } from "./liquidation/sizing";
export { formatDecimal, parseDecimal } from "./json/decimal";
export { parseAccount } from "./json/input";
export type { Account } from "./json/input";
export { canonicalJson } from "./json/output";
export { quoteValue, runRiskCommand } from "./json/cli";
export { applyAction, maxAmounts, maxBorrow, maxWithdraw, whatIf } from "./whatIf";
export type { Action, MaxAmounts, WhatIf } from "./whatIf";
