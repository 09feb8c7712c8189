//! The lines of an invoice: the editor of a draft's lines ("Ajouter une ligne", "--Ajout rapide--",
//! each cell checked as typed), the read-only table of an issued one, and the totals block.

use crate::api::invoices::InvoiceView;
use crate::components::field::FormState;
use crate::components::language::use_texts;
use crate::domain::invoice::line::quantity_input;
use crate::domain::invoice::{
    AdvanceWording, InvoiceForm, InvoiceLine, InvoiceTotals, LineForm, Settlement,
};
use crate::domain::money::Money;
use leptos::prelude::*;

/// Reads one field of line `index`.
fn cell(
    form: FormState<InvoiceForm>,
    index: usize,
    get: fn(&LineForm) -> String,
) -> impl Fn() -> String + Copy {
    move || {
        form.value
            .with(|f| f.lines.get(index).map(get).unwrap_or_default())
    }
}

/// Writes one field of line `index`.
fn set_cell(
    form: FormState<InvoiceForm>,
    index: usize,
    set: fn(&mut LineForm, String),
) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| {
        let value = event_target_value(&ev);
        form.value.update(|f| {
            if let Some(line) = f.lines.get_mut(index) {
                set(line, value);
            }
        });
    }
}

/// The message of line `index`'s `field`, once the form was submitted (the browser's check, else
/// the server's).
fn line_error(
    form: FormState<InvoiceForm>,
    index: usize,
    field: &'static str,
) -> impl Fn() -> Option<String> + Copy {
    move || {
        let t = use_texts();
        let name = format!("lines.{index}.{field}");
        if form.submitted.get() {
            let local = form
                .value
                .with(|f| f.lines.get(index).map(LineForm::validate));
            if let Some(Err(errors)) = local {
                if let Some((_, error)) = errors.iter().find(|(f, _)| *f == field) {
                    return Some((t.field_error)(error));
                }
            }
        }
        form.server_error
            .with(|e| e.as_ref().and_then(|e| e.field(&name)))
    }
}

