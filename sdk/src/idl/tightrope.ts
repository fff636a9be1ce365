/**
 * Program IDL in camelCase format in order to be used in JS/TS.
 *
 * Note that this is only a type helper and is not the actual IDL. The original
 * IDL can be found at `sdk/src/idl/tightrope.json`.
 */
export type Tightrope = {
  "address": "HrYCjavAtrE61JkMCWfjiU3C3vyroWoU38RxLSbfeB4b",
  "metadata": {
    "name": "tightrope",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Tightrope: cross-margin with rules-based and portfolio margin"
  },
  "instructions": [
    {
      "name": "accrueInterest",
      "docs": [
        "Brings an asset's interest indices to now; anyone may call it."
      ],
      "discriminator": [
        47,
        40,
        115,
        198,
        91,
        12,
        222,
        49
      ],
      "accounts": [
        {
          "name": "asset",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "addAsset",
      "docs": [
        "Lists a mint with a program-owned vault, its Pyth feed (which must answer now) and its risk parameters.",
        "With a delay in force its caps stay zero until the listing is applied by `apply_asset_change`."
      ],
      "discriminator": [
        81,
        53,
        134,
        142,
        243,
        73,
        42,
        179
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "docs": [
            "Pays for the asset and its vault."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "group"
          ]
        },
        {
          "name": "mint"
        },
        {
          "name": "asset",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  97,
                  115,
                  115,
                  101,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "group"
              },
              {
                "kind": "account",
                "path": "mint"
              }
            ]
          }
        },
        {
          "name": "vault",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "asset"
              }
            ]
          }
        },
        {
          "name": "oracle"
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "feedId",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        },
        {
          "name": "config",
          "type": {
            "defined": {
              "name": "assetConfig"
            }
          }
        }
      ]
    },
    {
      "name": "applyAssetChange",
      "docs": [
        "Applies the asset's queued change once its delay has passed."
      ],
      "discriminator": [
        70,
        32,
        177,
        81,
        175,
        184,
        98,
        75
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "oracle",
          "docs": [
            "`update_asset`, the queued one for `apply_asset_change`; a new one is read with the change's feed and limits."
          ]
        }
      ],
      "args": []
    },
    {
      "name": "applyGuardChange",
      "docs": [
        "Applies the group's queued guard change once its delay has passed."
      ],
      "discriminator": [
        66,
        78,
        192,
        51,
        134,
        108,
        224,
        102
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "applyMarginCallChange",
      "docs": [
        "Applies the group's queued loosening of its margin-call settings once its delay has passed."
      ],
      "discriminator": [
        106,
        167,
        86,
        95,
        142,
        215,
        178,
        103
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "applyTierChange",
      "docs": [
        "Applies the group's queued tier change once its delay has passed."
      ],
      "discriminator": [
        94,
        21,
        86,
        181,
        113,
        175,
        32,
        171
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "borrow",
      "docs": [
        "Borrows `amount` of the asset out of the vault; the account must meet initial margin afterwards. Remaining",
        "accounts as for `withdraw`."
      ],
      "discriminator": [
        228,
        253,
        131,
        202,
        207,
        116,
        89,
        18
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount",
            "asset"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        },
        {
          "name": "authority",
          "docs": [
            "The owner: a delegate is refused by name."
          ],
          "signer": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "oracle",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "destination",
          "docs": [
            "Any token account of the asset's mint but the vault: only the owner can move funds out, so it is theirs."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "clearMarginCall",
      "docs": [
        "Clears an open margin call once maintenance health has reached the cure buffer (anyone may). Remaining",
        "accounts: (asset, oracle) per balance."
      ],
      "discriminator": [
        104,
        204,
        87,
        228,
        167,
        138,
        174,
        27
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "closeMarginAccount",
      "docs": [
        "Closes an empty margin account and returns its rent to the owner."
      ],
      "discriminator": [
        105,
        215,
        41,
        239,
        166,
        207,
        1,
        103
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        },
        {
          "name": "owner",
          "docs": [
            "Receives the rent."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "marginAccount"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "createMarginAccount",
      "docs": [
        "Opens the owner's margin account number `account_num` in the group."
      ],
      "discriminator": [
        98,
        114,
        213,
        184,
        129,
        89,
        90,
        185
      ],
      "accounts": [
        {
          "name": "group"
        },
        {
          "name": "owner",
          "writable": true,
          "signer": true
        },
        {
          "name": "marginAccount",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  109,
                  97,
                  114,
                  103,
                  105,
                  110,
                  95,
                  97,
                  99,
                  99,
                  111,
                  117,
                  110,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "group"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "accountNum"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "accountNum",
          "type": "u32"
        }
      ]
    },
    {
      "name": "deposit",
      "docs": [
        "Moves `amount` native units of the asset from the signer's (owner's or delegate's) token account into the",
        "vault as a deposit."
      ],
      "discriminator": [
        242,
        35,
        198,
        137,
        82,
        225,
        242,
        182
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount",
            "asset"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        },
        {
          "name": "authority",
          "docs": [
            "The owner or the delegate; pays from its own token account."
          ],
          "signer": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "source",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "flagMarginCall",
      "docs": [
        "Opens a margin call on an account below maintenance (anyone may): the grace window starts now. Remaining",
        "accounts: (asset, oracle) per balance."
      ],
      "discriminator": [
        82,
        252,
        55,
        34,
        36,
        117,
        163,
        66
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "fundInsurance",
      "docs": [
        "Adds `amount` native units of the asset to the group's insurance fund, from the signer's token account."
      ],
      "discriminator": [
        58,
        216,
        37,
        162,
        201,
        50,
        20,
        66
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "source",
          "writable": true
        },
        {
          "name": "funder",
          "signer": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "health",
      "docs": [
        "Reports equity, requirements and health (read-only). Remaining accounts: (asset, oracle) per balance."
      ],
      "discriminator": [
        235,
        42,
        47,
        99,
        10,
        7,
        249,
        16
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount"
          ]
        },
        {
          "name": "marginAccount"
        }
      ],
      "args": [],
      "returns": {
        "defined": {
          "name": "healthReport"
        }
      }
    },
    {
      "name": "initGroup",
      "docs": [
        "Creates a margin group: the admin who lists assets, the quote mint everything is valued in, and the guards",
        "on parameter changes (a group usually starts with no delay, lists its assets, then tightens them)."
      ],
      "discriminator": [
        227,
        215,
        78,
        6,
        169,
        227,
        125,
        201
      ],
      "accounts": [
        {
          "name": "creator",
          "docs": [
            "Pays for the group and becomes its first admin."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "quoteMint"
        },
        {
          "name": "group",
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  103,
                  114,
                  111,
                  117,
                  112
                ]
              },
              {
                "kind": "account",
                "path": "creator"
              },
              {
                "kind": "arg",
                "path": "groupNum"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "groupNum",
          "type": "u32"
        },
        {
          "name": "guards",
          "type": {
            "defined": {
              "name": "guardConfig"
            }
          }
        }
      ]
    },
    {
      "name": "liquidate",
      "docs": [
        "Liquidates part of an account that may be liquidated (anyone may, through their own margin account): the",
        "liquidator takes over up to `max_repay` of one liability and receives collateral at a discount, a share of",
        "which goes to the insurance fund. Remaining accounts: the liquidatee's (asset, oracle) per balance, then the",
        "liquidator's, each skipping the two named assets."
      ],
      "discriminator": [
        223,
        179,
        226,
        125,
        48,
        46,
        39,
        74
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "liquidator",
            "liquidatee",
            "liabilityAsset",
            "collateralAsset"
          ]
        },
        {
          "name": "liquidator",
          "docs": [
            "The liquidator's account: it takes over the liability and receives the collateral."
          ],
          "writable": true
        },
        {
          "name": "authority",
          "docs": [
            "The liquidator account's owner or delegate (liquidating keeps funds in the account)."
          ],
          "signer": true
        },
        {
          "name": "liquidatee",
          "writable": true
        },
        {
          "name": "liabilityAsset",
          "writable": true
        },
        {
          "name": "liabilityOracle"
        },
        {
          "name": "collateralAsset",
          "writable": true
        },
        {
          "name": "collateralOracle"
        }
      ],
      "args": [
        {
          "name": "maxRepay",
          "type": "u64"
        }
      ]
    },
    {
      "name": "observePrice",
      "docs": [
        "Records the asset's oracle price as observed now, which the stable price then follows; anyone may call it."
      ],
      "discriminator": [
        147,
        178,
        4,
        21,
        14,
        213,
        81,
        159
      ],
      "accounts": [
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "oracle",
          "relations": [
            "asset"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "repay",
      "docs": [
        "Repays up to `amount` of the account's debt in the asset; anything beyond the debt stays with the owner."
      ],
      "discriminator": [
        234,
        103,
        67,
        82,
        208,
        234,
        219,
        166
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount",
            "asset"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        },
        {
          "name": "authority",
          "docs": [
            "The owner or the delegate; pays from its own token account."
          ],
          "signer": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "source",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "requestInsuranceWithdrawal",
      "docs": [
        "Queues the admin's withdrawal of `amount` from the asset's insurance fund behind the guards' delay."
      ],
      "discriminator": [
        0,
        170,
        183,
        71,
        15,
        39,
        28,
        39
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        },
        {
          "name": "asset",
          "writable": true
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "resolveBadDebt",
      "docs": [
        "Writes off the debt of an account with no collateral left (anyone may): the insurance fund pays first, the",
        "rest is socialized over each asset's depositors. Remaining accounts: the owed assets, writable, in slot order."
      ],
      "discriminator": [
        202,
        211,
        175,
        74,
        193,
        192,
        189,
        135
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "setDelegate",
      "docs": [
        "Names the account's delegate (the default key for none): it may deposit, repay and set the margin model,",
        "never withdraw or borrow."
      ],
      "discriminator": [
        242,
        30,
        46,
        76,
        108,
        235,
        128,
        181
      ],
      "accounts": [
        {
          "name": "marginAccount",
          "writable": true
        },
        {
          "name": "owner",
          "signer": true,
          "relations": [
            "marginAccount"
          ]
        }
      ],
      "args": [
        {
          "name": "delegate",
          "type": "pubkey"
        }
      ]
    },
    {
      "name": "setGuards",
      "docs": [
        "Sets the guards: tightening applies at once, loosening waits the delay in force."
      ],
      "discriminator": [
        203,
        250,
        26,
        87,
        124,
        253,
        90,
        74
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        }
      ],
      "args": [
        {
          "name": "guards",
          "type": {
            "defined": {
              "name": "guardConfig"
            }
          }
        }
      ]
    },
    {
      "name": "setMarginCall",
      "docs": [
        "Sets the group's margin-call window, hard threshold and cure buffer, guarded like the guards: stricter at",
        "once, looser after the delay."
      ],
      "discriminator": [
        5,
        212,
        109,
        148,
        184,
        74,
        42,
        11
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        }
      ],
      "args": [
        {
          "name": "config",
          "type": {
            "defined": {
              "name": "marginCallConfig"
            }
          }
        }
      ]
    },
    {
      "name": "setMarginModel",
      "docs": [
        "Switches the margin model, if the account meets initial margin under the new one. Remaining accounts:",
        "(asset, oracle) per balance."
      ],
      "discriminator": [
        220,
        208,
        162,
        252,
        19,
        226,
        158,
        96
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        },
        {
          "name": "authority",
          "docs": [
            "The owner or the delegate."
          ],
          "signer": true
        }
      ],
      "args": [
        {
          "name": "model",
          "type": {
            "defined": {
              "name": "marginModel"
            }
          }
        }
      ]
    },
    {
      "name": "setPause",
      "docs": [
        "Pauses or resumes deposits, withdrawals, borrows and repayments (`PAUSE_*` bits)."
      ],
      "discriminator": [
        63,
        32,
        154,
        2,
        56,
        103,
        79,
        45
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        }
      ],
      "args": [
        {
          "name": "flags",
          "type": "u8"
        }
      ]
    },
    {
      "name": "setTiers",
      "docs": [
        "Replaces the group's risk tiers and product-group offsets, guarded like `update_asset`."
      ],
      "discriminator": [
        170,
        131,
        109,
        175,
        156,
        214,
        177,
        121
      ],
      "accounts": [
        {
          "name": "group",
          "writable": true
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        }
      ],
      "args": [
        {
          "name": "tiers",
          "type": {
            "vec": {
              "defined": {
                "name": "tierConfig"
              }
            }
          }
        },
        {
          "name": "productGroupOffsets",
          "type": {
            "array": [
              "u64",
              4
            ]
          }
        }
      ]
    },
    {
      "name": "updateAsset",
      "docs": [
        "Changes an asset's parameters or oracle: at once if the change only removes risk (discarding any queued",
        "change), else within the step limits and queued for the group's delay."
      ],
      "discriminator": [
        56,
        126,
        238,
        138,
        192,
        118,
        228,
        172
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "oracle",
          "docs": [
            "`update_asset`, the queued one for `apply_asset_change`; a new one is read with the change's feed and limits."
          ]
        }
      ],
      "args": [
        {
          "name": "feedId",
          "type": {
            "array": [
              "u8",
              32
            ]
          }
        },
        {
          "name": "config",
          "type": {
            "defined": {
              "name": "assetConfig"
            }
          }
        }
      ]
    },
    {
      "name": "withdraw",
      "docs": [
        "Withdraws `amount` of the account's deposit; the account must meet initial margin afterwards. Remaining",
        "accounts: (asset, oracle) for every other balance, in balance order."
      ],
      "discriminator": [
        183,
        18,
        70,
        156,
        148,
        109,
        161,
        34
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "marginAccount",
            "asset"
          ]
        },
        {
          "name": "marginAccount",
          "writable": true
        },
        {
          "name": "authority",
          "docs": [
            "The owner: a delegate is refused by name."
          ],
          "signer": true
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "oracle",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "destination",
          "docs": [
            "Any token account of the asset's mint but the vault: only the owner can move funds out, so it is theirs."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "withdrawInsurance",
      "docs": [
        "Pays out the queued insurance withdrawal once due, within its expiry window."
      ],
      "discriminator": [
        201,
        133,
        145,
        118,
        235,
        89,
        90,
        189
      ],
      "accounts": [
        {
          "name": "group",
          "relations": [
            "asset"
          ]
        },
        {
          "name": "admin",
          "signer": true,
          "relations": [
            "group"
          ]
        },
        {
          "name": "asset",
          "writable": true
        },
        {
          "name": "vault",
          "writable": true,
          "relations": [
            "asset"
          ]
        },
        {
          "name": "destination",
          "writable": true
        },
        {
          "name": "tokenProgram",
          "address": "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"
        }
      ],
      "args": []
    }
  ],
  "accounts": [
    {
      "name": "asset",
      "discriminator": [
        234,
        180,
        241,
        252,
        139,
        224,
        160,
        8
      ]
    },
    {
      "name": "group",
      "discriminator": [
        209,
        249,
        208,
        63,
        182,
        89,
        186,
        254
      ]
    },
    {
      "name": "marginAccount",
      "discriminator": [
        133,
        220,
        173,
        213,
        179,
        211,
        43,
        238
      ]
    }
  ],
  "types": [
    {
      "name": "asset",
      "docs": [
        "One listed mint: PDA of (group, mint). It owns the vault token account and signs withdrawals from it.",
        "Balances are shares of the deposit and borrow indices, so interest accrues to all holders at once."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "vaultBump",
            "type": "u8"
          },
          {
            "name": "decimals",
            "type": "u8"
          },
          {
            "name": "tokenIndex",
            "type": "u16"
          },
          {
            "name": "reserved0",
            "type": {
              "array": [
                "u8",
                2
              ]
            }
          },
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "oracle",
            "docs": [
              "Pyth `PriceUpdateV2` account and the feed it must carry."
            ],
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "params",
            "docs": [
              "Tier, oracle limits, caps, margin rates and interest model: what `update_asset` changes."
            ],
            "type": {
              "defined": {
                "name": "assetParams"
              }
            }
          },
          {
            "name": "pending",
            "docs": [
              "A risk-increasing `update_asset` waiting for the group's delay."
            ],
            "type": {
              "defined": {
                "name": "pendingAssetChange"
              }
            }
          },
          {
            "name": "stablePrice",
            "docs": [
              "Slow price (fixed point 10^12, i128 LE) as of `stable_updated_at`, when `observed_price` was last read from",
              "the oracle; the stable price moves toward that observed price from then on (see `stable_price_at`)."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "stableUpdatedAt",
            "type": "i64"
          },
          {
            "name": "lastAccruedAt",
            "type": "i64"
          },
          {
            "name": "depositIndex",
            "docs": [
              "Indices (fixed point 10^12, start at 1) and share totals (u128 LE)."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "borrowIndex",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "depositShares",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "borrowShares",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "protocolFees",
            "docs": [
              "Interest kept by the protocol, native units (u128 LE); held in the vault."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "observedPrice",
            "docs": [
              "The oracle price last observed (fixed point 10^12, i128 LE) and the publish time of the newest update the",
              "asset has used: an update published before it is refused."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "lastPublishTime",
            "type": "i64"
          },
          {
            "name": "insurance",
            "docs": [
              "The group's insurance fund in this asset, native units (u128 LE), held in the vault beside deposits and fees."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "pendingInsuranceWithdrawal",
            "docs": [
              "An admin withdrawal from the insurance fund waiting the guards' delay."
            ],
            "type": {
              "defined": {
                "name": "pendingInsuranceWithdrawal"
              }
            }
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                432
              ]
            }
          }
        ]
      }
    },
    {
      "name": "assetAdded",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "vault",
            "type": "pubkey"
          },
          {
            "name": "tokenIndex",
            "type": "u16"
          },
          {
            "name": "decimals",
            "type": "u8"
          },
          {
            "name": "oracle",
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "config",
            "type": {
              "defined": {
                "name": "assetConfig"
              }
            }
          },
          {
            "docs": [
              "The oracle price and confidence at listing, which seed the stable price."
            ],
            "name": "price",
            "type": "i128"
          },
          {
            "name": "conf",
            "type": "i128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "A risk-increasing change that waits until `due_slot` (or later, should the delay be tightened meanwhile)."
      ],
      "name": "assetChangeQueued",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "current",
            "type": {
              "defined": {
                "name": "assetConfig"
              }
            }
          },
          {
            "name": "proposed",
            "type": {
              "defined": {
                "name": "assetConfig"
              }
            }
          },
          {
            "name": "oracleCurrent",
            "type": "pubkey"
          },
          {
            "name": "oracleProposed",
            "type": "pubkey"
          },
          {
            "name": "feedIdProposed",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "queuedAtSlot",
            "type": "u64"
          },
          {
            "name": "dueSlot",
            "type": "u64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "Parameters in force from now; `from_queue` when a queued change was applied, `discarded_pending` when an",
        "immediate change dropped a queued one."
      ],
      "name": "assetChanged",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "before",
            "type": {
              "defined": {
                "name": "assetConfig"
              }
            }
          },
          {
            "name": "after",
            "type": {
              "defined": {
                "name": "assetConfig"
              }
            }
          },
          {
            "name": "oracleBefore",
            "type": "pubkey"
          },
          {
            "name": "oracleAfter",
            "type": "pubkey"
          },
          {
            "name": "feedIdBefore",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "feedIdAfter",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "fromQueue",
            "type": "bool"
          },
          {
            "name": "discardedPending",
            "type": "bool"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "assetConfig",
      "docs": [
        "Everything an admin sets when listing or updating an asset."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "tier",
            "type": "u8"
          },
          {
            "name": "oracleMaxAgeSeconds",
            "type": "u32"
          },
          {
            "name": "maxConfRatio",
            "docs": [
              "Highest accepted confidence / price (fixed point 10^12)."
            ],
            "type": "u64"
          },
          {
            "name": "stableMaxMovePerSecond",
            "docs": [
              "Fastest relative move of the stable price per second (fixed point 10^12)."
            ],
            "type": "u64"
          },
          {
            "name": "depositCap",
            "type": "u64"
          },
          {
            "name": "borrowCap",
            "type": "u64"
          },
          {
            "name": "rules",
            "type": {
              "defined": {
                "name": "rulesConfig"
              }
            }
          },
          {
            "name": "interest",
            "type": {
              "defined": {
                "name": "interestConfig"
              }
            }
          },
          {
            "name": "liquidationDiscount",
            "docs": [
              "A liquidator buys this asset's collateral (or takes over its debt) this fraction below the mark (fixed",
              "point 10^12, ≤ `MAX_LIQUIDATION_DISCOUNT`); a liquidation uses the larger of its two legs' discounts."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "assetParams",
      "docs": [
        "An asset's guarded parameters as stored, current or pending (`AssetConfig` without padding is the argument form)."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "maxConfRatio",
            "type": "u64"
          },
          {
            "name": "stableMaxMovePerSecond",
            "type": "u64"
          },
          {
            "name": "depositCap",
            "type": "u64"
          },
          {
            "name": "borrowCap",
            "type": "u64"
          },
          {
            "name": "rules",
            "type": {
              "defined": {
                "name": "rulesConfig"
              }
            }
          },
          {
            "name": "interest",
            "type": {
              "defined": {
                "name": "interestConfig"
              }
            }
          },
          {
            "name": "liquidationDiscount",
            "type": "u64"
          },
          {
            "name": "oracleMaxAgeSeconds",
            "type": "u32"
          },
          {
            "name": "tier",
            "type": "u8"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                3
              ]
            }
          }
        ]
      }
    },
    {
      "docs": [
        "One liability of a bankrupt account written off: the insurance fund's balance of the asset paid `covered`, the",
        "rest was socialized over the asset's depositors by lowering the deposit index. The index moves in steps of",
        "10^-12, so depositors' claims fall by `socialized` rounded up to a step; that excess (`dust_to_fees`, under one",
        "native unit per 10^12 deposit shares) goes to the protocol's fees, so tokens stay accounted for exactly."
      ],
      "name": "badDebtResolved",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "badDebt",
            "type": "u64"
          },
          {
            "name": "covered",
            "type": "u64"
          },
          {
            "name": "socialized",
            "type": "u64"
          },
          {
            "name": "dustToFees",
            "type": "u64"
          },
          {
            "docs": [
              "The part of `socialized` beyond every deposit, taken from the protocol's fees (interest it kept)."
            ],
            "name": "fromFees",
            "type": "u64"
          },
          {
            "name": "depositIndexBefore",
            "type": "i128"
          },
          {
            "name": "depositIndexAfter",
            "type": "i128"
          },
          {
            "name": "depositsBefore",
            "type": "u128"
          },
          {
            "name": "depositsAfter",
            "type": "u128"
          },
          {
            "name": "insuranceAfter",
            "type": "u128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "balance",
      "docs": [
        "One asset position: deposit or borrow shares of the asset's indices, never both (`controller::balance` nets",
        "them). A slot is free when `asset` is the default key."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "depositShares",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "borrowShares",
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "balanceChangeKind",
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "deposit"
          },
          {
            "name": "withdraw"
          },
          {
            "name": "borrow"
          },
          {
            "name": "repay"
          }
        ]
      }
    },
    {
      "docs": [
        "A deposit, withdrawal, borrow or repayment: the amount moved, the shares and indices it used, the totals it",
        "left, and for withdrawals and borrows the health before and after with every price used."
      ],
      "name": "balanceChanged",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "kind",
            "type": {
              "defined": {
                "name": "balanceChangeKind"
              }
            }
          },
          {
            "docs": [
              "Native units moved."
            ],
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "depositSharesAfter",
            "type": "u128"
          },
          {
            "name": "borrowSharesAfter",
            "type": "u128"
          },
          {
            "name": "depositIndex",
            "type": "i128"
          },
          {
            "name": "borrowIndex",
            "type": "i128"
          },
          {
            "name": "assetDepositsAfter",
            "type": "u128"
          },
          {
            "name": "assetBorrowsAfter",
            "type": "u128"
          },
          {
            "name": "vaultAmountAfter",
            "type": "u64"
          },
          {
            "name": "healthBefore",
            "type": {
              "option": {
                "defined": {
                  "name": "healthFigures"
                }
              }
            }
          },
          {
            "name": "healthAfter",
            "type": {
              "option": {
                "defined": {
                  "name": "healthFigures"
                }
              }
            }
          },
          {
            "name": "prices",
            "type": {
              "vec": {
                "defined": {
                  "name": "priceUsed"
                }
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "Under TIMS, one class (a balance's underlying): its worst valuation point, the price shock and volatility shift",
        "there, the loss, and the floor it is held to."
      ],
      "name": "classLoss",
      "type": {
        "fields": [
          {
            "docs": [
              "Index into the balances (and `prices`)."
            ],
            "name": "balance",
            "type": "u8"
          },
          {
            "name": "productGroup",
            "type": {
              "option": "u8"
            }
          },
          {
            "name": "worstPoint",
            "type": {
              "option": "u8"
            }
          },
          {
            "name": "shock",
            "type": "i128"
          },
          {
            "name": "volShift",
            "type": "i8"
          },
          {
            "name": "loss",
            "type": "i128"
          },
          {
            "name": "floor",
            "type": "i128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "delegateChanged",
      "type": {
        "fields": [
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "before",
            "type": "pubkey"
          },
          {
            "name": "after",
            "type": "pubkey"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "group",
      "docs": [
        "A margin group: one admin, one quote mint, its risk tiers, the listed assets. PDA of (creator, group_num), so",
        "a creator can run several groups and the address never depends on who administers it later."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "assetCount",
            "docs": [
              "Assets listed so far; the next asset gets this as its token index."
            ],
            "type": "u16"
          },
          {
            "name": "groupNum",
            "type": "u32"
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "quoteMint",
            "type": "pubkey"
          },
          {
            "name": "tierCount",
            "type": "u8"
          },
          {
            "name": "reserved0",
            "type": {
              "array": [
                "u8",
                7
              ]
            }
          },
          {
            "name": "tiers",
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "tierConfig"
                  }
                },
                8
              ]
            }
          },
          {
            "name": "productGroupOffsets",
            "docs": [
              "Share of the netting benefit granted between classes of each product group (fixed point 10^12)."
            ],
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          },
          {
            "name": "guards",
            "type": {
              "defined": {
                "name": "guardConfig"
              }
            }
          },
          {
            "name": "pauseFlags",
            "docs": [
              "`PAUSE_*` bits."
            ],
            "type": "u8"
          },
          {
            "name": "reserved1",
            "type": {
              "array": [
                "u8",
                7
              ]
            }
          },
          {
            "name": "pendingTiers",
            "type": {
              "defined": {
                "name": "pendingTiers"
              }
            }
          },
          {
            "name": "pendingGuards",
            "type": {
              "defined": {
                "name": "pendingGuards"
              }
            }
          },
          {
            "name": "marginCall",
            "docs": [
              "Grace window, hard threshold and cure buffer of margin calls, and a loosening of them waiting the delay."
            ],
            "type": {
              "defined": {
                "name": "marginCallConfig"
              }
            }
          },
          {
            "name": "pendingMarginCall",
            "type": {
              "defined": {
                "name": "pendingMarginCall"
              }
            }
          },
          {
            "name": "reserved",
            "docs": [
              "Room for liquidation parameters."
            ],
            "type": {
              "array": [
                "u8",
                400
              ]
            }
          }
        ]
      }
    },
    {
      "docs": [
        "Under TIMS, one product group's offset: the classes' summed worst losses, the worst of their summed P&L, the",
        "credit granted at the group's share, and the resulting requirement."
      ],
      "name": "groupCredit",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "u8"
          },
          {
            "name": "share",
            "type": "i128"
          },
          {
            "name": "sumOfWorst",
            "type": "i128"
          },
          {
            "name": "alignedWorst",
            "type": "i128"
          },
          {
            "name": "credit",
            "type": "i128"
          },
          {
            "name": "floors",
            "type": "i128"
          },
          {
            "name": "requirement",
            "type": "i128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "groupInitialized",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "creator",
            "type": "pubkey"
          },
          {
            "name": "groupNum",
            "type": "u32"
          },
          {
            "name": "admin",
            "type": "pubkey"
          },
          {
            "name": "quoteMint",
            "type": "pubkey"
          },
          {
            "name": "guards",
            "type": {
              "defined": {
                "name": "guardConfig"
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "guardChangeQueued",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "current",
            "type": {
              "defined": {
                "name": "guardConfig"
              }
            }
          },
          {
            "name": "proposed",
            "type": {
              "defined": {
                "name": "guardConfig"
              }
            }
          },
          {
            "name": "queuedAtSlot",
            "type": "u64"
          },
          {
            "name": "dueSlot",
            "type": "u64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "guardConfig",
      "docs": [
        "The guards themselves: tightening (longer delay, smaller steps) applies at once, loosening waits the delay."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "delaySlots",
            "docs": [
              "Slots a risk-increasing change waits between being queued and being applied."
            ],
            "type": "u64"
          },
          {
            "name": "maxRateStep",
            "docs": [
              "Largest risk-increasing move of a margin rate, multiplier, floor or offset per change (fixed point 10^12)."
            ],
            "type": "u64"
          },
          {
            "name": "maxBandStep",
            "docs": [
              "Largest risk-increasing move of a tier's band or volatility shock per change (fixed point 10^12)."
            ],
            "type": "u64"
          },
          {
            "name": "maxPointsStep",
            "docs": [
              "Largest risk-increasing drop of a tier's valuation points per side per change."
            ],
            "type": "u64"
          },
          {
            "name": "expirySlots",
            "docs": [
              "Slots after its due slot that a queued change may still be applied; past that it has expired."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "guardsChanged",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "before",
            "type": {
              "defined": {
                "name": "guardConfig"
              }
            }
          },
          {
            "name": "after",
            "type": {
              "defined": {
                "name": "guardConfig"
              }
            }
          },
          {
            "name": "fromQueue",
            "type": "bool"
          },
          {
            "name": "discardedPending",
            "type": "bool"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "The engine's breakdown, so anyone can replay how the requirement was reached."
      ],
      "name": "healthBreakdown",
      "type": {
        "fields": [
          {
            "name": "positions",
            "type": {
              "vec": {
                "defined": {
                  "name": "positionCharge"
                }
              }
            }
          },
          {
            "name": "initial",
            "type": {
              "defined": {
                "name": "levelLines"
              }
            }
          },
          {
            "name": "maintenance",
            "type": {
              "defined": {
                "name": "levelLines"
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "healthFigures",
      "docs": [
        "A health evaluation's figures, quote minor units (6 decimals)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "equity",
            "type": "i128"
          },
          {
            "name": "initialEquity",
            "type": "i128"
          },
          {
            "name": "initialRequirement",
            "type": "i128"
          },
          {
            "name": "maintenanceRequirement",
            "type": "i128"
          },
          {
            "name": "initialHealth",
            "type": "i128"
          },
          {
            "name": "maintenanceHealth",
            "type": "i128"
          }
        ]
      }
    },
    {
      "name": "healthReport",
      "docs": [
        "What `health` returns: at most 114 bytes, whatever the account holds."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "model",
            "type": {
              "defined": {
                "name": "marginModel"
              }
            }
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "marginRatio",
            "docs": [
              "Maintenance requirement / equity (fixed point 10^12); none when equity ≤ 0."
            ],
            "type": {
              "option": "i128"
            }
          }
        ]
      }
    },
    {
      "docs": [
        "The read-only `health` instruction's answer: the figures it returns, every price used and the breakdown."
      ],
      "name": "healthReported",
      "type": {
        "fields": [
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "model",
            "type": {
              "defined": {
                "name": "marginModel"
              }
            }
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "marginRatio",
            "type": {
              "option": "i128"
            }
          },
          {
            "docs": [
              "When the open margin call was made, and whether the account may be liquidated now."
            ],
            "name": "marginCallAt",
            "type": {
              "option": "i64"
            }
          },
          {
            "name": "liquidatable",
            "type": "bool"
          },
          {
            "name": "prices",
            "type": {
              "vec": {
                "defined": {
                  "name": "priceUsed"
                }
              }
            }
          },
          {
            "name": "breakdown",
            "type": {
              "defined": {
                "name": "healthBreakdown"
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "Tokens added to an asset's insurance fund (anyone may)."
      ],
      "name": "insuranceFunded",
      "type": {
        "fields": [
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "funder",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "insuranceAfter",
            "type": "u128"
          },
          {
            "name": "vaultAmountAfter",
            "type": "u64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "insuranceWithdrawalQueued",
      "type": {
        "fields": [
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "insurance",
            "type": "u128"
          },
          {
            "name": "queuedAtSlot",
            "type": "u64"
          },
          {
            "name": "dueSlot",
            "type": "u64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "The admin took tokens out of an asset's insurance fund after the guards' delay."
      ],
      "name": "insuranceWithdrawn",
      "type": {
        "fields": [
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "destination",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "insuranceAfter",
            "type": "u128"
          },
          {
            "name": "vaultAmountAfter",
            "type": "u64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "interestAccrued",
      "type": {
        "fields": [
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "elapsedSeconds",
            "type": "i64"
          },
          {
            "name": "depositIndex",
            "type": "i128"
          },
          {
            "name": "borrowIndex",
            "type": "i128"
          },
          {
            "name": "interest",
            "type": "u128"
          },
          {
            "name": "protocolFee",
            "type": "u128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "interestConfig",
      "docs": [
        "The kinked utilization interest model (see `math::interest::InterestModel`), annual rates; Pod and borsh as",
        "`RulesConfig`."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "optimalUtilization",
            "type": "u64"
          },
          {
            "name": "rateAtZero",
            "type": "u64"
          },
          {
            "name": "rateAtOptimal",
            "type": "u64"
          },
          {
            "name": "rateAtMax",
            "type": "u64"
          },
          {
            "name": "protocolFeeShare",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "levelLines",
      "type": {
        "fields": [
          {
            "name": "classes",
            "type": {
              "vec": {
                "defined": {
                  "name": "classLoss"
                }
              }
            }
          },
          {
            "name": "groups",
            "type": {
              "vec": {
                "defined": {
                  "name": "groupCredit"
                }
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "One liquidation: the liquidator took over `repay` of the liquidated account's liability and received",
        "`seize − insurance_fee` of its collateral; the insurance fund received `insurance_fee`. Health figures are",
        "maintenance and initial, before and after, for both accounts; prices are every price each evaluation used."
      ],
      "name": "liquidated",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "liquidatee",
            "type": "pubkey"
          },
          {
            "name": "liquidator",
            "type": "pubkey"
          },
          {
            "name": "liabilityAsset",
            "type": "pubkey"
          },
          {
            "name": "collateralAsset",
            "type": "pubkey"
          },
          {
            "name": "repay",
            "type": "u64"
          },
          {
            "name": "seize",
            "type": "u64"
          },
          {
            "name": "insuranceFee",
            "type": "u64"
          },
          {
            "docs": [
              "The discount (fixed point 10^12) the seizure was priced at: the larger of the two assets' discounts."
            ],
            "name": "discount",
            "type": "u64"
          },
          {
            "docs": [
              "The maintenance health the size aimed at, and the caller's maximum repay."
            ],
            "name": "targetHealth",
            "type": "i128"
          },
          {
            "name": "maxRepay",
            "type": "u64"
          },
          {
            "name": "liquidateeBefore",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "liquidateeAfter",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "liquidatorBefore",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "liquidatorAfter",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "liquidateePrices",
            "type": {
              "vec": {
                "defined": {
                  "name": "priceUsed"
                }
              }
            }
          },
          {
            "name": "liquidatorPrices",
            "type": {
              "vec": {
                "defined": {
                  "name": "priceUsed"
                }
              }
            }
          },
          {
            "docs": [
              "When the liquidatee's margin call was made (0: none), and whether this liquidation cured it."
            ],
            "name": "marginCallAt",
            "type": "i64"
          },
          {
            "name": "marginCallCleared",
            "type": "bool"
          },
          {
            "name": "insuranceAfter",
            "type": "u128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "marginAccount",
      "docs": [
        "A trader's cross-margin account: PDA of (group, owner, account_num)."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "type": "u8"
          },
          {
            "name": "bump",
            "type": "u8"
          },
          {
            "name": "marginModel",
            "docs": [
              "`MarginModel` as stored."
            ],
            "type": "u8"
          },
          {
            "name": "reserved0",
            "type": "u8"
          },
          {
            "name": "accountNum",
            "type": "u32"
          },
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "delegate",
            "docs": [
              "May trade for the owner, never withdraw; the default key when none."
            ],
            "type": "pubkey"
          },
          {
            "name": "balances",
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "balance"
                  }
                },
                16
              ]
            }
          },
          {
            "name": "derivatives",
            "docs": [
              "Derivative positions (perpetuals, options) arrive with a later issue."
            ],
            "type": {
              "array": [
                {
                  "array": [
                    "u8",
                    64
                  ]
                },
                16
              ]
            }
          },
          {
            "name": "marginCallAt",
            "docs": [
              "Unix time the account was called below maintenance; 0 when no call is open."
            ],
            "type": "i64"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                504
              ]
            }
          }
        ]
      }
    },
    {
      "name": "marginAccountClosed",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "marginAccountCreated",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "accountNum",
            "type": "u32"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "A margin call cleared: maintenance health reached the cure buffer."
      ],
      "name": "marginCallCleared",
      "type": {
        "fields": [
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "calledAt",
            "type": "i64"
          },
          {
            "name": "clearedAt",
            "type": "i64"
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "prices",
            "type": {
              "vec": {
                "defined": {
                  "name": "priceUsed"
                }
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "marginCallConfig",
      "docs": [
        "How a group treats an account below maintenance: the margin call (see `math::margin_call`), then liquidation",
        "(see `controller::liquidation`). All zero: no window, liquidation at once to zero health, any return to",
        "maintenance cures, no insurance share, no dust close."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "graceSeconds",
            "docs": [
              "Seconds a called account has to cure before it may be liquidated."
            ],
            "type": "u64"
          },
          {
            "name": "hardThreshold",
            "docs": [
              "Share of the maintenance requirement (fixed point 10^12, ≤ 1) below −which the window does not apply."
            ],
            "type": "u64"
          },
          {
            "name": "cureBuffer",
            "docs": [
              "Share of the maintenance requirement (fixed point 10^12, ≤ 1) that maintenance health must reach to cure."
            ],
            "type": "u64"
          },
          {
            "name": "liquidationTarget",
            "docs": [
              "Share of the maintenance requirement (fixed point 10^12, ≤ 1) that a liquidation lifts maintenance health",
              "to, and no further (Mango's liquidation end, Drift's buffer)."
            ],
            "type": "u64"
          },
          {
            "name": "insuranceShare",
            "docs": [
              "Share of a liquidation's discount (fixed point 10^12, ≤ 1) paid to the insurance fund in seized collateral."
            ],
            "type": "u64"
          },
          {
            "name": "dust",
            "docs": [
              "A position a liquidation would leave worth less than this (quote minor units) is closed whole."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "marginCallConfigChanged",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "before",
            "type": {
              "defined": {
                "name": "marginCallConfig"
              }
            }
          },
          {
            "name": "after",
            "type": {
              "defined": {
                "name": "marginCallConfig"
              }
            }
          },
          {
            "name": "fromQueue",
            "type": "bool"
          },
          {
            "name": "discardedPending",
            "type": "bool"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "marginCallConfigQueued",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "current",
            "type": {
              "defined": {
                "name": "marginCallConfig"
              }
            }
          },
          {
            "name": "proposed",
            "type": {
              "defined": {
                "name": "marginCallConfig"
              }
            }
          },
          {
            "name": "queuedAtSlot",
            "type": "u64"
          },
          {
            "name": "dueSlot",
            "type": "u64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "A margin call opened on an account below maintenance: its grace window ends at `deadline` (at once when the",
        "account was already beyond the hard threshold)."
      ],
      "name": "marginCallOpened",
      "type": {
        "fields": [
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "calledAt",
            "type": "i64"
          },
          {
            "name": "deadline",
            "type": "i64"
          },
          {
            "name": "beyondHardThreshold",
            "type": "bool"
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "prices",
            "type": {
              "vec": {
                "defined": {
                  "name": "priceUsed"
                }
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "marginModel",
      "docs": [
        "How the account's requirements are computed (`tightrope_risk::Model`)."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "rules"
          },
          {
            "name": "tims"
          }
        ]
      }
    },
    {
      "name": "marginModelChanged",
      "type": {
        "fields": [
          {
            "name": "marginAccount",
            "type": "pubkey"
          },
          {
            "name": "from",
            "type": {
              "defined": {
                "name": "marginModel"
              }
            }
          },
          {
            "name": "to",
            "type": {
              "defined": {
                "name": "marginModel"
              }
            }
          },
          {
            "name": "healthAfter",
            "type": {
              "defined": {
                "name": "healthFigures"
              }
            }
          },
          {
            "name": "prices",
            "type": {
              "vec": {
                "defined": {
                  "name": "priceUsed"
                }
              }
            }
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "pauseChanged",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "before",
            "type": "u8"
          },
          {
            "name": "after",
            "type": "u8"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "pendingAssetChange",
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queued",
            "type": {
              "defined": {
                "name": "queued"
              }
            }
          },
          {
            "name": "oracle",
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "assetParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "pendingGuards",
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queued",
            "type": {
              "defined": {
                "name": "queued"
              }
            }
          },
          {
            "name": "guards",
            "type": {
              "defined": {
                "name": "guardConfig"
              }
            }
          }
        ]
      }
    },
    {
      "name": "pendingInsuranceWithdrawal",
      "docs": [
        "An admin withdrawal of `amount` native units from an asset's insurance fund."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queued",
            "type": {
              "defined": {
                "name": "queued"
              }
            }
          },
          {
            "name": "amount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "pendingMarginCall",
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queued",
            "type": {
              "defined": {
                "name": "queued"
              }
            }
          },
          {
            "name": "config",
            "type": {
              "defined": {
                "name": "marginCallConfig"
              }
            }
          }
        ]
      }
    },
    {
      "name": "pendingTiers",
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queued",
            "type": {
              "defined": {
                "name": "queued"
              }
            }
          },
          {
            "name": "tierCount",
            "type": "u8"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                7
              ]
            }
          },
          {
            "name": "tiers",
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "tierConfig"
                  }
                },
                8
              ]
            }
          },
          {
            "name": "productGroupOffsets",
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          }
        ]
      }
    },
    {
      "docs": [
        "Under rules, what one balance adds to equity and to each requirement (zero charges under TIMS). Lines follow",
        "the balances in slot order, as `prices` does."
      ],
      "name": "positionCharge",
      "type": {
        "fields": [
          {
            "name": "equity",
            "type": "i128"
          },
          {
            "name": "initial",
            "type": "i128"
          },
          {
            "name": "maintenance",
            "type": "i128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "An asset's oracle price recorded as observed; the stable price moved to now toward the previous observation."
      ],
      "name": "priceObserved",
      "type": {
        "fields": [
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "price",
            "type": "i128"
          },
          {
            "name": "conf",
            "type": "i128"
          },
          {
            "name": "publishTime",
            "type": "i64"
          },
          {
            "name": "stablePriceBefore",
            "type": "i128"
          },
          {
            "name": "stablePriceAfter",
            "type": "i128"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "docs": [
        "The price inputs of one asset as a health check used them (fixed point 10^12, quote per whole unit)."
      ],
      "name": "priceUsed",
      "type": {
        "fields": [
          {
            "name": "asset",
            "type": "pubkey"
          },
          {
            "name": "price",
            "type": "i128"
          },
          {
            "name": "conf",
            "type": "i128"
          },
          {
            "name": "stablePrice",
            "type": "i128"
          },
          {
            "name": "publishTime",
            "type": "i64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "queued",
      "docs": [
        "When a queued change was queued; zero slot and `queued == 0` when nothing waits."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "queuedAtSlot",
            "type": "u64"
          },
          {
            "name": "queued",
            "type": "u8"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                7
              ]
            }
          }
        ]
      }
    },
    {
      "name": "rulesConfig",
      "docs": [
        "Per-asset rules-based rates (see `tightrope_risk::RulesRates`). Stored in `Asset` and passed in `AssetConfig`:",
        "Pod for the zero-copy account, borsh for the instruction (all `u64`, so both layouts are the same bytes)."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "initialLong",
            "type": "u64"
          },
          {
            "name": "initialShort",
            "type": "u64"
          },
          {
            "name": "maintenanceLong",
            "type": "u64"
          },
          {
            "name": "maintenanceShort",
            "type": "u64"
          },
          {
            "name": "houseRate",
            "type": "u64"
          },
          {
            "name": "housePerUnit",
            "type": "u64"
          },
          {
            "name": "optionRate",
            "type": "u64"
          },
          {
            "name": "optionMinRate",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "tierChangeQueued",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "current",
            "type": {
              "vec": {
                "defined": {
                  "name": "tierConfig"
                }
              }
            }
          },
          {
            "name": "proposed",
            "type": {
              "vec": {
                "defined": {
                  "name": "tierConfig"
                }
              }
            }
          },
          {
            "name": "offsetsCurrent",
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          },
          {
            "name": "offsetsProposed",
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          },
          {
            "name": "queuedAtSlot",
            "type": "u64"
          },
          {
            "name": "dueSlot",
            "type": "u64"
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "tierConfig",
      "docs": [
        "A TIMS risk tier (see `tightrope_risk::Tier`). Stored in `Group` and passed to `set_tiers`, so Pod and borsh",
        "like `RulesConfig`; `reserved` must be zero."
      ],
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "bandDown",
            "type": "u64"
          },
          {
            "name": "bandUp",
            "type": "u64"
          },
          {
            "name": "volDown",
            "type": "u64"
          },
          {
            "name": "volUp",
            "type": "u64"
          },
          {
            "name": "initialMultiplier",
            "type": "u64"
          },
          {
            "name": "perContractMin",
            "type": "u64"
          },
          {
            "name": "floorShare",
            "type": "u64"
          },
          {
            "name": "pointsDown",
            "type": "u8"
          },
          {
            "name": "pointsUp",
            "type": "u8"
          },
          {
            "name": "productGroup",
            "type": "u8"
          },
          {
            "name": "reserved",
            "type": {
              "array": [
                "u8",
                5
              ]
            }
          }
        ]
      }
    },
    {
      "name": "tiersChanged",
      "type": {
        "fields": [
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "before",
            "type": {
              "vec": {
                "defined": {
                  "name": "tierConfig"
                }
              }
            }
          },
          {
            "name": "after",
            "type": {
              "vec": {
                "defined": {
                  "name": "tierConfig"
                }
              }
            }
          },
          {
            "name": "offsetsBefore",
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          },
          {
            "name": "offsetsAfter",
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          },
          {
            "name": "fromQueue",
            "type": "bool"
          },
          {
            "name": "discardedPending",
            "type": "bool"
          }
        ],
        "kind": "struct"
      }
    }
  ],
  "constants": [],
  "events": [
    {
      "discriminator": [
        174,
        91,
        37,
        97,
        47,
        14,
        45,
        93
      ],
      "name": "assetAdded"
    },
    {
      "discriminator": [
        10,
        11,
        139,
        25,
        32,
        203,
        24,
        88
      ],
      "name": "assetChangeQueued"
    },
    {
      "discriminator": [
        15,
        176,
        34,
        9,
        251,
        38,
        127,
        93
      ],
      "name": "assetChanged"
    },
    {
      "discriminator": [
        235,
        148,
        192,
        89,
        43,
        66,
        170,
        243
      ],
      "name": "badDebtResolved"
    },
    {
      "discriminator": [
        231,
        114,
        125,
        58,
        137,
        248,
        148,
        201
      ],
      "name": "balanceChanged"
    },
    {
      "discriminator": [
        225,
        147,
        224,
        43,
        247,
        130,
        101,
        91
      ],
      "name": "delegateChanged"
    },
    {
      "discriminator": [
        103,
        3,
        24,
        70,
        167,
        148,
        163,
        79
      ],
      "name": "groupInitialized"
    },
    {
      "discriminator": [
        114,
        188,
        137,
        152,
        122,
        11,
        210,
        23
      ],
      "name": "guardChangeQueued"
    },
    {
      "discriminator": [
        193,
        97,
        55,
        55,
        222,
        6,
        38,
        85
      ],
      "name": "guardsChanged"
    },
    {
      "discriminator": [
        222,
        249,
        126,
        82,
        211,
        245,
        18,
        111
      ],
      "name": "healthReported"
    },
    {
      "discriminator": [
        158,
        72,
        23,
        80,
        138,
        56,
        33,
        206
      ],
      "name": "insuranceFunded"
    },
    {
      "discriminator": [
        200,
        236,
        76,
        118,
        126,
        230,
        99,
        35
      ],
      "name": "insuranceWithdrawalQueued"
    },
    {
      "discriminator": [
        85,
        95,
        150,
        170,
        148,
        235,
        180,
        156
      ],
      "name": "insuranceWithdrawn"
    },
    {
      "discriminator": [
        79,
        218,
        196,
        73,
        32,
        148,
        138,
        71
      ],
      "name": "interestAccrued"
    },
    {
      "discriminator": [
        231,
        57,
        55,
        75,
        0,
        170,
        246,
        68
      ],
      "name": "liquidated"
    },
    {
      "discriminator": [
        234,
        104,
        71,
        148,
        114,
        30,
        107,
        38
      ],
      "name": "marginAccountClosed"
    },
    {
      "discriminator": [
        157,
        214,
        66,
        63,
        149,
        164,
        160,
        119
      ],
      "name": "marginAccountCreated"
    },
    {
      "discriminator": [
        128,
        143,
        210,
        78,
        197,
        251,
        62,
        178
      ],
      "name": "marginCallCleared"
    },
    {
      "discriminator": [
        118,
        81,
        77,
        245,
        56,
        69,
        81,
        37
      ],
      "name": "marginCallConfigChanged"
    },
    {
      "discriminator": [
        85,
        135,
        5,
        183,
        106,
        33,
        101,
        144
      ],
      "name": "marginCallConfigQueued"
    },
    {
      "discriminator": [
        81,
        8,
        152,
        73,
        33,
        253,
        152,
        91
      ],
      "name": "marginCallOpened"
    },
    {
      "discriminator": [
        127,
        110,
        33,
        239,
        214,
        225,
        195,
        184
      ],
      "name": "marginModelChanged"
    },
    {
      "discriminator": [
        238,
        188,
        213,
        78,
        134,
        209,
        178,
        218
      ],
      "name": "pauseChanged"
    },
    {
      "discriminator": [
        124,
        77,
        145,
        27,
        60,
        209,
        156,
        248
      ],
      "name": "priceObserved"
    },
    {
      "discriminator": [
        81,
        60,
        179,
        205,
        83,
        108,
        138,
        78
      ],
      "name": "tierChangeQueued"
    },
    {
      "discriminator": [
        90,
        169,
        252,
        141,
        190,
        73,
        17,
        15
      ],
      "name": "tiersChanged"
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "zeroAmount",
      "msg": "Amount must be greater than zero"
    },
    {
      "code": 6001,
      "name": "mathOverflow",
      "msg": "Arithmetic overflow"
    },
    {
      "code": 6002,
      "name": "insufficientDeposit",
      "msg": "Withdrawal exceeds the account's deposit of this asset"
    },
    {
      "code": 6003,
      "name": "accountNotEmpty",
      "msg": "The margin account still holds balances"
    },
    {
      "code": 6004,
      "name": "balanceSlotsFull",
      "msg": "All balance slots of the margin account are in use"
    },
    {
      "code": 6005,
      "name": "notAdmin",
      "msg": "Signer is not the group admin"
    },
    {
      "code": 6006,
      "name": "notOwner",
      "msg": "Signer is not the margin account owner"
    },
    {
      "code": 6007,
      "name": "groupMismatch",
      "msg": "Account belongs to another group"
    },
    {
      "code": 6008,
      "name": "vaultMismatch",
      "msg": "Vault is not this asset's vault"
    },
    {
      "code": 6009,
      "name": "mintMismatch",
      "msg": "Token account holds a different mint than the asset"
    },
    {
      "code": 6010,
      "name": "tokenOwnerMismatch",
      "msg": "Token account is not owned by the signer"
    },
    {
      "code": 6011,
      "name": "assetLimitReached",
      "msg": "The group has no room for another asset"
    },
    {
      "code": 6012,
      "name": "oracleWrongOwner",
      "msg": "Oracle account is not owned by the Pyth receiver program"
    },
    {
      "code": 6013,
      "name": "invalidOracleAccount",
      "msg": "Oracle account is not a PriceUpdateV2"
    },
    {
      "code": 6014,
      "name": "oracleFeedMismatch",
      "msg": "Oracle carries another price feed than the asset's"
    },
    {
      "code": 6015,
      "name": "oracleNotFullyVerified",
      "msg": "Oracle update is only partially verified"
    },
    {
      "code": 6016,
      "name": "staleOracle",
      "msg": "Oracle price is older than the asset's maximum age"
    },
    {
      "code": 6017,
      "name": "invalidOraclePrice",
      "msg": "Oracle price is not positive or out of range"
    },
    {
      "code": 6018,
      "name": "oracleConfidenceTooWide",
      "msg": "Oracle confidence interval is wider than the asset allows"
    },
    {
      "code": 6019,
      "name": "oracleAccountMismatch",
      "msg": "Oracle account is not the asset's oracle"
    },
    {
      "code": 6020,
      "name": "invalidAssetConfig",
      "msg": "Asset configuration is out of range"
    },
    {
      "code": 6021,
      "name": "healthAccountsMismatch",
      "msg": "Health accounts must be (asset, oracle) per balance, in balance order, each once"
    },
    {
      "code": 6022,
      "name": "initialMarginShortfall",
      "msg": "The account would not meet its initial margin requirement"
    },
    {
      "code": 6023,
      "name": "depositCapExceeded",
      "msg": "The asset's deposit cap would be exceeded"
    },
    {
      "code": 6024,
      "name": "borrowCapExceeded",
      "msg": "The asset's borrow cap would be exceeded"
    },
    {
      "code": 6025,
      "name": "insufficientLiquidity",
      "msg": "Not enough deposits of the asset to lend"
    },
    {
      "code": 6026,
      "name": "riskEngine",
      "msg": "The risk engine refused the inputs"
    },
    {
      "code": 6027,
      "name": "noDebt",
      "msg": "The account owes nothing of this asset"
    },
    {
      "code": 6028,
      "name": "invalidParameters",
      "msg": "Parameters are out of range"
    },
    {
      "code": 6029,
      "name": "parameterStepTooLarge",
      "msg": "A risk-increasing change moves a parameter further than one step allows"
    },
    {
      "code": 6030,
      "name": "nothingQueued",
      "msg": "No parameter change is queued"
    },
    {
      "code": 6031,
      "name": "changeNotDue",
      "msg": "The queued change's delay has not passed"
    },
    {
      "code": 6032,
      "name": "operationPaused",
      "msg": "This operation is paused for the group"
    },
    {
      "code": 6033,
      "name": "delegateCannotWithdraw",
      "msg": "A delegate may trade but never move funds out of the account"
    },
    {
      "code": 6034,
      "name": "oraclePublishTimeRegressed",
      "msg": "Oracle update was published before the last price this asset used"
    },
    {
      "code": 6035,
      "name": "oraclePublishTimeInFuture",
      "msg": "Oracle update claims a publish time in the future"
    },
    {
      "code": 6036,
      "name": "mintDecimalsUnsupported",
      "msg": "Mint decimals are beyond what the risk engine supports"
    },
    {
      "code": 6037,
      "name": "changeExpired",
      "msg": "The queued change expired: its window after the due slot has passed"
    },
    {
      "code": 6038,
      "name": "misalignedProductGroup",
      "msg": "Tiers of one product group must share their valuation points"
    },
    {
      "code": 6039,
      "name": "vaultAsTokenAccount",
      "msg": "The vault cannot be the source or destination of its own transfer"
    },
    {
      "code": 6040,
      "name": "notBelowMaintenance",
      "msg": "The account meets its maintenance requirement: there is nothing to call"
    },
    {
      "code": 6041,
      "name": "alreadyUnderMarginCall",
      "msg": "A margin call is already open on this account"
    },
    {
      "code": 6042,
      "name": "notUnderMarginCall",
      "msg": "No margin call is open on this account"
    },
    {
      "code": 6043,
      "name": "marginCallNotCured",
      "msg": "The account's maintenance health has not reached the cure buffer"
    },
    {
      "code": 6044,
      "name": "underMarginCall",
      "msg": "Under a margin call the account may only deposit and repay"
    },
    {
      "code": 6045,
      "name": "insufficientInsurance",
      "msg": "The insurance fund holds less of this asset than asked"
    },
    {
      "code": 6046,
      "name": "marginCallNotFlagged",
      "msg": "The group gives a grace window: flag a margin call on the account first"
    },
    {
      "code": 6047,
      "name": "marginCallGraceRunning",
      "msg": "The account's margin call is within its grace window"
    },
    {
      "code": 6048,
      "name": "selfLiquidation",
      "msg": "A margin account cannot liquidate itself"
    },
    {
      "code": 6049,
      "name": "sameAssetLiquidation",
      "msg": "The liability and the collateral of a liquidation must be different assets"
    },
    {
      "code": 6050,
      "name": "assetNotHeld",
      "msg": "The liquidated account does not owe the liability or hold the collateral named"
    },
    {
      "code": 6051,
      "name": "nothingToLiquidate",
      "msg": "At this size the liquidation would repay nothing"
    },
    {
      "code": 6052,
      "name": "liquidationNotImproving",
      "msg": "The liquidation would not improve the account's maintenance health"
    },
    {
      "code": 6053,
      "name": "collateralRemains",
      "msg": "The account still holds collateral: liquidate it before resolving bad debt"
    },
    {
      "code": 6054,
      "name": "noBadDebt",
      "msg": "The account owes nothing: there is no bad debt to resolve"
    }
  ]
};
