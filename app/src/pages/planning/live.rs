//! Live updates in the browser: the planning listens to its organisation's event stream
//! (`GET /api/events`, Server-Sent Events) and reloads its window when bookings change, wherever
//! the change came from. The browser reconnects a dropped stream by itself; a reconnection also
//! reloads, since changes made while disconnected were not heard.

use leptos::prelude::*;

/// Calls `on_change` whenever the organisation's bookings change, while the calling component lives.
pub fn on_booking_changes(on_change: Callback<()>) {
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        listen(on_change);
        #[cfg(not(feature = "hydrate"))]
        let _ = on_change;
    });
}

#[cfg(feature = "hydrate")]
fn listen(on_change: Callback<()>) {
    use send_wrapper::SendWrapper;
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Ok(source) = web_sys::EventSource::new("/api/events") else {
        return;
    };
    let changed = Closure::<dyn Fn(web_sys::Event)>::new(move |_| on_change.run(()));
    let _ = source.add_event_listener_with_callback("bookings", changed.as_ref().unchecked_ref());
    let opened_before = Rc::new(Cell::new(false));
    let opened = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        if opened_before.replace(true) {
            on_change.run(());
        }
    });
    source.set_onopen(Some(opened.as_ref().unchecked_ref()));
    let held = SendWrapper::new((source, changed, opened));
    on_cleanup(move || {
        let (source, _changed, _opened) = held.take();
        source.close();
    });
}
