//! The inputs: assets with prices and rules rates, TIMS tiers, product-group offsets and positions. All plain
//! `Copy` data in caller-owned slices, so an on-chain caller can build them on the stack without allocating.

use crate::fixed::{Fx, FX_ONE};
pub use crate::options::black_scholes::OptionKind;

pub const MAX_ASSETS: usize = 16;
pub const MAX_TIERS: usize = 16;
pub const MAX_POSITIONS: usize = 32;
pub const MAX_GROUP_OFFSETS: usize = 16;
pub const MAX_POINTS_PER_SIDE: usize = 16;
pub const MAX_DECIMALS: u8 = 12;
/// Highest accepted price: 10^9 quote per whole unit.
pub const MAX_PRICE: Fx = 1_000_000_000 * FX_ONE;
/// Highest accepted rules rate, initial multiplier, volatility or confidence multiplier: 10 (1,000%).
pub const MAX_RATE: Fx = 10 * FX_ONE;
/// Longest accepted time to expiry: 100 years of 365 days.
pub const MAX_EXPIRY_SECONDS: i64 = 100 * 31_536_000;
/// Highest accepted carry rate (interest or yield): 100% a year.
pub const MAX_CARRY: Fx = FX_ONE;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    /// Strategy-based (Reg T / FINRA / CBOE): positions charged alone or as recognised strategies (`strategies`).
    Rules,
    /// TIMS portfolio margin: classes revalued over a band of valuation points.
    Tims,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Initial,
    Maintenance,
}

/// Per-asset rules-based rates, all Fx. Charges are `value × (rate + house_rate) + |units| × house_per_unit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RulesRates {
    pub initial_long: Fx,
    pub initial_short: Fx,
    pub maintenance_long: Fx,
    pub maintenance_short: Fx,
    /// House add-on as a rate of value, on top of the level's rate.
    pub house_rate: Fx,
    /// House add-on in quote per whole unit held or owed.
    pub house_per_unit: Fx,
    /// CBOE naked-option rate of underlying value, and its floor rate (of underlying for calls, strike for puts).
    pub option_rate: Fx,
    pub option_min_rate: Fx,
}

impl RulesRates {
    /// A volatile asset: Reg T 50% initial, FINRA 25% maintenance long, 30% short; CBOE 20% / 10% options.
    pub const fn volatile() -> Self {
        RulesRates {
            initial_long: FX_ONE / 2,
            initial_short: FX_ONE / 2,
            maintenance_long: FX_ONE / 4,
            maintenance_short: FX_ONE * 3 / 10,
            house_rate: 0,
            house_per_unit: 0,
            option_rate: FX_ONE / 5,
            option_min_rate: FX_ONE / 10,
        }
    }

    /// A broad index: the same stock rates, CBOE 15% / 10% for options.
    pub const fn broad_index() -> Self {
        RulesRates {
            option_rate: FX_ONE * 15 / 100,
            ..Self::volatile()
        }
    }

    /// The quote asset or cash-like collateral: no charge.
    pub const fn cash() -> Self {
        RulesRates {
            initial_long: 0,
            initial_short: 0,
            maintenance_long: 0,
            maintenance_short: 0,
            house_rate: 0,
            house_per_unit: 0,
            option_rate: 0,
            option_min_rate: 0,
        }
    }
}

