//! The JSON-RPC methods, one file per family, all registered on one module served over HTTP and WebSocket.
mod accounts;
mod cheatcodes;
mod cluster_info;
mod subscriptions;
mod transactions;

use jsonrpsee::RpcModule;

use crate::cluster::Shared;

pub fn module(cluster: Shared) -> RpcModule<Shared> {
    let mut module = RpcModule::new(cluster);
    cluster_info::register(&mut module);
    accounts::register(&mut module);
    transactions::register(&mut module);
    cheatcodes::register(&mut module);
    subscriptions::register(&mut module);
    module
}

/// Registers a synchronous method taking the cluster lock for its duration.
macro_rules! method {
    ($module:expr, $name:literal, $handler:expr) => {
        $module
            .register_method($name, move |params, shared, _| {
                let mut cluster = $crate::cluster::lock(shared);
                $handler(params, &mut *cluster)
            })
            .expect(concat!("register ", $name));
    };
}
pub(crate) use method;
