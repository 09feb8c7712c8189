//! Email screens: "Paramètres › Messagerie" (server, sender, test), "Paramètres › Modèles d'email"
//! (subjects and messages with live preview), "Envois" (the outbox), and the compose dialog other
//! screens open.

pub mod compose;
mod outbox;
mod outcome;
mod settings;
mod templates;

pub use outbox::OutboxPage;
pub use settings::MailSettingsPage;
pub use templates::MailTemplatesPage;
