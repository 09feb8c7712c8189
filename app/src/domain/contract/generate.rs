//! Writing a contract from a booking (seed 004 "Génération des contrats de location"): the parties,
//! the home(s), the stay, the particular conditions (price, options, arrhes, balance, security
//! deposit — amounts of zero are not mentioned), the booking's message, the generic special
//! conditions, the signatures, annexes, general conditions and each home's description. A grouped
//! booking gives one contract: the total price, the summed deposits, every description annexed.

use crate::domain::contract::facts::{ContractFacts, ContractWording};
use crate::domain::contract::settings::{AddressChoice, ArrhesMode, ContractSettings, DepositMode};
use crate::domain::contract::ContractBlock;
use crate::domain::money::Money;
use crate::domain::pricing::rounding::percent_of;

/// The amounts a contract states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContractAmounts {
    /// The stay without its options.
    pub stay: Money,
    /// The options taken (quantity above 0).
    pub options: Money,
    /// Arrhes.
    pub arrhes: Money,
    /// The balance: stay − arrhes (options excluded, seed 004).
    pub balance: Money,
    /// The security deposit (zero when hidden).
    pub security_deposit: Money,
}

/// Computes the amounts of `facts` under `settings`.
pub fn amounts(facts: &ContractFacts, settings: &ContractSettings) -> ContractAmounts {
    let options: Money = facts
        .options
        .iter()
        .map(|o| o.unit_price * i64::from(o.quantity))
        .sum();
    let stay = facts.total - options;
    let arrhes = match settings.arrhes {
        ArrhesMode::Manual => facts.booking_deposit,
        ArrhesMode::Fixed(amount) => amount,
        ArrhesMode::Percent(rate) => percent_of(stay, rate),
    };
    let security_deposit = match settings.deposit {
        DepositMode::Hidden => Money::ZERO,
        DepositMode::PerProperty => facts.homes.iter().map(|h| h.security_deposit).sum(),
        DepositMode::Percent(rate) => percent_of(stay, rate),
        DepositMode::Fixed(amount) => amount,
        DepositMode::Manual => facts.manual_security_deposit,
    };
    ContractAmounts {
        stay,
        options,
        arrhes,
        balance: stay - arrhes,
        security_deposit,
    }
}

fn block(key: &str, heading: &str, text: String) -> ContractBlock {
    ContractBlock {
        key: key.into(),
        heading: heading.into(),
        text,
    }
}

