//! Timestamps as files write them, to milliseconds since the Unix epoch (UTC), by hand: one
//! pass over the bytes, no allocation, no format strings (this runs once per row).
//!
//! Forms (docs/import.md has the full table):
//! - a date `yyyy-mm-dd` (also `/` or `.` between the parts), or `dd/mm/yyyy` or `mm/dd/yyyy`
//!   (also `.` or `-`), with one- or two-digit day and month;
//! - optionally a time after `T` or spaces: `hh:mm`, `hh:mm:ss`, `hh:mm:ss.fff…` (`,` also
//!   starts the fraction; digits beyond milliseconds are dropped), an optional `AM`/`PM`;
//! - optionally a zone: `Z`, `UTC`, `GMT`, `±hh:mm`, `±hhmm` or `±hh`, with or without a space
//!   before it. Without a zone a time is taken as UTC (the core knows no local time zone).

use std::fmt;

use super::DateOrder;

/// Why a text is not a timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampError {
    /// Not one of the forms, or not a real date or time (`31/02/2026`, `25:00`).
    NotADate,
    /// `dd/mm/yyyy` and `mm/dd/yyyy` both read it, as different dates, and the order is
    /// [`DateOrder::Auto`].
    Ambiguous,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimestampError::NotADate => "not a date",
            TimestampError::Ambiguous => "could be day-first or month-first",
        })
    }
}

impl std::error::Error for TimestampError {}

/// Reads a timestamp (surrounding spaces allowed) as milliseconds since the Unix epoch, UTC.
///
/// ```
/// use corridor_core::data::{timestamp::parse_timestamp, DateOrder};
/// assert_eq!(parse_timestamp("1970-01-02T01:00:00+01:00", DateOrder::Auto), Ok(86_400_000));
/// assert_eq!(parse_timestamp("02/01/1970", DateOrder::DayFirst), Ok(86_400_000));
/// ```
pub fn parse_timestamp(text: &str, order: DateOrder) -> Result<i64, TimestampError> {
    parse(text.as_bytes(), order)
}

/// [`parse_timestamp`] over bytes (leading and trailing ASCII spaces and tabs are ignored).
#[inline]
pub(crate) fn parse(text: &[u8], order: DateOrder) -> Result<i64, TimestampError> {
    parse_with(text, order, &mut DayCache::default())
}

/// The last ISO date read and its day number: rows of a log often share their date.
#[derive(Default)]
pub(crate) struct DayCache {
    date: [u8; 10],
    days: i64,
}

/// [`parse`], remembering the last ISO date in `cache`.
#[inline]
pub(crate) fn parse_with(
    text: &[u8],
    order: DateOrder,
    cache: &mut DayCache,
) -> Result<i64, TimestampError> {
    match iso(text, cache) {
        Some(ms) => Ok(ms),
        None => general(text, order),
    }
}

