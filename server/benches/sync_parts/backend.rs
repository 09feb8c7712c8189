//! The sync bench's database: an organisation with its sync, on SQLite or PostgreSQL.

use super::*;

// ---------------------------------------------------------------------------------------------
// The database.

/// One database, with an organisation and its sync.
pub(crate) struct Backend {
    pub(crate) db: Db,
    pub(crate) live: Live,
    pub(crate) poller: Poller,
    pub(crate) settings: Settings,
    pub(crate) organisation: OrganisationId,
    pub(crate) stays: StatusId,
    pub(crate) blocks: StatusId,
}

pub(crate) async fn backend(url: &str) -> Backend {
    let db = Db::connect(url, 8)
        .await
        .unwrap_or_else(|e| panic!("{e:#}"));
    let settings = Settings {
        database_url: url.to_string(),
        secret_key: Some(SecretBox::generate().1),
        sync_allow_private_hosts: true,
        ..Settings::default()
    };
    let mail = server::startup::mail_service(&db, &settings).unwrap_or_else(|e| panic!("{e:#}"));
    let live = Live::new(&db);
    // On PostgreSQL the announcements come back through NOTIFY to this listener.
    tokio::spawn(live.clone().listen());
    let poller = server::startup::poller(&db, &settings, &live, mail);
    let mut backend = Backend {
        db,
        live,
        poller,
        settings,
        organisation: OrganisationId(Uuid::nil()),
        stays: StatusId(Uuid::nil()),
        blocks: StatusId(Uuid::nil()),
    };
    backend
        .join_new_organisation("Conciergerie (mesures sync)", "sync@bench.fr")
        .await;
    backend
}

impl Backend {
    /// Creates an organisation and works in it from now on.
    pub(crate) async fn join_new_organisation(&mut self, name: &str, email: &str) {
        let mail = server::startup::mail_service(&self.db, &self.settings)
            .unwrap_or_else(|e| panic!("{e:#}"));
        let services = server::startup::services(&self.db, &self.settings, &self.live, mail);
        let admin = services
            .accounts
            .create_organisation(
                NewOrganisation {
                    organisation_name: name.into(),
                    admin_name: "Mesures".into(),
                    email: Email::parse(email).unwrap_or_else(|e| panic!("{e:?}")),
                    password: "mot de passe de banc".into(),
                },
                Utc::now(),
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        self.organisation = admin.organisation_id;
        self.stays = self.status("AirBnb").await;
        self.blocks = self.status("Indisponible").await;
    }

    pub(crate) async fn status(&self, name: &str) -> StatusId {
        let id: String = server::on_db!(&self.db, pool => sqlx::query_scalar(
            "SELECT id FROM booking_statuses WHERE organisation_id = $1 AND name = $2")
            .bind(self.organisation.to_string())
            .bind(name)
            .fetch_one(pool)
            .await)
        .unwrap_or_else(|e| panic!("status {name}: {e}"));
        id.parse().unwrap_or_else(|e| panic!("status {name}: {e}"))
    }

    pub(crate) async fn property(&self, name: &str) -> PropertyId {
        let id = PropertyId(Uuid::now_v7());
        let now = Utc::now();
        server::on_db!(&self.db, pool => sqlx::query(
            "INSERT INTO properties (id, organisation_id, name, address, capacity, fixed_price, \
                 security_deposit, description, classification, principal_residence, public_listing, \
                 version, created_at, updated_at) \
             VALUES ($1, $2, $3, '1 rue du Lac, 74000 Annecy', 6, $4, $5, '', 'unclassified', FALSE, \
                 FALSE, 1, $6, $6)")
            .bind(id.to_string())
            .bind(self.organisation.to_string())
            .bind(name)
            .bind(StoredMoney(Money::from_cents(12_000)))
            .bind(StoredMoney(Money::from_cents(50_000)))
            .bind(now)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("property: {e}"));
        id
    }

    pub(crate) async fn feed(&self, property: PropertyId, url: &str) -> FeedId {
        let input = FeedInput {
            property,
            platform: Platform::Airbnb,
            url: url.to_owned(),
            status: self.stays,
            block_status: self.blocks,
            interval_minutes: 15,
        };
        feeds::insert(&self.db, self.organisation, &input, Utc::now())
            .await
            .unwrap_or_else(|e| panic!("feed: {e}"))
    }

    pub(crate) async fn poll(&self, feed: FeedId) -> SyncOutcome {
        let outcome = self
            .poller
            .poll(self.organisation, feed)
            .await
            .unwrap_or_else(|e| panic!("poll: {e}"));
        assert_eq!(outcome.problem, None, "{outcome:?}");
        outcome
    }

    pub(crate) async fn delete_feed(&self, feed: FeedId) {
        feeds::delete(&self.db, self.organisation, feed)
            .await
            .unwrap_or_else(|e| panic!("delete feed: {e}"));
    }

    /// Forgets the feed's hash: the next body is read whatever its bytes.
    pub(crate) async fn forget_hash(&self, feed: FeedId) {
        server::on_db!(&self.db, pool => sqlx::query(
            "UPDATE sync_feeds SET content_hash = NULL WHERE id = $1")
            .bind(feed.to_string())
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
        .unwrap_or_else(|e| panic!("forget hash: {e}"));
    }

    /// `count` bookings of `property` from `first` on, back to back or a day apart, paid (not
    /// blocks), without customers.
    pub(crate) async fn bookings(&self, property: PropertyId, first: NaiveDate, count: usize) {
        let mut rng = StdRng::seed_from_u64(11);
        let mut arrival = first;
        let mut stays = Vec::with_capacity(count);
        for _ in 0..count {
            let nights = rng.gen_range(1..=6);
            stays.push((arrival, arrival + Days::days(nights)));
            arrival += Days::days(nights + rng.gen_range(0..=1));
        }
        let now = Utc::now();
        let (org, property, status) = (
            self.organisation.to_string(),
            property.to_string(),
            self.stays.to_string(),
        );
        let inserted: Result<(), sqlx::Error> = server::on_db!(&self.db, pool => async {
            for chunk in stays.chunks(500) {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO bookings (id, organisation_id, property_id, status_id, arrival, \
                         departure, adults, price, notes, version, created_at, updated_at, guest_name) ",
                );
                insert.push_values(chunk, |mut row, (arrival, departure)| {
                    row.push_bind(Uuid::now_v7().to_string())
                        .push_bind(&org)
                        .push_bind(&property)
                        .push_bind(&status)
                        .push_bind(*arrival)
                        .push_bind(*departure)
                        .push_bind(2_i64)
                        .push_bind(StoredMoney(Money::from_cents(45_000)))
                        .push_bind("")
                        .push_bind(1_i64)
                        .push_bind(now)
                        .push_bind(now)
                        .push_bind("Client de mesure");
                });
                insert.build().execute(pool).await?;
            }
            Ok(())
        }.await);
        inserted.unwrap_or_else(|e| panic!("bookings: {e}"));
    }
}
