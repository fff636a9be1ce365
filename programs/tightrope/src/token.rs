//! The one place that moves SPL tokens.
use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, Transfer};

/// Transfers `amount` from `from` to `to`; `signer_seeds` is empty when `authority` signed the transaction and
/// carries the asset PDA's seeds when the vault pays out.
pub fn transfer<'info>(
    token_program: &Program<'info, Token>,
    from: AccountInfo<'info>,
    to: AccountInfo<'info>,
    authority: AccountInfo<'info>,
    signer_seeds: &[&[&[u8]]],
    amount: u64,
) -> Result<()> {
    let accounts = Transfer { from, to, authority };
    token::transfer(
        CpiContext::new_with_signer(token_program.to_account_info(), accounts, signer_seeds),
        amount,
    )
}