/// A TIMS risk tier: how far and at how many points a class is revalued, and its floors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tier {
    /// Maintenance band as a fraction of price (Fx): points run from −band_down to +band_up.
    pub band_down: Fx,
    pub band_up: Fx,
    pub points_down: u8,
    pub points_up: u8,
    /// Relative implied-volatility shifts for options: σ·(1 − vol_down) and σ·(1 + vol_up).
    pub vol_down: Fx,
    pub vol_up: Fx,
    /// Initial margin revalues at price shocks scaled by this (≥ 1); maintenance uses the band as is.
    pub initial_multiplier: Fx,
    /// Minimum per option contract, in quote per unit of multiplier (0.375 → $37.50 for 100 shares).
    pub per_contract_min: Fx,
    /// Minimum requirement as a share of the class's gross notional (anti-procyclicality floor).
    pub floor_share: Fx,
    /// Classes whose tiers share a product group offset a share of each other's gains.
    pub product_group: Option<u8>,
    /// Scales the volatility up-shift with time to expiry (crypto venues' √(reference / DTE)); off by default.
    pub vol_term: VolTerm,
    /// Two more scenarios far outside the band, counted at a weight (SPAN's extreme moves); off by default.
    pub extreme: ExtremeMove,
}

/// The up-shift of an option's volatility becomes `vol_up × clamp(√(reference_days / days to expiry), min_scale,
/// max_scale)`: short-dated options get a larger shock, long-dated a smaller one. `reference_days` 0 is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VolTerm {
    pub reference_days: u16,
    pub min_scale: Fx,
    pub max_scale: Fx,
}

impl VolTerm {
    pub const OFF: Self = VolTerm {
        reference_days: 0,
        min_scale: FX_ONE,
        max_scale: FX_ONE,
    };
}

/// Extreme scenarios at `multiple` × the band each way, whose P&L counts at `weight` (SPAN: 3× the scan range,
/// 35% of the loss, which covers a crash in a deep out-of-the-money short). `multiple` 0 is off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtremeMove {
    pub multiple: Fx,
    pub weight: Fx,
}

impl ExtremeMove {
    pub const OFF: Self = ExtremeMove {
        multiple: 0,
        weight: 0,
    };

    pub fn is_on(&self) -> bool {
        self.multiple > 0
    }
}

impl Tier {
    /// FINRA Rule 4210(g)(2)(F) for equities and equity options (single names, narrow indexes): ±15% at ten
    /// equidistant points and $0.375 per contract × multiplier, nothing else: no initial multiplier (the rule has
    /// one requirement), no notional floor, no volatility shift.
    pub const fn finra_4210g() -> Self {
        Tier {
            band_down: FX_ONE * 15 / 100,
            band_up: FX_ONE * 15 / 100,
            points_down: 5,
            points_up: 5,
            vol_down: 0,
            vol_up: 0,
            initial_multiplier: FX_ONE,
            per_contract_min: FX_ONE * 375 / 1000,
            floor_share: 0,
            product_group: None,
            vol_term: VolTerm::OFF,
            extreme: ExtremeMove::OFF,
        }
    }

    /// FINRA Rule 4210(g) for high-capitalisation broad-based index options: −8% / +6%, otherwise as
    /// [`Tier::finra_4210g`].
    pub const fn finra_4210g_broad_index() -> Self {
        Tier {
            band_down: FX_ONE * 8 / 100,
            band_up: FX_ONE * 6 / 100,
            ..Self::finra_4210g()
        }
    }

    /// A single name: FINRA's ±15% at 5 points each way plus the house add-ons for crypto: initial margin scans
    /// 1.5× the band, implied volatility shifts ±25%, and a floor of 1% of gross notional.
    pub const fn single_name() -> Self {
        Tier {
            band_down: FX_ONE * 15 / 100,
            band_up: FX_ONE * 15 / 100,
            points_down: 5,
            points_up: 5,
            vol_down: FX_ONE / 4,
            vol_up: FX_ONE / 4,
            initial_multiplier: FX_ONE * 3 / 2,
            per_contract_min: FX_ONE * 375 / 1000,
            floor_share: FX_ONE / 100,
            ..Self::finra_4210g()
        }
    }

    /// A broad index: FINRA's −8% / +6% with the house add-ons of [`Tier::single_name`], the floor 0.5%.
    pub const fn broad_index() -> Self {
        Tier {
            band_down: FX_ONE * 8 / 100,
            band_up: FX_ONE * 6 / 100,
            floor_share: FX_ONE / 200,
            ..Self::single_name()
        }
    }

