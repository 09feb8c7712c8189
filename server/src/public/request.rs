//! A guest's booking request: the home must be listed, the stay priced by the engine and accepted
//! by the home's rules, the home's platform feeds re-read first (an Airbnb stay booked a minute ago
//! must win), then the booking is written only if every night is still free — checked inside the
//! writing transaction. The guest and the managers are emailed through the outbox.

use super::PublicDesk;
use crate::db::public::sites::Site;
use crate::db::rows::parse_id;
use crate::db::{internal, on_db};
use app::domain::booking::{BookingInput, BookingQuotes, CustomerInput, GroupInput, Origin};
use app::domain::ids::{BookingId, FeedId};
use app::domain::mail::{OutgoingMessage, Recipients, TemplatePurpose};
use app::domain::money::Money;
use app::domain::pricing::{quote, Quote, Refusal};
use app::domain::public::BookingRequest;
use app::i18n::public::RequestNotice;
use app::i18n::{texts, Lang};
use app::ports::{PortError, PortResult};
use chrono::{DateTime, Utc};
use std::time::Duration;

/// The most a request waits for the home's platform feeds to be read again.
const FEEDS_WAIT: Duration = Duration::from_secs(8);

/// A request that was written.
#[derive(Clone, Debug)]
pub struct Booked {
    /// The new booking.
    pub booking: BookingId,
    /// Confirmed at once (instant booking) rather than waiting for the owner.
    pub instant: bool,
    /// What it costs.
    pub quote: Quote,
}

/// Why a request was not written.
#[derive(Debug)]
pub enum RequestRefusal {
    /// The home is not (or no longer) listed.
    UnknownHome,
    /// A night is taken.
    Taken,
    /// The home's rules refuse the stay.
    Rules(Vec<Refusal>),
    /// The storage failed.
    Port(PortError),
}

impl From<PortError> for RequestRefusal {
    fn from(error: PortError) -> Self {
        RequestRefusal::Port(error)
    }
}

