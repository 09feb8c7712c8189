//! Email's words in English.

use super::{template, MailTexts};
use crate::domain::mail::{
    MessageStatus, Placeholder, SendFailure, SmtpSecurity, Template, TemplatePurpose,
};
use chrono::NaiveDateTime;

fn security_name(security: SmtpSecurity) -> &'static str {
    match security {
        SmtpSecurity::StartTls => "STARTTLS (port 587, recommended)",
        SmtpSecurity::Tls => "TLS (port 465)",
        SmtpSecurity::None => "None (a server on this machine only)",
    }
}

fn test_body(organisation: &str) -> String {
    format!(
        "Hello,\n\nThis test message was sent by Saison for {organisation}.\n\
         If you can read it, sending email works.\n"
    )
}

fn time(at: NaiveDateTime) -> String {
    at.format("%d/%m/%Y at %H:%M").to_string()
}

fn failure(failure: &SendFailure) -> String {
    match failure {
        SendFailure::Refused { code, message } => format!(
            "The mail server refused the message (code {code}): “{message}”. It will not be \
             retried automatically: correct the address or the message, then send it again."
        ),
        SendFailure::Deferred { code, message } => {
            format!("The mail server refused the message for now (code {code}): “{message}”.")
        }
        SendFailure::Authentication { message } => format!(
            "The mail server refused the login or password: “{message}”. Check them in \
             Settings › Email."
        ),
        SendFailure::Unreachable { detail } => {
            format!("The mail server does not answer ({detail}). Check its name and port.")
        }
        SendFailure::Tls { detail } => format!(
            "The encrypted connection to the mail server failed ({detail}). Try the other \
             security: STARTTLS on port 587 or TLS on port 465."
        ),
        SendFailure::Invalid { detail } => format!("The message could not be prepared: {detail}."),
        SendFailure::NoSender => "No sender address: set one in Settings › Email.".into(),
        SendFailure::PasswordUnreadable => "The stored password can no longer be read (the \
             server's key changed): type it again in Settings › Email."
            .into(),
    }
}

fn outcome(
    status: MessageStatus,
    last: Option<&SendFailure>,
    next: Option<NaiveDateTime>,
) -> String {
    match (status, last) {
        (MessageStatus::Sent, _) => "Sent: the mail server accepted the message.".into(),
        (MessageStatus::Held, _) => "No mail server is configured: the message is kept in the \
             outbox, it was not sent."
            .into(),
        (MessageStatus::Pending, Some(f)) => format!(
            "Not sent yet. {}{}",
            failure(f),
            next.map(|n| format!(" Next automatic attempt on {}.", time(n)))
                .unwrap_or_default()
        ),
        (MessageStatus::Failed, Some(f)) => format!("Not sent. {}", failure(f)),
        (MessageStatus::Cancelled, _) => "Sending cancelled.".into(),
        _ => "Sending…".into(),
    }
}

fn status_name(status: MessageStatus) -> &'static str {
    match status {
        MessageStatus::Held => "Kept (no server)",
        MessageStatus::Pending => "Waiting",
        MessageStatus::Sending => "Sending",
        MessageStatus::Sent => "Sent",
        MessageStatus::Failed => "Failed",
        MessageStatus::Cancelled => "Cancelled",
    }
}

fn outbox_count(total: i64, failed: i64) -> String {
    let messages = if total == 1 { "message" } else { "messages" };
    match failed {
        0 => format!("{total} {messages}."),
        n => format!("{total} {messages}, {n} failed and waiting for your decision."),
    }
}

fn attempts(count: i64) -> String {
    match count {
        0 => "no attempt".into(),
        1 => "1 attempt".into(),
        n => format!("{n} attempts"),
    }
}

