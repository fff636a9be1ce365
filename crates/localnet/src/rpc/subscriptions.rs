//! WebSocket subscriptions. Each one listens to the cluster's events and forwards the ones its filter selects,
//! shaped as a validator's notifications.
use jsonrpsee::core::server::{PendingSubscriptionSink, SubscriptionMessage};
use jsonrpsee::types::Params;
use jsonrpsee::RpcModule;
use serde::Serialize;
use solana_account_decoder_client_types::{UiAccount, UiAccountEncoding};
use solana_rpc_client_api::config::{
    RpcAccountInfoConfig, RpcProgramAccountsConfig, RpcSignatureSubscribeConfig, RpcTransactionLogsConfig,
    RpcTransactionLogsFilter,
};
use solana_rpc_client_api::response::{
    ProcessedSignatureResult, RpcKeyedAccount, RpcLogsResponse, RpcSignatureResult, SlotInfo,
};
use solana_sdk::account::Account;

use solana_sdk::signature::Signature;
use tokio::sync::broadcast::error::RecvError;

use crate::cluster::{lock, Event, Shared, TxRecord};
use crate::encode::{invalid_params, pubkey, ui_account, with_context, RpcResult};
use crate::rpc::accounts::{passes, verified_filters};

/// What a subscription does with one event.
enum Step {
    Skip,
    Send(Vec<serde_json::Value>),
    /// Send and end the subscription (a signature is notified once).
    Last(serde_json::Value),
}

fn json(value: impl Serialize) -> serde_json::Value {
    serde_json::to_value(value).expect("notifications serialise")
}

pub fn register(module: &mut RpcModule<Shared>) {
    subscription(module, ["accountSubscribe", "accountNotification", "accountUnsubscribe"], |params| {
        let mut seq = params.sequence();
        let address = pubkey(&seq.next::<String>()?)?;
        let config: RpcAccountInfoConfig = seq.optional_next()?.unwrap_or_default();
        let encoding = config.encoding.unwrap_or(UiAccountEncoding::Binary);
        Ok((
            None,
            Box::new(move |shared: &Shared, event: &Event| match event {
                Event::Accounts { slot, keys } if keys.contains(&address) => {
                    let account = lock(shared).account_or_empty(&address);
                    Step::Send(vec![json(with_context(*slot, notified_account(&account, encoding)))])
                }
                _ => Step::Skip,
            }),
        ))
    });
    subscription(module, ["programSubscribe", "programNotification", "programUnsubscribe"], |params| {
        let mut seq = params.sequence();
        let program = pubkey(&seq.next::<String>()?)?;
        let config: RpcProgramAccountsConfig = seq.optional_next()?.unwrap_or_default();
        let filters = verified_filters(config.filters)?;
        let encoding = config.account_config.encoding.unwrap_or(UiAccountEncoding::Binary);
        Ok((
            None,
            Box::new(move |shared: &Shared, event: &Event| match event {
                Event::Accounts { slot, keys } => {
                    let cluster = lock(shared);
                    Step::Send(
                        keys.iter()
                            .map(|key| (key, cluster.account_or_empty(key)))
                            .filter(|(_, account)| account.owner == program && passes(&filters, account))
                            .map(|(key, account)| {
                                let keyed = RpcKeyedAccount { pubkey: key.to_string(), account: notified_account(&account, encoding) };
                                json(with_context(*slot, keyed))
                            })
                            .collect(),
                    )
                }
                _ => Step::Skip,
            }),
        ))
    });
    subscription(module, ["logsSubscribe", "logsNotification", "logsUnsubscribe"], |params| {
        let mut seq = params.sequence();
        let filter: RpcTransactionLogsFilter = seq.next()?;
        let _: Option<RpcTransactionLogsConfig> = seq.optional_next()?;
        let mentioned = match filter {
            RpcTransactionLogsFilter::All | RpcTransactionLogsFilter::AllWithVotes => None,
            RpcTransactionLogsFilter::Mentions(keys) if keys.len() == 1 => Some(pubkey(&keys[0])?),
            RpcTransactionLogsFilter::Mentions(_) => {
                return Err(invalid_params("Invalid Request: Only 1 address supported"));
            }
        };
        Ok((
            None,
            Box::new(move |_: &Shared, event: &Event| match event {
                Event::Transaction(record) if mentioned.is_none_or(|key| record.mentions(&key)) => {
                    let logs = RpcLogsResponse {
                        signature: record.outcome.signature.to_string(),
                        err: record.outcome.result.clone().err(),
                        logs: record.outcome.logs.clone(),
                    };
                    Step::Send(vec![json(with_context(record.outcome.slot, logs))])
                }
                _ => Step::Skip,
            }),
        ))
    });
    subscription(module, ["slotSubscribe", "slotNotification", "slotUnsubscribe"], |_| {
        Ok((
            None,
            Box::new(|_: &Shared, event: &Event| match event {
                Event::Slot { slot, parent, root } => {
                    Step::Send(vec![json(SlotInfo { slot: *slot, parent: *parent, root: *root })])
                }
                _ => Step::Skip,
            }),
        ))
    });
    subscription(module, ["signatureSubscribe", "signatureNotification", "signatureUnsubscribe"], |params| {
        let mut seq = params.sequence();
        let text: String = seq.next()?;
        let signature: Signature = text.parse().map_err(|err| invalid_params(format!("Invalid param: {err:?}")))?;
        let _: Option<RpcSignatureSubscribeConfig> = seq.optional_next()?;
        let notification = |record: &TxRecord| {
            let result = RpcSignatureResult::ProcessedSignature(ProcessedSignatureResult {
                err: record.outcome.result.clone().err(),
            });
            json(with_context(record.outcome.slot, result))
        };
        Ok((
            // Already processed before the subscription: notify at once, as a validator does.
            Some(Box::new(move |shared: &Shared| lock(shared).transaction(&signature).map(|r| notification(&r)))),
            Box::new(move |_: &Shared, event: &Event| match event {
                Event::Transaction(record) if record.outcome.signature == signature => Step::Last(notification(record)),
                _ => Step::Skip,
            }),
        ))
    });
}

