//! How money is stored exactly: integer cents on SQLite, NUMERIC(12,2) on PostgreSQL.

use app::domain::money::Money;
use rust_decimal::Decimal;
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgTypeInfo, PgValueRef};
use sqlx::sqlite::{SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Postgres, Sqlite, Type};

/// A [`Money`] amount as a database column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredMoney(pub Money);

impl Type<Sqlite> for StoredMoney {
    fn type_info() -> SqliteTypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }
    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <i64 as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for StoredMoney {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<'q, Sqlite>>::encode(self.0.cents(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for StoredMoney {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(StoredMoney(Money::from_cents(<i64 as Decode<
            'r,
            Sqlite,
        >>::decode(value)?)))
    }
}

impl Type<Postgres> for StoredMoney {
    fn type_info() -> PgTypeInfo {
        <Decimal as Type<Postgres>>::type_info()
    }
    fn compatible(ty: &PgTypeInfo) -> bool {
        <Decimal as Type<Postgres>>::compatible(ty)
    }
}

impl Encode<'_, Postgres> for StoredMoney {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <Decimal as Encode<'_, Postgres>>::encode(self.0.amount(), buf)
    }
}

impl<'r> Decode<'r, Postgres> for StoredMoney {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        let amount = <Decimal as Decode<'r, Postgres>>::decode(value)?;
        Money::from_decimal(amount)
            .map(StoredMoney)
            .ok_or_else(|| format!("stored amount {amount} has more than two decimals").into())
    }
}
