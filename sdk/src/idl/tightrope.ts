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
      "name": "addAsset",
      "docs": [
        "Lists a mint in the group with a program-owned vault and the Pyth feed that will price it."
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
        }
      ]
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
        "Moves `amount` native units of the asset from the owner's token account into the vault."
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
          "name": "owner",
          "signer": true,
          "relations": [
            "marginAccount"
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
      "name": "initGroup",
      "docs": [
        "Creates a margin group: the admin who lists assets and the quote mint everything is valued in."
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
        }
      ]
    },
    {
      "name": "withdraw",
      "docs": [
        "Moves `amount` native units from the vault back out, up to the account's own deposit."
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
          "name": "owner",
          "signer": true,
          "relations": [
            "marginAccount"
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
          "docs": [
            "Any token account of the asset's mint; only the owner can send funds out, so any destination is theirs to pick."
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
        "One listed mint: PDA of (group, mint). It owns the vault token account and signs withdrawals from it."
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
              "Pyth `PriceUpdateV2` account and the feed it must carry; checked whenever a price is read."
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
            "name": "totalDeposits",
            "docs": [
              "Sum of all margin accounts' deposits of this asset, native units (u128 LE)."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "reserved",
            "docs": [
              "Room for prices, rates, caps and interest indices."
            ],
            "type": {
              "array": [
                "u8",
                1024
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
          }
        ],
        "kind": "struct"
      }
    },
    {
      "name": "balance",
      "docs": [
        "One asset position of a margin account. A slot is free when `asset` is the default key."
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
            "name": "deposit",
            "docs": [
              "Deposited native units (u128 LE)."
            ],
            "type": {
              "array": [
                "u8",
                16
              ]
            }
          },
          {
            "name": "reserved",
            "docs": [
              "Room for the borrow side."
            ],
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
      "docs": [
        "A deposit or withdrawal: the amount moved and the balances it left behind."
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
            "docs": [
              "Positive for a deposit, negative for a withdrawal, in native units."
            ],
            "name": "change",
            "type": "i128"
          },
          {
            "name": "depositAfter",
            "type": "u128"
          },
          {
            "name": "assetDepositsAfter",
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
      "name": "group",
      "docs": [
        "A margin group: one admin, one quote mint, the listed assets. PDA of (creator, group_num), so a creator can run",
        "several groups and the address never depends on who administers it later."
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
            "name": "reserved",
            "docs": [
              "Room for risk tiers, liquidation parameters and guards."
            ],
            "type": {
              "array": [
                "u8",
                1024
              ]
            }
          }
        ]
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
            "name": "reserved0",
            "type": {
              "array": [
                "u8",
                2
              ]
            }
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
            "name": "reserved",
            "docs": [
              "Room for a delegate, the margin model and derivative positions."
            ],
            "type": {
              "array": [
                "u8",
                2048
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
    }
  ]
};