/// The editable lines of a draft.
#[component]
pub fn LinesEditor(form: FormState<InvoiceForm>, current: RwSignal<InvoiceView>) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let count = Memo::new(move |_| form.value.with(|f| f.lines.len()));
    let vat = Memo::new(move |_| form.value.with(|f| f.vat_enabled));
    let categories = Memo::new(move |_| current.with(|c| c.categories.clone()));
    let default_category =
        move || categories.with(|c| c.first().cloned().unwrap_or_else(|| "-".into()));
    let add_line = move |_| {
        form.value.update(|f| {
            f.lines.push(LineForm {
                category: default_category(),
                quantity: "1".into(),
                ..LineForm::default()
            })
        })
    };
    let quick_choice = RwSignal::new(String::new());
    let quick_add = move |ev: leptos::ev::Event| {
        let chosen: Option<usize> = event_target_value(&ev).parse().ok();
        let option = chosen.and_then(|i| current.with_untracked(|c| c.quick_add.get(i).cloned()));
        if let Some(option) = option {
            form.value.update(|f| {
                f.lines.push(LineForm {
                    category: default_category(),
                    designation: option.label.to_string(),
                    unit_price: option.unit_price.to_input(),
                    quantity: "1".into(),
                    vat_rate: option.vat_rate.to_input(),
                    ..LineForm::default()
                })
            });
        }
        quick_choice.set(String::new());
    };
    let row = move |i: usize| {
        let text = move |field: &'static str,
                         label: &'static str,
                         get: fn(&LineForm) -> String,
                         set: fn(&mut LineForm, String),
                         class: &'static str| {
            let error = line_error(form, i, field);
            let id = format!("line-{i}-{field}");
            let error_id = format!("{id}-error");
            view! {
                <td class=class>
                    <label class="sr-only" for=id.clone()>{format!("{label} ({})", i + 1)}</label>
                    <input id=id name=format!("lines.{i}.{field}") autocomplete="off"
                        aria-invalid=move || error().is_some().then_some("true")
                        aria-describedby=move || error().is_some().then(|| error_id.clone())
                        prop:value=cell(form, i, get) on:input=set_cell(form, i, set)/>
                    {move || error().map(|e| view! { <p class="field-error" id=format!("line-{i}-{field}-error")>{e}</p> })}
                </td>
            }
        };
        let designation_error = line_error(form, i, "designation");
        let amount = move || {
            form.value.with(|f| {
                f.lines
                    .get(i)
                    .and_then(|l| l.validate().ok())
                    .map(|l| t.money(l.amount()))
            })
        };
        view! {
            <tr data-testid="invoice-line">
                {text("reference", v.col_reference, |l| l.reference.clone(), |l, x| l.reference = x, "ref")}
                <td class="designation">
                    <label class="sr-only" for=format!("line-{i}-designation")>{format!("{} ({})", v.col_designation, i + 1)}</label>
                    <textarea id=format!("line-{i}-designation") name=format!("lines.{i}.designation") rows="2"
                        aria-invalid=move || designation_error().is_some().then_some("true")
                        prop:value=cell(form, i, |l| l.designation.clone())
                        on:input=set_cell(form, i, |l, x| l.designation = x)></textarea>
                    {move || designation_error().map(|e| view! { <p class="field-error">{e}</p> })}
                    <div class="line-options">
                        <label>
                            <span class="sr-only">{format!("{} ({})", v.category_label, i + 1)}</span>
                            <select name=format!("lines.{i}.category") title=v.category_label
                                on:change=set_cell(form, i, |l, x| l.category = x)>
                                {move || categories.get().into_iter().map(|c| {
                                    let selected = cell(form, i, |l| l.category.clone())() == c;
                                    view! { <option value=c.clone() selected=selected>{c.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="check">
                            <input type="checkbox" name=format!("lines.{i}.tourist_tax")
                                prop:checked=move || form.value.with(|f| f.lines.get(i).is_some_and(|l| l.tourist_tax))
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    form.value.update(|f| if let Some(l) = f.lines.get_mut(i) { l.tourist_tax = checked });
                                }/>
                            {v.tourist_tax_line}
                        </label>
                    </div>
                </td>
                {text("unit_price", v.col_unit_price, |l| l.unit_price.clone(), |l, x| l.unit_price = x, "num")}
                {text("quantity", v.col_quantity, |l| l.quantity.clone(), |l, x| l.quantity = x, "num qty")}
                {move || vat.get().then(|| text("vat_rate", v.col_vat, |l| l.vat_rate.clone(), |l, x| l.vat_rate = x, "num qty"))}
                <td class="num amount">{amount}</td>
                <td>
                    <button type="button" class="icon" title=v.remove_line aria-label=format!("{} ({})", v.remove_line, i + 1)
                        on:click=move |_| form.value.update(|f| { if i < f.lines.len() { f.lines.remove(i); } })>"×"</button>
                </td>
            </tr>
        }
    };
    view! {
        <div class="table-wrap">
            <table class="list invoice-lines editable">
                <thead><tr>
                    <th scope="col">{v.col_reference}</th>
                    <th scope="col">{v.col_designation}</th>
                    <th scope="col" class="num">{v.col_unit_price}</th>
                    <th scope="col" class="num">{v.col_quantity}</th>
                    {move || vat.get().then(|| view! { <th scope="col" class="num">{v.col_vat}</th> })}
                    <th scope="col" class="num">{v.col_amount}</th>
                    <th scope="col"><span class="sr-only">{v.remove_line}</span></th>
                </tr></thead>
                <tbody>{move || (0..count.get()).map(row).collect_view()}</tbody>
            </table>
        </div>
        {move || (count.get() == 0).then(|| view! { <p class="empty">{v.no_lines}</p> })}
        <div class="actions">
            <button type="button" data-testid="add-line" on:click=add_line>{v.add_line}</button>
            <label class="sr-only" for="quick-add">{v.quick_add}</label>
            <select id="quick-add" data-testid="quick-add" prop:value=move || quick_choice.get() on:change=quick_add>
                <option value="">{v.quick_add}</option>
                {move || current.with(|c| c.quick_add.iter().enumerate().map(|(i, o)| view! {
                    <option value=i.to_string()>{format!("{} — {}", o.label, t.money(o.unit_price))}</option>
                }).collect_view())}
            </select>
        </div>
    }
}

/// The lines of an issued invoice.
#[component]
pub fn LinesTable(lines: Vec<InvoiceLine>, vat: bool) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    view! {
        <div class="table-wrap">
            <table class="list invoice-lines">
                <thead><tr>
                    <th scope="col">{v.col_reference}</th>
                    <th scope="col">{v.col_designation}</th>
                    <th scope="col">{v.category_label}</th>
                    <th scope="col" class="num">{v.col_unit_price}</th>
                    <th scope="col" class="num">{v.col_quantity}</th>
                    {vat.then(|| view! { <th scope="col" class="num">{v.col_vat}</th> })}
                    <th scope="col" class="num">{v.col_amount}</th>
                </tr></thead>
                <tbody>
                    {lines.into_iter().map(|line| view! {
                        <tr>
                            <td>{line.reference.clone()}</td>
                            <td class="pre">{line.designation.clone()}</td>
                            <td>{line.category.clone()}</td>
                            <td class="num">{t.money(line.unit_price)}</td>
                            <td class="num">{quantity_input(line.quantity)}</td>
                            {vat.then(|| view! { <td class="num">{(!line.tourist_tax).then(|| line.vat_rate.to_string())}</td> })}
                            <td class="num">{t.money(line.amount())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The totals: excluding VAT and VAT per rate (when VAT applies), tourist tax, total, then what was
/// paid and what remains.
#[component]
pub fn TotalsTable(
    totals: InvoiceTotals,
    vat: bool,
    settlement: Option<(Settlement, AdvanceWording)>,
) -> impl IntoView {
    let t = use_texts();
    let v = t.invoices;
    let row = |label: String, amount: Money, strong: bool| {
        view! {
            <tr class:strong=strong><th scope="row">{label}</th><td class="num">{t.money(amount)}</td></tr>
        }
    };
    view! {
        <table class="totals" data-testid="invoice-totals">
            <tbody>
                {vat.then(|| view! {
                    {row(v.total_excl_vat.into(), totals.excluding_vat, false)}
                    {totals.vat.iter().map(|line| row((v.vat_at)(line.rate), line.vat, false)).collect_view()}
                })}
                {(!totals.tourist_tax.is_zero()).then(|| row(v.tourist_tax.into(), totals.tourist_tax, false))}
                {row(if vat { v.total_incl_vat } else { v.total }.into(), totals.total, true)}
                {settlement.map(|(s, wording)| view! {
                    {(!s.advance.is_zero()).then(|| row((v.advance_paid)(wording).into(), s.advance, false))}
                    {(!s.paid.is_zero()).then(|| row(v.paid.into(), s.paid, false))}
                    {row(v.remaining.into(), s.remaining, true)}
                })}
            </tbody>
        </table>
    }
}
