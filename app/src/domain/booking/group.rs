//! Grouped bookings (réservation groupée, SPEC C4, seed 004 "Planning : Réservation groupée"): one
//! booking per property, sold together — common dates, status, guest, origin, notes and contract
//! message; each property keeps its own guests, options, forfait and deposit and is priced with its
//! own rates; the group's price is the sum. Unticking a property takes it out of the group: its
//! booking stays, and its dates can then change on their own.
//!
//! The form edits one booking of the group (the one opened) and lists the others as [`GroupLine`]s.
//! Lines carry the stored members' versions: a save made after someone else changed a member is a
//! conflict, never a silent overwrite.

use crate::domain::booking::form::{options, BookingForm, OptionQuantity};
use crate::domain::field::{FieldError, FieldErrors};
use crate::domain::ids::{BookingId, ChargeOptionId, PropertyId};
use crate::domain::money::Money;
use crate::domain::pricing::{Quote, QuoteRequest};
use crate::domain::rates::QuoteQuery;
use serde::{Deserialize, Serialize};

/// Most properties one grouped booking may hold (the one opened included).
pub const MAX_GROUP: usize = 50;

/// Guests of a new line, until typed.
const NEW_LINE_ADULTS: &str = "2";

/// Another property of the group, as the form holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupLine {
    /// The stored booking of this property, when it is already a member.
    pub booking: Option<BookingId>,
    /// That booking's version when the form was opened.
    pub version: i64,
    /// The property.
    pub property: String,
    /// Adults in this property.
    pub adults: String,
    /// Children in this property.
    pub children: String,
    /// Others in this property.
    pub others: String,
    /// Its options (kept as stored; edited from that booking's own form).
    pub options: Vec<OptionQuantity>,
    /// Its forfait (kept as stored).
    pub forfait: String,
    /// Its deposit (kept as stored).
    pub deposit: String,
    /// Ticked: in the group. A stored member unticked leaves the group and keeps its booking.
    pub included: bool,
}

impl GroupLine {
    /// A property ticked in the list, not stored yet.
    pub fn new(property: PropertyId) -> Self {
        GroupLine {
            property: property.to_string(),
            adults: NEW_LINE_ADULTS.into(),
            included: true,
            ..GroupLine::default()
        }
    }

    /// This line's stay: the opened booking's dates, discount and tourist-tax choice with this
    /// property's guests and forfait.
    pub fn query(&self, main: &QuoteQuery) -> QuoteQuery {
        QuoteQuery {
            property: self.property.clone(),
            adults: self.adults.clone(),
            children: self.children.clone(),
            others: self.others.clone(),
            forfait: self.forfait.clone(),
            options: String::new(),
            ..main.clone()
        }
    }
}

/// The form of line `line` of `main`'s group: `main`'s shared fields with this property's own, to
/// quote it in the browser as the server will.
pub fn member_form(main: &BookingForm, line: &GroupLine) -> BookingForm {
    BookingForm {
        stay: line.query(&main.stay),
        options: line.options.clone(),
        deposit: line.deposit.clone(),
        grouped: false,
        group: Vec::new(),
        ..main.clone()
    }
}

/// A validated member of the group other than the booking opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberInput {
    /// Its stored booking and the version it was read at; `None` for a property just added.
    pub existing: Option<(BookingId, i64)>,
    /// The property.
    pub property: PropertyId,
    /// Its stay to price.
    pub request: QuoteRequest,
    /// Its options.
    pub options: Vec<(ChargeOptionId, u32)>,
    /// Its deposit.
    pub deposit: Money,
}

/// What a save does to the group of the booking opened.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupInput {
    /// The booking opened is (or stays) grouped.
    pub grouped: bool,
    /// The other properties ticked (all empty when not grouped).
    pub members: Vec<MemberInput>,
    /// Stored members to take out of the group (their bookings stay), with their versions.
    pub leaving: Vec<(BookingId, i64)>,
    /// Every stored member the form knew of (ticked or not): a member stored since is a conflict.
    pub known: Vec<BookingId>,
}

/// The prices a save stores: the booking opened, then each member of [`GroupInput::members`] in
/// order.
#[derive(Clone, Debug, PartialEq)]
pub struct BookingQuotes {
    /// The booking opened.
    pub main: Quote,
    /// The group's other properties, in the order of the members.
    pub members: Vec<Quote>,
}

impl BookingQuotes {
    /// What the whole booking costs: the group's price is the sum of its members'.
    pub fn total(&self) -> Money {
        self.members
            .iter()
            .fold(self.main.totals.total, |sum, quote| {
                sum + quote.totals.total
            })
    }

    /// Every quote, the opened booking's first.
    pub fn all(&self) -> impl Iterator<Item = &Quote> {
        std::iter::once(&self.main).chain(&self.members)
    }
}