fn size(bytes: i64) -> String {
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

fn purpose_name(purpose: TemplatePurpose) -> &'static str {
    match purpose {
        TemplatePurpose::Contract => "Sending the contract",
        TemplatePurpose::Invoice => "Sending the invoice",
        TemplatePurpose::Reminder => "Payment reminder",
        TemplatePurpose::BookingRequestReceived => "Booking request received",
        TemplatePurpose::BookingConfirmed => "Booking confirmed",
        TemplatePurpose::Statement => "Owner's statement",
    }
}

fn placeholder_label(placeholder: Placeholder) -> &'static str {
    match placeholder {
        Placeholder::Guest => "Guest's name",
        Placeholder::Property => "Property",
        Placeholder::Arrival => "Arrival date",
        Placeholder::Departure => "Departure date",
        Placeholder::Nights => "Number of nights",
        Placeholder::Amount => "Amount",
        Placeholder::Number => "Document number",
        Placeholder::Link => "Link",
        Placeholder::Owner => "Owner's name",
        Placeholder::Period => "Statement's month",
        Placeholder::Organisation => "Your organisation",
    }
}

fn sample(placeholder: Placeholder) -> String {
    match placeholder {
        Placeholder::Guest => "Mary Smith",
        Placeholder::Property => "The Chalet",
        Placeholder::Arrival => "07/05/2027",
        Placeholder::Departure => "14/05/2027",
        Placeholder::Nights => "7",
        Placeholder::Amount => "€1,304.40",
        Placeholder::Number => "2027-0012",
        Placeholder::Link => "https://saison.example.com/…",
        Placeholder::Owner => "John Martin",
        Placeholder::Period => "March 2027",
        Placeholder::Organisation => "Lake Cottages",
    }
    .into()
}

fn default_template(purpose: TemplatePurpose) -> Template {
    match purpose {
        TemplatePurpose::Contract => template(
            "Rental contract — {logement}, {arrivee} to {depart}",
            "Hello {client},\n\nPlease find attached the rental contract for your stay at {logement} \
             from {arrivee} to {depart} ({nuits} nights), for {montant}.\n\n\
             Please send it back to us signed.\n\nKind regards,\n{organisation}",
        ),
        TemplatePurpose::Invoice => template(
            "Invoice {numero} — {logement}",
            "Hello {client},\n\nPlease find attached invoice {numero} for {montant} for your stay at \
             {logement} from {arrivee} to {depart}.\n\nKind regards,\n{organisation}",
        ),
        TemplatePurpose::Reminder => template(
            "Reminder: invoice {numero} awaiting payment",
            "Hello {client},\n\nUnless we are mistaken, we have not yet received payment of invoice \
             {numero} for {montant} (stay at {logement} from {arrivee} to {depart}).\n\nIf you have \
             already paid it, please disregard this message.\n\nKind regards,\n{organisation}",
        ),
        TemplatePurpose::BookingRequestReceived => template(
            "We have received your request — {logement}",
            "Hello {client},\n\nWe have received your booking request for {logement} from {arrivee} \
             to {depart} ({nuits} nights, {montant}). We will answer you shortly.\n\n\
             Kind regards,\n{organisation}",
        ),
        TemplatePurpose::BookingConfirmed => template(
            "Booking confirmed — {logement}, {arrivee} to {depart}",
            "Hello {client},\n\nWe are pleased to confirm your booking at {logement} from {arrivee} \
             to {depart} ({nuits} nights), for {montant}.\n\nSee you soon,\n{organisation}",
        ),
        TemplatePurpose::Statement => template(
            "Your management statement — {periode}",
            "Hello {proprietaire},\n\nPlease find attached your management statement for {periode}. \
             Balance for the month: {montant}.\n\nYou can also read it here: {lien}\n\n\
             Kind regards,\n{organisation}",
        ),
    }
}

fn copy_note(address: &str) -> String {
    format!("You will receive a copy at {address}.")
}