fn notified_account(account: &Account, encoding: UiAccountEncoding) -> UiAccount {
    // An encoding that cannot carry this account (base58 over 128 bytes) falls back to base64.
    ui_account(account, encoding, None)
        .or_else(|_| ui_account(account, UiAccountEncoding::Base64, None))
        .expect("base64 encodes any account")
}

type Selector = Box<dyn FnMut(&Shared, &Event) -> Step + Send>;
type Initial = Option<Box<dyn FnOnce(&Shared) -> Option<serde_json::Value> + Send>>;

/// Registers a subscription whose `setup` parses the parameters into an optional initial notification and a
/// selector over events.
fn subscription(
    module: &mut RpcModule<Shared>,
    [subscribe, notification, unsubscribe]: [&'static str; 3],
    setup: fn(Params<'static>) -> RpcResult<(Initial, Selector)>,
) {
    module
        .register_subscription(subscribe, notification, unsubscribe, move |params, pending, shared, _| async move {
            match setup(params) {
                Err(err) => pending.reject(err).await,
                Ok((initial, select)) => forward(pending, shared, initial, select).await,
            }
        })
        .expect("register subscription");
}

async fn forward(pending: PendingSubscriptionSink, shared: std::sync::Arc<Shared>, initial: Initial, mut select: Selector) {
    // Listen before looking at history, so nothing between the two is missed.
    let mut events = lock(&shared).subscribe();
    let Ok(sink) = pending.accept().await else { return };
    let send = |value: serde_json::Value| {
        let message = serde_json::value::to_raw_value(&value).map(SubscriptionMessage::from);
        let sink = &sink;
        async move {
            match message {
                Ok(message) => sink.send(message).await.is_ok(),
                Err(_) => false,
            }
        }
    };
    if let Some(value) = initial.and_then(|initial| initial(&shared)) {
        send(value).await;
        return;
    }
    loop {
        let event = tokio::select! {
            _ = sink.closed() => return,
            event = events.recv() => event,
        };
        match event {
            Ok(event) => match select(&shared, &event) {
                Step::Skip => {}
                Step::Send(values) => {
                    for value in values {
                        if !send(value).await {
                            return;
                        }
                    }
                }
                Step::Last(value) => {
                    send(value).await;
                    return;
                }
            },
            // A slow client missed events; keep serving the ones still to come.
            Err(RecvError::Lagged(_)) => {}
            Err(RecvError::Closed) => return,
        }
    }
}

