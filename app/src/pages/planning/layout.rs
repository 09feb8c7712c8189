//! Where things go on the grid: day widths per zoom level, and each row's bars in lanes with its
//! overbooked nights, after the owner and status filters. Pure functions of the planning data.

use crate::domain::booking::{lanes, Bar, PlanningData, PlanningRow};
use crate::domain::stay::Stay;

/// Width of one day in pixels at each zoom level.
pub const DAY_WIDTHS: [f64; 3] = [16.0, 30.0, 48.0];

/// Height of one lane (one bar) in pixels.
pub const LANE_HEIGHT: f64 = 30.0;

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
    data.rows
        .iter()
        .filter(|row| {
            owner.is_empty() || row.owner.map(|o| o.to_string()).as_deref() == Some(owner)
        })
        .map(|row| {
            let bars: Vec<Bar> = data
                .bars
                .iter()
                .filter(|bar| bar.property == row.property)
                .filter(|bar| status.is_empty() || bar.status.to_string() == status)
                .cloned()
                .collect();
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