/// The English texts.
pub static TEXTS: MailTexts = MailTexts {
    failed_suffix: |n| {
        if n > 1 {
            " failed messages".into()
        } else {
            " failed message".into()
        }
    },
    nav_outbox: "Outbox",
    settings_title: "Email",
    settings_intro: "Contracts, invoices and statements are emailed from Saison. Without a mail \
         server, messages stay in the outbox, readable, and are not sent.",
    settings_link: "Mail server and sender",
    templates_link: "Email templates",
    outbox_link: "Outbox",
    admin_only: "Only an administrator can change the mail server.",
    smtp_enabled: "Send email through an SMTP server",
    smtp_enabled_hint: "Unticked: messages stay in the outbox without being sent.",
    server_title: "Mail server",
    host: "SMTP server",
    host_hint: "For example smtp.gmail.com or smtp.office365.com.",
    port: "Port",
    port_hint: "Empty: 587 for STARTTLS, 465 for TLS, 25 without security.",
    security: "Connection security",
    security_name,
    user: "Login",
    user_hint: "Often your email address. Empty if the server needs none.",
    password: "Password",
    password_stored_hint: "A password is stored (encrypted). Leave empty to keep it.",
    password_new_hint: "It is stored encrypted and will never be shown again.",
    sender_title: "Sender",
    sender_name: "Sender's name",
    sender_address: "Sender's address",
    reply_to: "Reply-to address",
    reply_to_hint: "Empty: answers go to the sender's address.",
    copy_to_sender: "Receive a copy of every message",
    copy_to_sender_hint: "The copy goes to the sender's address; the guest does not see it.",
    report_recipients: "Managers' emails (reports)",
    report_recipients_hint:
        "They receive the reports Saison sends. Several addresses: separate them with commas.",
    settings_saved: "Email settings saved.",
    test_title: "Test sending",
    test_intro: "Sends a short message with the saved settings and shows the server's answer.",
    test_to: "Send the test to",
    test_send: "Send a test email",
    test_subject: "Saison: test email",
    test_body,
    outcome,
    failure,
    outbox_title: "Outbox",
    outbox_intro: "Every message is recorded here before it is sent. A temporary failure is \
         retried automatically; a final refusal waits for your decision.",
    outbox_empty: "No messages yet.",
    outbox_count,
    col_written: "Written",
    col_to: "Recipients",
    col_subject: "Subject",
    col_status: "Status",
    status_name,
    attempts,
    next_attempt: |at| format!("Next attempt on {}", time(at)),
    sent_at: |at| format!("Sent on {}", time(at)),
    written_at: time,
    copy_label: "Copy to",
    attachments_label: "Attachments",
    size,
    show_message: "Show the message",
    retry: "Send again",
    cancel_message: "Cancel sending",
    refresh: "Refresh",
    message_conflict: "This message has just changed (being sent, or a colleague's decision): the \
         list is up to date, check its status.",
    templates_title: "Email templates",
    templates_intro:
        "The subject and message offered for each kind of email. Fields in braces are \
         replaced by the booking's or document's values; you can always edit the text before \
         sending.",
    purpose_name,
    template_language: "Template language",
    subject: "Subject",
    body: "Message",
    placeholders_title: "Fields to insert",
    placeholders_hint: "Click a field to add it to the message.",
    placeholder_label,
    preview_title: "Preview (example values)",
    default_badge: "Default template",
    customised_badge: "Customised",
    template_saved: "Template saved.",
    reset_template: "Back to the default template",
    template_reset: "The default template is used again.",
    sample,
    default_template,
    compose_title: "Send an email",
    compose_open: "Email the guest",
    compose_template: "Template",
    recipients: "Recipients",
    recipients_hint: "Several addresses: separate them with commas.",
    copy_note,
    no_copy_note: "No copy to the sender (see Settings › Email).",
    send: "Send",
    close: "Close",
    no_guest_email: "The guest has no email address: type one.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_template_uses_only_its_purposes_placeholders() {
        for purpose in TemplatePurpose::ALL {
            assert_eq!(
                default_template(purpose).validate(purpose).map(|_| ()),
                Ok(()),
                "{purpose:?}"
            );
        }
    }
}
