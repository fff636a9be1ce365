use anchor_lang::prelude::*;
declare_id!("HrYCjavAtrE61JkMCWfjiU3C3vyroWoU38RxLSbfeB4b");
#[program]
pub mod tightrope {
    use super::*;
    pub fn noop(_ctx: Context<Noop>) -> Result<()> { Ok(()) }
}
#[derive(Accounts)]
pub struct Noop {}