    /// The quote asset: no scenarios, no floors.
    pub const fn cash() -> Self {
        Tier {
            band_down: 0,
            band_up: 0,
            points_down: 0,
            points_up: 0,
            vol_down: 0,
            vol_up: 0,
            initial_multiplier: FX_ONE,
            per_contract_min: 0,
            ..Self::finra_4210g()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Asset {
    pub decimals: u8,
    /// Oracle price, its confidence interval and the slow (stable) price, Fx quote per whole unit.
    pub price: Fx,
    pub conf: Fx,
    pub stable_price: Fx,
    /// Index into `Portfolio::tiers`.
    pub tier: u8,
    pub rules: RulesRates,
    /// Interest rate and dividend (or borrow) yield of this asset as an option underlying.
    pub carry: Carry,
    /// The asset this one tracks (an ETF on an index), so that holding it covers options on that asset.
    pub tracks: Option<Tracking>,
}

/// Black–Scholes–Merton carry: the risk-free `rate` discounts the strike, the `yield_rate` (dividends, or the
/// borrow fee / staking yield a holder earns) discounts the spot. Annual, continuously compounded, Fx, in
/// `[0, MAX_CARRY]`. Both zero is the plain zero-rate model.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Carry {
    pub rate: Fx,
    pub yield_rate: Fx,
}

impl Carry {
    pub const NONE: Self = Carry {
        rate: 0,
        yield_rate: 0,
    };
}

/// `ratio` whole units of asset `underlying` per whole unit of the tracking asset (an S&P 500 ETF at a tenth of
/// the index: 0.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tracking {
    pub underlying: u8,
    pub ratio: Fx,
}

impl Asset {
    /// The quote asset itself (6 decimals, price 1, no charge) in tier `tier`, which should be a cash tier.
    pub const fn quote(tier: u8) -> Self {
        Asset {
            decimals: 6,
            price: FX_ONE,
            conf: 0,
            stable_price: FX_ONE,
            tier,
            rules: RulesRates::cash(),
            carry: Carry::NONE,
            tracks: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GroupOffset {
    pub group: u8,
    /// Share (Fx, ≤ 1) of the netting benefit between classes of the group that is granted.
    pub share: Fx,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptionPosition {
    pub asset: u8,
    pub kind: OptionKind,
    pub strike: Fx,
    /// Unix seconds; compared with `Portfolio::now`.
    pub expiry: i64,
    /// Signed: positive long, negative short.
    pub contracts: i64,
    /// Native units of the underlying per contract.
    pub multiplier: u64,
    /// Implied volatility (Fx, annualised).
    pub vol: Fx,
    /// Market mark per whole unit of underlying (Fx); `None` values the option by the model.
    pub mark: Option<Fx>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Deposits and borrows of one asset, native units. They never net under the rules model.
    Spot {
        asset: u8,
        deposit: u64,
        borrow: u64,
    },
    /// A perpetual or future cash-settled in quote: signed native quantity and entry price (Fx).
    Linear {
        asset: u8,
        quantity: i64,
        entry_price: Fx,
    },
    Option(OptionPosition),
}

impl Position {
    pub fn asset(&self) -> u8 {
        match self {
            Position::Spot { asset, .. } | Position::Linear { asset, .. } => *asset,
            Position::Option(o) => o.asset,
        }
    }
}

/// One account's inputs. Slices are read only; nothing is allocated.
#[derive(Clone, Copy, Debug)]
pub struct Portfolio<'a> {
    pub assets: &'a [Asset],
    pub tiers: &'a [Tier],
    pub group_offsets: &'a [GroupOffset],
    pub positions: &'a [Position],
    /// Unix seconds, for option expiries.
    pub now: i64,
    /// k in the conservative marks P ∓ k·conf.
    pub conf_multiplier: Fx,
}
