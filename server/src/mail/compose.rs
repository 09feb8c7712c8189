//! Builds the MIME message of a claimed outbox message with lettre: plain text in UTF-8, the files
//! attached, the fixed `Message-ID`, and the sender's copy as a blind copy (the guest does not see
//! it; seed 004: "l'original pour le client, vous en copie").

use crate::db::mail::outbox::Claimed;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::Message;

/// `address` with `name` shown, when there is one.
fn mailbox(name: &str, address: &str) -> Result<Mailbox, String> {
    let address = address
        .parse()
        .map_err(|e| format!("adresse « {address} » : {e}"))?;
    let name = Some(name.trim().to_string()).filter(|n| !n.is_empty());
    Ok(Mailbox::new(name, address))
}

/// The message to hand to the SMTP server, from `sender`.
pub fn compose(claimed: &Claimed, sender: &str) -> Result<Message, String> {
    let mut builder = Message::builder()
        .from(mailbox(&claimed.sender_name, sender)?)
        .subject(claimed.subject.clone())
        .message_id(Some(claimed.message_id_header.clone()));
    for recipient in claimed
        .recipients
        .split(',')
        .map(str::trim)
        .filter(|r| !r.is_empty())
    {
        builder = builder.to(mailbox("", recipient)?);
    }
    if let Some(reply_to) = &claimed.reply_to {
        builder = builder.reply_to(mailbox("", reply_to)?);
    }
    if let Some(copy) = &claimed.copy_to {
        builder = builder.bcc(mailbox("", copy)?);
    }
    let text = SinglePart::plain(claimed.body.clone());
    let message = if claimed.attachments.is_empty() {
        builder.singlepart(text)
    } else {
        let mut parts = MultiPart::mixed().singlepart(text);
        for file in &claimed.attachments {
            let content_type = ContentType::parse(&file.content_type)
                .map_err(|e| format!("type « {} » : {e}", file.content_type))?;
            parts = parts.singlepart(
                Attachment::new(file.name.clone()).body(file.content.clone(), content_type),
            );
        }
        builder.multipart(parts)
    };
    message.map_err(|e| e.to_string())
}
