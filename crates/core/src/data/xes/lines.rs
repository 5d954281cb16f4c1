//! The text under the XES reader, with line and column numbers for messages.

use std::io::{self, BufRead, Read};

/// One XML event (a tag with its attributes, a text, a comment) longer than this stops the
/// read: memory stays bounded (quick-xml gathers an event in one buffer).
pub const MAX_EVENT_BYTES: u64 = 16 << 20;

/// The text, buffered, with a mark whose line and column (in bytes, from 1) it can tell.
/// quick-xml consumes exactly up to the end of each event, so a mark set before an event is
/// where the event starts. Lines are counted in whole buffers (and up to a mark when asked),
/// not at each event.
pub struct Lines<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
    /// Offset of `buf[0]` in the text.
    start: u64,
    /// Newlines are counted in `buf[..counted]`: `line` and `line_start` hold there.
    counted: usize,
    line: u64,
    line_start: u64,
    mark: u64,
    /// The mark's line and column, once counted.
    at_mark: Option<(u64, u64)>,
    /// The event begun at the mark went past [`MAX_EVENT_BYTES`].
    pub too_long: bool,
}

impl<R: Read> Lines<R> {
    pub fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            buf: vec![0; 256 * 1024].into_boxed_slice(),
            pos: 0,
            filled: 0,
            start: 0,
            counted: 0,
            line: 1,
            line_start: 0,
            mark: 0,
            at_mark: Some((1, 1)),
            too_long: false,
        }
    }

    /// Sets the mark at the next byte to be read.
    pub fn set_mark(&mut self) {
        self.mark = self.start + self.pos as u64;
        self.at_mark = None;
    }

    /// The line and column of the mark.
    pub fn marked(&mut self) -> (u64, u64) {
        if let Some(at) = self.at_mark {
            return at;
        }
        self.count_to((self.mark - self.start) as usize);
        let at = (self.line, self.mark - self.line_start + 1);
        self.at_mark = Some(at);
        at
    }

    /// The line and column of the next byte to be read.
    pub fn here(&mut self) -> (u64, u64) {
        self.set_mark();
        self.marked()
    }

    fn count_to(&mut self, end: usize) {
        if end <= self.counted {
            return;
        }
        let chunk = &self.buf[self.counted..end];
        if let Some(last) = memchr::memrchr(b'\n', chunk) {
            self.line += memchr::memchr_iter(b'\n', chunk).count() as u64;
            self.line_start = self.start + (self.counted + last) as u64 + 1;
        }
        self.counted = end;
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            if self.at_mark.is_none() {
                self.marked();
            }
            self.count_to(self.filled);
            self.start += self.filled as u64;
            if self.start - self.mark > MAX_EVENT_BYTES {
                self.too_long = true;
                return Err(io::Error::other("an XML element longer than 16 MiB"));
            }
            self.filled = self.inner.read(&mut self.buf)?;
            (self.pos, self.counted) = (0, 0);
        }
        Ok(&self.buf[self.pos..self.filled])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.filled);
    }
}
