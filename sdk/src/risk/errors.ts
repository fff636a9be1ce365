// The engine's one error type, named exactly as `crates/risk/src/error.rs` names its variants: the Rust CLI prints
// the variant name, so equal names are what parity compares.

export type RiskErrorCode =
  | "Overflow"
  | "DivisionByZero"
  | "UnknownIndex"
  | "TooMany"
  | "PriceOutOfRange"
  | "RateOutOfRange"
  | "DecimalsOutOfRange"
  | "InvalidTier"
  | "MisalignedGroup"
  | "InvalidOption"
  | "DuplicateSpot"
  | "NotLiquidatable"
  | "NothingToLiquidate";

export class RiskError extends Error {
  constructor(readonly code: RiskErrorCode) {
    super(code);
    this.name = "RiskError";
  }
}

export function fail(code: RiskErrorCode): never {
  throw new RiskError(code);
}