/// The common forms, by position: `yyyy-mm-dd`, and `yyyy-mm-ddThh:mm:ss` (or with a space)
/// followed by nothing, `Z`, or `.fff` and then nothing, `Z` or `±hh:mm`. `None` for anything
/// else, including dates that do not exist (the general parser then says why).
#[inline]
fn iso(b: &[u8], cache: &mut DayCache) -> Option<i64> {
    let d = |i: usize| -> Option<u32> {
        let x = b.get(i)?.wrapping_sub(b'0');
        (x < 10).then_some(u32::from(x))
    };
    let two = |i: usize| Some(d(i)? * 10 + d(i + 1)?);
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let days = if b[..10] == cache.date {
        cache.days
    } else {
        let year = two(0)? * 100 + two(2)?;
        let (month, day) = (two(5)?, two(8)?);
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let days = days_from_civil(i64::from(year), month, day);
        cache.date.copy_from_slice(&b[..10]);
        cache.days = days;
        days
    };
    if b.len() == 10 {
        return Some(days * 86_400_000);
    }
    if b.len() < 19 || !matches!(b[10], b'T' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let mut ms = (days * 86_400 + i64::from(hour * 3600 + minute * 60 + second)) * 1000;
    let mut rest = &b[19..];
    if let [b'.', frac @ ..] = rest {
        let digits = frac.iter().take_while(|x| x.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        let mut millis = 0;
        for i in 0..3 {
            millis = millis * 10
                + frac
                    .get(i)
                    .filter(|_| i < digits)
                    .map_or(0, |x| i64::from(x - b'0'));
        }
        ms += millis;
        rest = &frac[digits..];
    }
    match rest {
        [] | [b'Z'] => Some(ms),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digit = |x: &u8| x.is_ascii_digit().then(|| i64::from(x - b'0'));
            let (h, m) = (digit(h1)? * 10 + digit(h2)?, digit(m1)? * 10 + digit(m2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let offset = (h * 60 + m) * 60_000;
            Some(if *sign == b'+' {
                ms - offset
            } else {
                ms + offset
            })
        }
        _ => None,
    }
}

fn general(text: &[u8], order: DateOrder) -> Result<i64, TimestampError> {
    let mut c = Cursor {
        b: trim(text),
        i: 0,
    };
    let (year, month, day) = date(&mut c, order)?;
    let (mut hour, mut minute, mut second, mut millis, mut offset) = (0, 0, 0, 0, 0);
    if !c.done() {
        match c.peek() {
            b'T' | b't' => c.i += 1,
            b' ' => c.skip_spaces(),
            _ => return Err(TimestampError::NotADate),
        }
        hour = c.number(1, 2)?;
        c.expect(b':')?;
        minute = c.number(2, 2)?;
        if c.eat(b':') {
            second = c.number(2, 2)?;
            if c.eat(b'.') || c.eat(b',') {
                millis = c.fraction()?;
            }
        }
        c.skip_spaces();
        if let Some(pm) = c.am_pm() {
            if !(1..=12).contains(&hour) {
                return Err(TimestampError::NotADate);
            }
            hour = hour % 12 + if pm { 12 } else { 0 };
            c.skip_spaces();
        }
        offset = c.zone()?;
        if !c.done() {
            return Err(TimestampError::NotADate);
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(TimestampError::NotADate);
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset;
    Ok(seconds * 1000 + i64::from(millis))
}

/// What a date says about the order of day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown {
    /// A real date in this order only (`13/01/2026` is day-first).
    Order(DateOrder),
    /// A real date in either order, and a different one in each (`01/02/2026`).
    Either,
    /// Nothing: another form, the same date both ways (`05/05/2026`), or no real date.
    Nothing,
}

/// What `text` says about the order of day and month.
pub(crate) fn order_shown(text: &[u8]) -> Shown {
    let Some((a, b)) = day_month_fields(text) else {
        return Shown::Nothing;
    };
    let real = |order| parse(text, order).is_ok();
    match (a <= 12, b <= 12) {
        (true, true) if a != b && real(DateOrder::DayFirst) => Shown::Either,
        (false, true) if real(DateOrder::DayFirst) => Shown::Order(DateOrder::DayFirst),
        (true, false) if real(DateOrder::MonthFirst) => Shown::Order(DateOrder::MonthFirst),
        _ => Shown::Nothing,
    }
}

/// The two leading numbers of a `nn/nn/yyyy` date (also with `.` or `-`), for telling the date
/// order from the data; `None` for any other form.
fn day_month_fields(text: &[u8]) -> Option<(u32, u32)> {
    let text = trim(text);
    let sep = |b: Option<&u8>| matches!(b, Some(b'/' | b'.' | b'-'));
    if !sep(text.get(1)) && !sep(text.get(2)) {
        return None;
    }
    let mut c = Cursor { b: text, i: 0 };
    let start = c.i;
    let a = c.number(1, 2).ok()?;
    if c.i - start > 2 {
        return None;
    }
    let sep = c.next_byte()?;
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let b = c.number(1, 2).ok()?;
    c.expect(sep).ok()?;
    let year_start = c.i;
    c.number(4, 4).ok()?;
    (c.i - year_start == 4).then_some((a, b))
}

/// Whether a text reads as a timestamp in some date order (for header and column detection).
pub(crate) fn looks_like_timestamp(text: &[u8]) -> bool {
    matches!(
        parse(text, DateOrder::Auto),
        Ok(_) | Err(TimestampError::Ambiguous)
    )
}

fn date(c: &mut Cursor<'_>, order: DateOrder) -> Result<(i64, u32, u32), TimestampError> {
    let start = c.i;
    let first = c.number(1, 4)?;
    let width = c.i - start;
    let sep = c.next_byte().ok_or(TimestampError::NotADate)?;
    let (year, month, day) = if width == 4 {
        if !matches!(sep, b'-' | b'/' | b'.') {
            return Err(TimestampError::NotADate);
        }
        let month = c.number(1, 2)?;
        c.expect(sep)?;
        (first, month, c.number(1, 2)?)
    } else if width <= 2 && matches!(sep, b'/' | b'.' | b'-') {
        let second = c.number(1, 2)?;
        c.expect(sep)?;
        let year_start = c.i;
        let year = c.number(4, 4)?;
        if c.i - year_start != 4 {
            return Err(TimestampError::NotADate);
        }
        let day_first = match order {
            DateOrder::DayFirst => true,
            DateOrder::MonthFirst => false,
            DateOrder::Auto if first == second || second > 12 => false,
            DateOrder::Auto if first > 12 => true,
            DateOrder::Auto => return Err(TimestampError::Ambiguous),
        };
        if day_first {
            (year, second, first)
        } else {
            (year, first, second)
        }
    } else {
        return Err(TimestampError::NotADate);
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return Err(TimestampError::NotADate);
    }
    Ok((i64::from(year), month, day))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|&x| x != b' ' && x != b'\t')
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|&x| x != b' ' && x != b'\t')
        .map_or(start, |e| e + 1);
    &b[start..end]
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }

    fn next_byte(&mut self) -> Option<u8> {
        let b = self.b.get(self.i).copied();
        self.i += 1;
        b
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == byte;
        self.i += usize::from(hit);
        hit
    }

    fn expect(&mut self, byte: u8) -> Result<(), TimestampError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(TimestampError::NotADate)
        }
    }

    fn skip_spaces(&mut self) {
        while self.peek() == b' ' {
            self.i += 1;
        }
    }

    /// `min..=max` ASCII digits as a number.
    fn number(&mut self, min: usize, max: usize) -> Result<u32, TimestampError> {
        let mut value = 0u32;
        let start = self.i;
        while self.i - start < max && self.peek().is_ascii_digit() {
            value = value * 10 + u32::from(self.peek() - b'0');
            self.i += 1;
        }
        if self.i - start < min || self.peek().is_ascii_digit() {
            return Err(TimestampError::NotADate);
        }
        Ok(value)
    }

    /// Exactly two ASCII digits, whatever follows.
    fn two_digits(&mut self) -> Result<u32, TimestampError> {
        match self.b.get(self.i..self.i + 2) {
            Some([a, b]) if a.is_ascii_digit() && b.is_ascii_digit() => {
                self.i += 2;
                Ok(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
            }
            _ => Err(TimestampError::NotADate),
        }
    }

    /// A decimal fraction of a second as milliseconds (further digits dropped).
    fn fraction(&mut self) -> Result<u32, TimestampError> {
        let start = self.i;
        let mut millis = 0;
        while self.peek().is_ascii_digit() {
            if self.i - start < 3 {
                millis = millis * 10 + u32::from(self.peek() - b'0');
            }
            self.i += 1;
        }
        match self.i - start {
            0 => Err(TimestampError::NotADate),
            1 => Ok(millis * 100),
            2 => Ok(millis * 10),
            _ => Ok(millis),
        }
    }

    /// `AM` or `PM` (any case): `Some(true)` for PM.
    fn am_pm(&mut self) -> Option<bool> {
        let rest = &self.b[self.i.min(self.b.len())..];
        if rest.len() < 2 || !rest[1].eq_ignore_ascii_case(&b'm') {
            return None;
        }
        let pm = match rest[0].to_ascii_lowercase() {
            b'a' => false,
            b'p' => true,
            _ => return None,
        };
        self.i += 2;
        Some(pm)
    }

    /// A zone designator (or none) as seconds east of UTC.
    fn zone(&mut self) -> Result<i64, TimestampError> {
        let rest = &self.b[self.i.min(self.b.len())..];
        if rest.is_empty() {
            return Ok(0);
        }
        if rest[0] == b'Z' || rest[0] == b'z' {
            self.i += 1;
            return Ok(0);
        }
        if rest.len() >= 3
            && (rest[..3].eq_ignore_ascii_case(b"UTC") || rest[..3].eq_ignore_ascii_case(b"GMT"))
        {
            self.i += 3;
            if self.done() {
                return Ok(0);
            }
        }
        let sign = match self.next_byte() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Err(TimestampError::NotADate),
        };
        let hours = self.two_digits()?;
        let minutes = if self.done() {
            0
        } else {
            self.eat(b':');
            self.two_digits()?
        };
        if hours > 23 || minutes > 59 {
            return Err(TimestampError::NotADate);
        }
        Ok(sign * i64::from(hours * 3600 + minutes * 60))
    }
}