/// Checks the group part of a form whose opened booking has the stay `main`; errors are named
/// `group`.
pub fn validate_group(
    grouped: bool,
    lines: &[GroupLine],
    main: &QuoteQuery,
    errors: &mut FieldErrors,
) -> Option<GroupInput> {
    let known: Vec<BookingId> = lines.iter().filter_map(|line| line.booking).collect();
    if !grouped {
        // The booking opened leaves (or never joins): the other members stay together as they are.
        return Some(GroupInput {
            known,
            ..GroupInput::default()
        });
    }
    let leaving: Vec<(BookingId, i64)> = lines
        .iter()
        .filter(|line| !line.included)
        .filter_map(|line| line.booking.map(|id| (id, line.version)))
        .collect();
    let included: Vec<&GroupLine> = lines.iter().filter(|line| line.included).collect();
    let refuse = |errors: &mut FieldErrors, error: FieldError| {
        if !errors.iter().any(|(name, _)| name == "group") {
            errors.push(("group".into(), error));
        }
    };
    if included.is_empty() {
        refuse(errors, FieldError::Required);
        return None;
    }
    if included.len() + 1 > MAX_GROUP {
        refuse(
            errors,
            FieldError::OutOfRange {
                min: 2,
                max: MAX_GROUP as i64,
            },
        );
        return None;
    }
    let mut properties = vec![main.property.trim().to_owned()];
    let mut members = Vec::new();
    for line in included {
        let property = line.property.trim().to_owned();
        if properties.contains(&property) {
            refuse(errors, FieldError::Duplicate);
            continue;
        }
        properties.push(property);
        let stay = line.query(main).validate();
        let options = options(&line.options);
        let deposit = Money::parse_optional(&line.deposit).map(Option::unwrap_or_default);
        match (stay, options, deposit) {
            (Ok(stay), Ok(options), Ok(deposit)) => members.push(MemberInput {
                existing: line.booking.map(|id| (id, line.version)),
                property: stay.property,
                request: stay.request,
                options,
                deposit,
            }),
            (Err(stay_errors), _, _) => {
                // The common fields (dates, discount) are already named by the opened booking.
                for (name, error) in stay_errors {
                    if ["adults", "children", "others", "forfait", "property"]
                        .contains(&name.as_str())
                    {
                        refuse(errors, error);
                    }
                }
            }
            (_, Err(error), _) | (_, _, Err(error)) => refuse(errors, error),
        }
    }
    errors.is_empty().then_some(GroupInput {
        grouped: true,
        members,
        leaving,
        known,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn main_stay() -> QuoteQuery {
        QuoteQuery {
            property: Uuid::from_u128(1).to_string(),
            arrival: "2027-07-03".into(),
            departure: "2027-07-10".into(),
            adults: "4".into(),
            ..QuoteQuery::default()
        }
    }

    fn line(property: u128) -> GroupLine {
        GroupLine::new(PropertyId(Uuid::from_u128(property)))
    }

    #[test]
    fn members_share_the_dates_and_keep_their_own_guests() {
        let mut second = line(2);
        second.adults = "6".into();
        let mut errors = FieldErrors::new();
        let group = validate_group(true, &[second], &main_stay(), &mut errors)
            .unwrap_or_else(|| panic!("{errors:?}"));
        let member = &group.members[0];
        assert_eq!(member.request.stay.nights(), 7);
        assert_eq!(member.request.guests.adults, 6);
        assert_eq!(member.property, PropertyId(Uuid::from_u128(2)));
        assert!(member.existing.is_none());
    }

    #[test]
    fn a_group_needs_another_property_and_each_only_once() {
        let mut errors = FieldErrors::new();
        assert!(validate_group(true, &[], &main_stay(), &mut errors).is_none());
        assert_eq!(errors, [("group".to_string(), FieldError::Required)]);
        let mut errors = FieldErrors::new();
        assert!(validate_group(true, &[line(1)], &main_stay(), &mut errors).is_none());
        assert_eq!(errors, [("group".to_string(), FieldError::Duplicate)]);
        let mut errors = FieldErrors::new();
        let mut bad = line(3);
        bad.children = "beaucoup".into();
        assert!(validate_group(true, &[bad], &main_stay(), &mut errors).is_none());
        assert_eq!(errors, [("group".to_string(), FieldError::NotAWholeNumber)]);
    }

    #[test]
    fn an_unticked_member_leaves_and_keeps_its_booking() {
        let stored = BookingId(Uuid::from_u128(9));
        let mut leaving = line(2);
        leaving.booking = Some(stored);
        leaving.version = 4;
        leaving.included = false;
        let staying = line(3);
        let mut errors = FieldErrors::new();
        let group = validate_group(true, &[leaving.clone(), staying], &main_stay(), &mut errors)
            .unwrap_or_else(|| panic!("{errors:?}"));
        assert_eq!(group.leaving, [(stored, 4)]);
        assert_eq!(group.known, [stored]);
        assert_eq!(group.members.len(), 1);
        // The booking opened leaves the group: the others stay together, untouched.
        let group = validate_group(false, &[leaving], &main_stay(), &mut errors)
            .unwrap_or_else(|| panic!("{errors:?}"));
        assert!(!group.grouped && group.members.is_empty() && group.leaving.is_empty());
    }
}
