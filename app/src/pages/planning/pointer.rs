//! Pointer gestures on the grid's body: a press on a free day draws a stay, on a bar moves it, on
//! a bar's right edge resizes it. A press that travels less than a few pixels stays a click (the
//! form opens as before); past that the pointer is captured and the gesture follows it until it is
//! released (dropped) or Escape cancels it. Bars carry their booking, property and dates as
//! `data-` attributes, so a press needs nothing but the element under it.

use super::drag::{day_at, days_between, Drag, DRAG_THRESHOLD};
use crate::domain::ids::{BookingId, PropertyId};
use crate::domain::stay::Stay;
use chrono::NaiveDate;
use leptos::ev::PointerEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A press not yet released.
#[derive(Clone, Copy, Debug)]
struct Press {
    x: f64,
    y: f64,
    /// The day pressed, and where in it (0 to 1) the pointer was.
    day: NaiveDate,
    within_day: f64,
    gesture: Drag,
    started: bool,
}

/// The gestures of one planning page (they outlive the grid, which is redrawn on every reload).
#[derive(Clone, Copy)]
pub struct Gestures {
    /// The gesture under way, or dropped and awaiting confirmation: drawn as a ghost bar.
    pub drag: RwSignal<Option<Drag>>,
    press: StoredValue<Option<Press>>,
    swallow_click: StoredValue<bool>,
}

impl Default for Gestures {
    fn default() -> Self {
        Gestures {
            drag: RwSignal::new(None),
            press: StoredValue::new(None),
            swallow_click: StoredValue::new(false),
        }
    }
}

fn element(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?.dyn_into::<web_sys::Element>().ok()
}

fn attribute<T: std::str::FromStr>(element: &web_sys::Element, name: &str) -> Option<T> {
    element.get_attribute(name)?.parse().ok()
}

/// The property of the row at `(x, y)` in the viewport.
fn row_at(x: f64, y: f64) -> Option<PropertyId> {
    let document = web_sys::window()?.document()?;
    let row = document
        .element_from_point(x as f32, y as f32)?
        .closest(".planning-row")
        .ok()??;
    attribute(&row, "data-property")
}

impl Gestures {
    /// Whether a click should act: false once for the click that ends a drag.
    pub fn click_allowed(&self) -> bool {
        let swallowed = self.swallow_click.get_value();
        self.swallow_click.set_value(false);
        !swallowed
    }

    /// Forgets the gesture and its ghost.
    pub fn cancel(&self) {
        self.press.set_value(None);
        self.drag.set(None);
    }

    /// A press on the grid's body; `window_from` is the first day drawn, `day_width` in pixels.
    pub fn press(&self, ev: &PointerEvent, window_from: NaiveDate, day_width: f64) {
        self.swallow_click.set_value(false);
        if ev.button() != 0 || self.drag.get_untracked().is_some() {
            return;
        }
        let Some(target) = element(ev.target()) else {
            return;
        };
        let Some(track) = target.closest(".row-track").ok().flatten() else {
            return;
        };
        let Some(property) = track
            .closest(".planning-row")
            .ok()
            .flatten()
            .and_then(|row| attribute::<PropertyId>(&row, "data-property"))
        else {
            return;
        };
        let x = f64::from(ev.client_x()) - track.get_bounding_client_rect().left();
        let day = day_at(window_from, x, day_width);
        let offset = x / day_width;
        let gesture = match target.closest(".bar").ok().flatten() {
            Some(bar) => {
                let (Some(booking), Some(arrival), Some(departure)) = (
                    attribute::<BookingId>(&bar, "data-booking"),
                    attribute::<NaiveDate>(&bar, "data-arrival"),
                    attribute::<NaiveDate>(&bar, "data-departure"),
                ) else {
                    return;
                };
                let Ok(original) = Stay::new(arrival, departure) else {
                    return;
                };
                if target.class_list().contains("bar-end") {
                    Drag::Resize {
                        booking,
                        original,
                        property,
                        days: 0,
                    }
                } else {
                    Drag::Move {
                        booking,
                        original,
                        from: property,
                        property,
                        days: 0,
                    }
                }
            }
            None => Drag::Draw {
                property,
                anchor: day,
                current: day,
            },
        };
        self.press.set_value(Some(Press {
            x: f64::from(ev.client_x()),
            y: f64::from(ev.client_y()),
            day,
            within_day: offset - offset.floor(),
            gesture,
            started: false,
        }));
    }

    /// The pointer moved: past the threshold the gesture starts and follows it.
    pub fn moved(&self, ev: &PointerEvent, day_width: f64) {
        let Some(mut press) = self.press.get_value() else {
            return;
        };
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        if !press.started {
            if (x - press.x).hypot(y - press.y) < DRAG_THRESHOLD {
                return;
            }
            press.started = true;
            if let Some(body) = element(ev.current_target()) {
                let _ = body.set_pointer_capture(ev.pointer_id());
            }
            self.press.set_value(Some(press));
        }
        let days = match press.gesture {
            Drag::Draw { .. } => (press.within_day + (x - press.x) / day_width).floor() as i64,
            _ => days_between(press.x, x, day_width),
        };
        let next = press.gesture.follow(press.day, days, row_at(x, y));
        if self.drag.get_untracked() != Some(next) {
            self.drag.set(Some(next));
        }
    }

    /// The pointer was released: the dropped gesture when it changes something (its ghost stays
    /// until it is confirmed or cancelled); `None` for a click or a bar put back where it was.
    pub fn release(&self) -> Option<Drag> {
        let press = self.press.get_value()?;
        self.press.set_value(None);
        if !press.started {
            return None;
        }
        self.swallow_click.set_value(true);
        match self.drag.get_untracked() {
            Some(drag) if drag.changes() => Some(drag),
            _ => {
                self.drag.set(None);
                None
            }
        }
    }
}