/// The blocks of the contract of `facts`, in order; empty texts are left out.
pub fn generate(
    facts: &ContractFacts,
    settings: &ContractSettings,
    w: &ContractWording,
) -> Vec<ContractBlock> {
    let money = w.money;
    let a = amounts(facts, settings);
    let mut blocks = vec![block(
        "parties",
        w.parties_heading,
        (w.parties)(&facts.lessor, &facts.tenant),
    )];
    let homes: Vec<String> = facts
        .homes
        .iter()
        .map(|home| {
            let address = match settings.address {
                AddressChoice::Property => home.address.as_str(),
                AddressChoice::Billing => facts.billing_address.as_str(),
            };
            let name = settings.property_name.then_some(home.name.as_str());
            (w.home)(name, address, home.capacity, home.registration.as_deref())
        })
        .collect();
    blocks.push(block("home", w.home_heading, homes.join("\n\n")));
    let mut stay = vec![(w.stay)(
        &(w.date)(facts.arrival),
        &(w.date)(facts.departure),
    )];
    if settings.nights_line {
        stay.push((w.nights)((facts.departure - facts.arrival).num_days()));
    }
    if settings.persons_lines {
        stay.extend((w.persons)(facts.guests));
    }
    blocks.push(block("stay", w.stay_heading, stay.join("\n")));
    let mut conditions = vec![(w.price)(&money(a.stay))];
    if settings.options_lines && !facts.options.is_empty() {
        for option in &facts.options {
            let total = (option.quantity > 0)
                .then(|| money(option.unit_price * i64::from(option.quantity)));
            conditions.push((w.option_line)(
                &option.label,
                &money(option.unit_price),
                option.quantity,
                total.as_deref(),
            ));
        }
        if !a.options.is_zero() {
            conditions.push((w.options_total)(&money(a.options)));
        }
    }
    if !a.arrhes.is_zero() {
        conditions.push((w.arrhes)(&money(a.arrhes)));
    }
    if settings.balance_line {
        conditions.push((w.balance)(&money(a.balance), &settings.balance_terms));
    }
    if !a.security_deposit.is_zero() {
        conditions.push((w.security_deposit)(
            &settings.deposit_label,
            &money(a.security_deposit),
        ));
    }
    blocks.push(block(
        "conditions",
        w.conditions_heading,
        conditions.join("\n"),
    ));
    for (key, text) in [
        ("message", &facts.message),
        ("special", &settings.special_conditions),
    ] {
        if !text.trim().is_empty() {
            blocks.push(block(key, "", text.trim().to_string()));
        }
    }
    blocks.push(block("signatures", "", w.signatures.to_string()));
    if !settings.annexes.trim().is_empty() {
        blocks.push(block(
            "annexes",
            w.annexes_heading,
            settings.annexes.trim().to_string(),
        ));
    }
    if !settings.general_conditions.trim().is_empty() {
        blocks.push(block(
            "general",
            w.general_heading,
            settings.general_conditions.trim().to_string(),
        ));
    }
    if settings.annex_descriptions {
        for home in facts
            .homes
            .iter()
            .filter(|h| !h.description.trim().is_empty())
        {
            blocks.push(block(
                "description",
                &(w.description_heading)(&home.name),
                home.description.trim().to_string(),
            ));
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::facts::{HomeFacts, OptionFacts, Party};
    use crate::domain::percent::Percent;
    use crate::domain::pricing::Guests;
    use chrono::NaiveDate;

    const W: ContractWording = ContractWording {
        money: |m| m.format_fr(),
        date: |d| d.format("%d/%m/%Y").to_string(),
        parties_heading: "Les parties",
        parties: |l, t| format!("{} / {}", l.name, t.name),
        home_heading: "Le logement",
        home: |name, address, _, _| {
            format!(
                "{}{address}",
                name.map(|n| format!("{n}, ")).unwrap_or_default()
            )
        },
        stay_heading: "Le séjour",
        stay: |a, d| format!("Du {a} au {d}"),
        nights: |n| format!("{n} nuits"),
        persons: |g| vec![format!("{} adultes", g.adults)],
        conditions_heading: "Conditions particulières",
        price: |p| format!("Prix : {p}"),
        option_line: |l, u, q, t| format!("{l} {u} × {q} {}", t.unwrap_or("—")),
        options_total: |t| format!("Options : {t}"),
        arrhes: |a| format!("Arrhes : {a}"),
        balance: |b, terms| format!("Solde : {b} {terms}"),
        security_deposit: |l, a| format!("{l} : {a}"),
        signatures: "Signatures",
        annexes_heading: "Annexes",
        general_heading: "Conditions générales",
        description_heading: |n| format!("État descriptif — {n}"),
    };

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 7, d).unwrap_or_default()
    }

    fn facts() -> ContractFacts {
        let home = |name: &str, deposit: i64| HomeFacts {
            name: name.into(),
            address: format!("{name}, Annecy"),
            capacity: 4,
            registration: None,
            security_deposit: Money::from_cents(deposit),
            description: format!("Description de {name}"),
        };
        ContractFacts {
            lessor: Party {
                name: "Marie Dupont".into(),
                address: String::new(),
            },
            billing_address: "12 quai du Lac".into(),
            tenant: Party {
                name: "Paul Martin".into(),
                address: String::new(),
            },
            homes: vec![home("Le Chalet", 50_000), home("La Grange", 30_000)],
            arrival: day(3),
            departure: day(10),
            guests: Guests {
                adults: 4,
                children: 1,
                others: 0,
            },
            total: Money::from_cents(130_000),
            options: vec![
                OptionFacts {
                    label: "Ménage".into(),
                    unit_price: Money::from_cents(8_000),
                    quantity: 1,
                },
                OptionFacts {
                    label: "Draps".into(),
                    unit_price: Money::from_cents(1_500),
                    quantity: 0,
                },
            ],
            booking_deposit: Money::from_cents(30_000),
            manual_security_deposit: Money::ZERO,
            message: "Arrivée prévue vers 20 h.".into(),
        }
    }

    fn text_of(blocks: &[ContractBlock], key: &str) -> String {
        blocks
            .iter()
            .filter(|b| b.key == key)
            .map(|b| b.text.clone())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_balance_leaves_options_out_and_a_group_sums_its_deposits() {
        // Seed 004: « Solde … (= montant de la réservation - arrhes) … Les options ne sont pas prises
        // en compte dans de solde » ; « additionne l'ensemble des dépôts de garantie ».
        let settings = ContractSettings::defaults("CG", "Dépôt de garantie");
        let a = amounts(&facts(), &settings);
        assert_eq!(a.options, Money::from_cents(8_000));
        assert_eq!(a.stay, Money::from_cents(122_000));
        assert_eq!(a.balance, Money::from_cents(92_000));
        assert_eq!(a.security_deposit, Money::from_cents(80_000));
        let blocks = generate(&facts(), &settings, &W);
        let conditions = text_of(&blocks, "conditions");
        assert!(
            conditions.contains("Draps 15,00 € × 0 —"),
            "a 0 quantity shows the price without total: {conditions}"
        );
        assert!(conditions.contains("Options : 80,00 €"));
        assert!(conditions.contains("Dépôt de garantie : 800,00 €"));
        assert_eq!(
            blocks.iter().filter(|b| b.key == "description").count(),
            2,
            "each home's description annexed"
        );
        assert_eq!(text_of(&blocks, "message"), "Arrivée prévue vers 20 h.");
    }

    #[test]
    fn amounts_of_zero_are_not_mentioned() {
        // « Si le montant des arrhes est nul, les arrhes ne sont pas mentionnées » ; the same for the
        // security deposit.
        let mut facts = facts();
        facts.booking_deposit = Money::ZERO;
        let mut settings = ContractSettings::defaults("", "Caution");
        settings.deposit = DepositMode::Hidden;
        let conditions = text_of(&generate(&facts, &settings, &W), "conditions");
        assert!(!conditions.contains("Arrhes"));
        assert!(!conditions.contains("Caution"));
    }

    #[test]
    fn arrhes_and_deposits_follow_their_mode() {
        let mut settings = ContractSettings::defaults("", "Caution");
        settings.arrhes = ArrhesMode::Percent(Percent::points(25));
        settings.deposit = DepositMode::Fixed(Money::from_cents(40_000));
        settings.address = AddressChoice::Billing;
        let a = amounts(&facts(), &settings);
        assert_eq!(a.arrhes, Money::from_cents(30_500));
        assert_eq!(a.security_deposit, Money::from_cents(40_000));
        let home = text_of(&generate(&facts(), &settings, &W), "home");
        assert!(home.starts_with("Le Chalet, 12 quai du Lac"), "{home}");
    }
}
