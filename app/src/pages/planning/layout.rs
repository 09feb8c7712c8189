//! Where things go on the grid: day widths per zoom level, each row's bars in lanes with its
//! overbooked nights (after the owner and status filters), the owner headings between rows, and
//! which of them the scrolled viewport shows — only those are drawn, so the page stays light with
//! hundreds of properties. Pure functions of the planning data.

use crate::domain::booking::{lanes, Bar, PlanningData, PlanningRow};
use crate::domain::ids::{PropertyId, StatusId};
use crate::domain::property::Choice;
use crate::domain::stay::Stay;
use std::collections::HashMap;

/// Width of one day in pixels at each zoom level.
pub const DAY_WIDTHS: [f64; 3] = [16.0, 30.0, 48.0];

/// Height of one lane (one bar) in pixels.
pub const LANE_HEIGHT: f64 = 30.0;

/// A row's height beyond its lanes: padding and its bottom border (CSS `.planning-row`).
pub const ROW_EXTRA: f64 = 6.0;

/// Height of an owner's heading (CSS `.owner-group`).
pub const GROUP_HEIGHT: f64 = 28.0;

/// Pixels drawn beyond each edge of the viewport, so a quick scroll does not show blanks.
pub const OVERSCAN: f64 = 600.0;

/// One row as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct LaidRow {
    /// The property.
    pub row: PlanningRow,
    /// Its bars and the lane of each.
    pub bars: Vec<(Bar, usize)>,
    /// Lanes needed.
    pub lanes: usize,
    /// Nights booked twice or more.
    pub overbooked: Vec<Stay>,
}

/// The rows shown: those of `owner` when one is chosen, with the bars of `status` when one is
/// chosen (the empty string means all).
pub fn lay_out(data: &PlanningData, owner: &str, status: &str) -> Vec<LaidRow> {
    // One pass over the bars, not one per row: a year of 200 properties holds 16,000 bars.
    // No status chosen: every bar; an unknown one: none.
    let status: Option<Option<StatusId>> = (!status.is_empty()).then(|| status.parse().ok());
    let mut by_property: HashMap<PropertyId, Vec<Bar>> = HashMap::new();
    for bar in &data.bars {
        if status.is_none_or(|status| status == Some(bar.status)) {
            by_property
                .entry(bar.property)
                .or_default()
                .push(bar.clone());
        }
    }
    data.rows
        .iter()
        .filter(|row| {
            owner.is_empty() || row.owner.map(|o| o.to_string()).as_deref() == Some(owner)
        })
        .map(|row| {
            let bars = by_property.remove(&row.property).unwrap_or_default();
            let stays: Vec<Stay> = bars.iter().map(|bar| bar.stay).collect();
            let laid = lanes(&stays);
            LaidRow {
                row: row.clone(),
                bars: bars.into_iter().zip(laid.lane).collect(),
                lanes: laid.count,
                overbooked: laid.overbooked,
            }
        })
        .collect()
}

/// One line of the grid's body.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// An owner's heading.
    Group(String),
    /// A property's row, shared: the grid copies the items in view at each scroll step, so a copy
    /// must not clone the row's bars.
    Row(std::sync::Arc<LaidRow>),
}

/// What identifies an [`Item`] between two renders of the same data.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ItemKey {
    /// An owner's heading, by name.
    Owner(String),
    /// A property's row.
    Property(crate::domain::ids::PropertyId),
}

impl Item {
    /// Its height in pixels.
    pub fn height(&self) -> f64 {
        match self {
            Item::Group(_) => GROUP_HEIGHT,
            Item::Row(row) => row.lanes.max(1) as f64 * LANE_HEIGHT + ROW_EXTRA,
        }
    }

    /// What identifies it between two renders of the same data.
    pub fn key(&self) -> ItemKey {
        match self {
            Item::Group(name) => ItemKey::Owner(name.clone()),
            Item::Row(row) => ItemKey::Property(row.row.property),
        }
    }
}

/// Rows with an owner heading before each owner's first row (when the organisation has owners).
pub fn rows_with_groups(rows: Vec<LaidRow>, owners: &[Choice], no_owner: &str) -> Vec<Item> {
    let mut items = Vec::new();
    let mut current: Option<Option<String>> = None;
    for row in rows {
        let owner = row.row.owner.map(|o| o.to_string());
        if !owners.is_empty() && current.as_ref() != Some(&owner) {
            let name = owner
                .as_ref()
                .and_then(|id| owners.iter().find(|o| &o.id == id))
                .map_or_else(|| no_owner.to_owned(), |o| o.label.clone());
            items.push(Item::Group(name));
            current = Some(owner);
        }
        items.push(Item::Row(std::sync::Arc::new(row)));
    }
    items
}

/// Bars are drawn for the days in view plus a margin, counted in blocks of this many days, so
/// scrolling sideways changes what is drawn once every block and not at every pixel.
pub const DAY_BLOCK: i64 = 32;

/// The days whose bars are drawn, `[first, end)` as offsets from the window's first day: those a
/// viewport `width` pixels wide shows from `left` (its horizontal scroll offset), widened to whole
/// [`DAY_BLOCK`]s with one more block each side.
pub fn days_in_view(left: f64, width: f64, day_width: f64, days: i64) -> (i64, i64) {
    let day_width = day_width.max(1.0);
    let first_seen = (left.max(0.0) / day_width) as i64;
    let last_seen = ((left.max(0.0) + width.max(0.0)) / day_width) as i64;
    let first = (first_seen / DAY_BLOCK - 1).max(0) * DAY_BLOCK;
    let end = (last_seen / DAY_BLOCK + 2) * DAY_BLOCK;
    (first.min(days), end.min(days))
}