impl PublicDesk {
    /// Writes `request` on `site` for a guest reading in `lang`, at `now`.
    pub async fn request(
        &self,
        site: &Site,
        request: &BookingRequest,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<Booked, RequestRefusal> {
        let catalogue = self.catalogue(site).await?;
        let index = catalogue
            .index_of(request.property)
            .ok_or(RequestRefusal::UnknownHome)?;
        let home = &catalogue.homes[index];
        let priced = quote(
            &catalogue.priced[index],
            &catalogue.settings,
            &request.search.request(),
        )
        .map_err(|error| RequestRefusal::Port(internal(format!("{error:?}"))))?;
        if !priced.refusals.is_empty() {
            return Err(RequestRefusal::Rules(priced.refusals));
        }
        self.read_feeds_again(site, request).await;
        let statuses = self.services.bookings.statuses(site.organisation).await?;
        let (status, instant) = site
            .settings
            .status_for(home.id, &statuses)
            .ok_or_else(|| internal("an organisation without statuses"))?;
        let input = BookingInput {
            property: home.id,
            request: request.search.request(),
            options: Vec::new(),
            status,
            customer: Some(CustomerInput {
                id: None,
                name: request.name.clone(),
                address: String::new(),
                emails: request.email.as_str().to_owned(),
                phones: request.phone.clone(),
            }),
            deposit: Money::ZERO,
            origin: Origin::Website,
            notes: request.message.clone(),
            provider_notes: String::new(),
            contract_message: String::new(),
            force: false,
            group: GroupInput::default(),
        };
        let quotes = BookingQuotes {
            main: priced.clone(),
            members: Vec::new(),
        };
        let saved = match self
            .services
            .bookings
            .create_if_free(site.organisation, &input, &quotes, now)
            .await
        {
            Ok(saved) => saved,
            Err(PortError::Conflict) => return Err(RequestRefusal::Taken),
            Err(error) => return Err(error.into()),
        };
        let status_name = statuses
            .iter()
            .find(|s| s.id == status)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let notice = RequestNotice {
            property: home.name.clone(),
            stay: request.search.stay,
            guests: (request.search.guests.adults, request.search.guests.children),
            guest: (
                request.name.clone(),
                request.email.as_str().to_owned(),
                request.phone.clone(),
            ),
            message: request.message.clone(),
            total: priced.totals.total,
            status: status_name,
            instant,
        };
        if let Err(error) = self.tell(site, &notice, lang, now).await {
            // The booking stands; the outbox shows what could not be written.
            tracing::error!(%error, "public request: emails");
        }
        Ok(Booked {
            booking: saved.id,
            instant,
            quote: priced,
        })
    }

    /// Polls the home's feeds once more, within [`FEEDS_WAIT`]; a feed that fails keeps its last
    /// state (its error is on the sync page).
    async fn read_feeds_again(&self, site: &Site, request: &BookingRequest) {
        let feeds: Result<Vec<String>, _> = on_db!(&self.db, pool => sqlx::query_scalar(
            "SELECT id FROM sync_feeds WHERE organisation_id = $1 AND property_id = $2")
            .bind(site.organisation.to_string())
            .bind(request.property.to_string())
            .fetch_all(pool)
            .await);
        let feeds = match feeds {
            Ok(feeds) => feeds,
            Err(error) => {
                tracing::warn!(%error, "public request: feeds of the home");
                return;
            }
        };
        let all = async {
            for feed in feeds.iter().filter_map(|id| parse_id::<FeedId>(id).ok()) {
                if let Err(error) = self.poller.poll(site.organisation, feed).await {
                    tracing::warn!(%error, "public request: a feed of the home");
                }
            }
        };
        if tokio::time::timeout(FEEDS_WAIT, all).await.is_err() {
            tracing::warn!(
                "public request: feeds still being read, going on with their last state"
            );
        }
    }

    /// Emails the guest (the organisation's template for a request received or a booking
    /// confirmed, in the guest's language) and the managers.
    async fn tell(
        &self,
        site: &Site,
        notice: &RequestNotice,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> PortResult<()> {
        let mail = &self.services.mail;
        let purpose = if notice.instant {
            TemplatePurpose::BookingConfirmed
        } else {
            TemplatePurpose::BookingRequestReceived
        };
        let own = mail.templates(site.organisation, lang).await?;
        let template = own
            .into_iter()
            .find(|(p, _)| *p == purpose)
            .map(|(_, stored)| stored.template)
            .unwrap_or_else(|| (texts(lang).mail.default_template)(purpose));
        let amount = texts(lang).money(notice.total);
        let filled = template.render(&|placeholder| {
            use app::domain::mail::Placeholder;
            match placeholder {
                Placeholder::Guest => notice.guest.0.clone(),
                Placeholder::Property => notice.property.clone(),
                Placeholder::Arrival => notice.stay.arrival().format("%d/%m/%Y").to_string(),
                Placeholder::Departure => notice.stay.departure().format("%d/%m/%Y").to_string(),
                Placeholder::Nights => notice.stay.nights().to_string(),
                Placeholder::Amount => amount.clone(),
                Placeholder::Organisation => site.organisation_name.clone(),
                Placeholder::Number
                | Placeholder::Link
                | Placeholder::Owner
                | Placeholder::Period => String::new(),
            }
        });
        if let Ok(recipients) = Recipients::parse(&notice.guest.1) {
            mail.enqueue(
                site.organisation,
                OutgoingMessage {
                    purpose: Some(purpose),
                    recipients,
                    subject: filled.subject,
                    body: filled.body,
                    attachments: Vec::new(),
                },
                now,
            )
            .await?;
        }
        if let Some(managers) =
            crate::mail::recipients::managers(&self.db, site.organisation).await?
        {
            let words = texts(Lang::Fr).public;
            mail.enqueue(
                site.organisation,
                OutgoingMessage {
                    purpose: None,
                    recipients: managers,
                    subject: (words.notice_subject)(notice),
                    body: (words.notice_body)(notice),
                    attachments: Vec::new(),
                },
                now,
            )
            .await?;
        }
        Ok(())
    }
}
