//! In-memory rate limits (governor's GCRA), used for login attempts.

use app::ports::Throttle;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;

/// A keyed limit of `n` attempts per minute per key.
pub struct PerMinute {
    limiter: DefaultKeyedRateLimiter<String>,
}

impl PerMinute {
    /// Allows `per_minute` attempts per key (at least one), refilled evenly over the minute.
    pub fn new(per_minute: u32) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN));
        PerMinute {
            limiter: RateLimiter::keyed(quota),
        }
    }
}

impl Throttle for PerMinute {
    fn allow(&self, key: &str) -> bool {
        if self.limiter.len() > 100_000 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&key.to_string()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_stopped_after_its_quota_and_others_are_not() {
        let limit = PerMinute::new(3);
        assert!((0..3).all(|_| limit.allow("ip:1")));
        assert!(!limit.allow("ip:1"));
        assert!(limit.allow("ip:2"));
    }
}