/// The items a viewport shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Visible {
    /// First item drawn.
    pub start: usize,
    /// One past the last item drawn.
    pub end: usize,
    /// Height of the items above, left blank.
    pub above: f64,
    /// Height of the items below, left blank.
    pub below: f64,
}

/// The items of `heights` that meet `[top − OVERSCAN, top + height + OVERSCAN)`, where `top` is
/// the viewport's scroll offset from the first item.
pub fn visible(heights: &[f64], top: f64, height: f64) -> Visible {
    let (from, to) = (top - OVERSCAN, top + height + OVERSCAN);
    let mut offset = 0.0;
    let (mut start, mut end, mut above) = (heights.len(), heights.len(), 0.0);
    for (index, item) in heights.iter().enumerate() {
        if offset + item > from && start == heights.len() {
            start = index;
            above = offset;
        }
        if offset >= to {
            end = index;
            break;
        }
        offset += item;
    }
    let total: f64 = heights.iter().sum();
    let drawn: f64 = heights[start.min(end)..end].iter().sum();
    Visible {
        start: start.min(end),
        end,
        above,
        below: (total - above - drawn).max(0.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_items_near_the_viewport_are_drawn() {
        let heights = vec![36.0; 1000];
        let shown = visible(&heights, 0.0, 700.0);
        assert_eq!((shown.start, shown.above), (0, 0.0));
        assert_eq!(shown.end, 37, "700 px plus 600 px of overscan");
        assert_eq!(shown.below, 36.0 * (1000 - 37) as f64);

        let middle = visible(&heights, 18_000.0, 700.0);
        assert_eq!(
            middle.start,
            (18_000.0_f64 - OVERSCAN).div_euclid(36.0) as usize
        );
        assert_eq!(middle.above, middle.start as f64 * 36.0);
        assert_eq!(
            middle.above + (middle.end - middle.start) as f64 * 36.0 + middle.below,
            36_000.0,
            "the blanks and the drawn items keep the full height"
        );
    }

    fn planning() -> PlanningData {
        use crate::domain::booking::PlanningWindow;
        use crate::domain::ids::BookingId;
        use crate::domain::money::Money;
        let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default();
        let row = |n: u128| PlanningRow {
            property: PropertyId(uuid::Uuid::from_u128(n)),
            name: format!("Logement {n}"),
            owner: None,
        };
        let bar = |id: u128, property: u128, status: u128, from: u32, to: u32| Bar {
            id: BookingId(uuid::Uuid::from_u128(id)),
            property: PropertyId(uuid::Uuid::from_u128(property)),
            stay: Stay::new(day(from), day(to)).unwrap_or_else(|e| panic!("{e}")),
            status: StatusId(uuid::Uuid::from_u128(status)),
            guest: String::new(),
            version: 1,
            price: Money::ZERO,
            group: None,
        };
        PlanningData {
            window: PlanningWindow::months(day(1), 1),
            rows: vec![row(1), row(2)],
            bars: vec![
                bar(10, 2, 7, 1, 5),
                bar(11, 1, 8, 2, 4),
                bar(12, 2, 8, 3, 6),
            ],
            statuses: Vec::new(),
            owners: Vec::new(),
        }
    }

    #[test]
    fn each_row_gets_its_own_bars_and_the_status_filter_keeps_only_that_status() {
        let data = planning();
        let all = lay_out(&data, "", "");
        let ids = |row: &LaidRow| {
            row.bars
                .iter()
                .map(|(b, _)| b.id.0.as_u128())
                .collect::<Vec<_>>()
        };
        assert_eq!((ids(&all[0]), ids(&all[1])), (vec![11], vec![10, 12]));
        assert_eq!((all[1].lanes, all[1].overbooked.len()), (2, 1));
        let paid = lay_out(&data, "", &uuid::Uuid::from_u128(8).to_string());
        assert_eq!((ids(&paid[0]), ids(&paid[1])), (vec![11], vec![12]));
        assert_eq!(paid[1].lanes, 1);
        let unknown = lay_out(&data, "", "pas-un-statut");
        assert!(unknown.iter().all(|row| row.bars.is_empty()));
    }

    #[test]
    fn bars_are_drawn_for_the_days_in_view_and_a_block_each_side() {
        // 12 months at 30 px a day in a 1,200 px viewport: 40 days seen, 96 drawn, not 365.
        assert_eq!(days_in_view(0.0, 1_200.0, 30.0, 365), (0, 96));
        // 100 days scrolled: days 100 to 140 are seen.
        assert_eq!(days_in_view(3_000.0, 1_200.0, 30.0, 365), (64, 192));
        // The end of the window is never passed; a few pixels more changes nothing.
        assert_eq!(days_in_view(10_000.0, 1_200.0, 30.0, 365), (288, 365));
        assert_eq!(
            days_in_view(3_010.0, 1_200.0, 30.0, 365),
            days_in_view(3_000.0, 1_200.0, 30.0, 365)
        );
    }

    #[test]
    fn a_short_grid_is_drawn_whole_and_the_end_is_reachable() {
        let heights = vec![28.0, 36.0, 66.0];
        assert_eq!(
            visible(&heights, 0.0, 500.0),
            Visible {
                start: 0,
                end: 3,
                above: 0.0,
                below: 0.0
            }
        );
        let bottom = visible(&vec![36.0; 100], 3_600.0 - 500.0, 500.0);
        assert_eq!((bottom.end, bottom.below), (100, 0.0));
        assert_eq!(
            visible(&[], 0.0, 500.0),
            Visible {
                start: 0,
                end: 0,
                above: 0.0,
                below: 0.0
            }
        );
    }
}
