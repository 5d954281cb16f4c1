//! The bytes under a reader: counted for progress, gunzipped when they start with the gzip
//! magic bytes, checked for being text, without a UTF-8 byte-order mark.

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Read};
use std::rc::Rc;

use flate2::bufread::MultiGzDecoder;

use super::report::ImportError;
use super::{Flow, Progress};

/// Progress is told at least this often (in rows) …
const TICK_ROWS: u64 = 1 << 16;
/// … and this often (in bytes of the caller's input).
const TICK_BYTES: u64 = 1 << 20;
/// How far into the (decompressed) text binary data is looked for.
const SNIFF: usize = 8 * 1024;

/// A [`Progress`] that adds the input's length, known to the caller (a file's size) but not to
/// a reader, which sees only a `BufRead`.
pub struct WithTotal<'p> {
    pub progress: &'p mut dyn Progress,
    pub total: u64,
}

impl Progress for WithTotal<'_> {
    fn advance(&mut self, done: u64, total: Option<u64>, rows: u64) -> Flow {
        self.progress
            .advance(done, total.or(Some(self.total)), rows)
    }
}

/// The caller's input with a count of the bytes taken from it.
struct Counted<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: BufRead> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.count.set(self.count.get() + amt as u64);
        self.inner.consume(amt);
    }
}

/// Text to parse: decompressed if need be, BOM removed, known not to be binary at its start.
pub(crate) struct Source<'r> {
    pub reader: Box<dyn BufRead + 'r>,
    /// Bytes taken from the caller's input so far (compressed bytes for gzip).
    pub consumed: Rc<Cell<u64>>,
    pub gzip: bool,
}

impl<'r> Source<'r> {
    pub fn open(input: impl BufRead + 'r) -> Result<Source<'r>, ImportError> {
        let consumed = Rc::new(Cell::new(0));
        let mut counted = Counted {
            inner: input,
            count: consumed.clone(),
        };
        let gzip = counted.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let reader: Box<dyn BufRead + 'r> = if gzip {
            Box::new(BufReader::with_capacity(
                256 * 1024,
                MultiGzDecoder::new(counted),
            ))
        } else {
            Box::new(counted)
        };
        let mut source = Source {
            reader,
            consumed,
            gzip,
        };
        source.check_text()?;
        Ok(source)
    }

    /// Refuses UTF-16 and UTF-32 (by their byte-order marks) and binary data (a NUL byte in the
    /// first 8 KiB); skips a UTF-8 byte-order mark.
    fn check_text(&mut self) -> Result<(), ImportError> {
        let head = match self.reader.fill_buf() {
            Ok(head) => head,
            Err(e) => return Err(self.error(e)),
        };
        if head.starts_with(&[0xff, 0xfe, 0, 0]) || head.starts_with(&[0, 0, 0xfe, 0xff]) {
            return Err(ImportError::Encoding { encoding: "UTF-32" });
        }
        if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
            return Err(ImportError::Encoding { encoding: "UTF-16" });
        }
        if let Some(at) = memchr::memchr(0, &head[..head.len().min(SNIFF)]) {
            return Err(ImportError::NotText { offset: at as u64 });
        }
        if head.starts_with(b"\xef\xbb\xbf") {
            self.reader.consume(3);
        }
        Ok(())
    }

    /// An I/O error while reading: a damaged gzip stream is told apart from the caller's
    /// input failing.
    pub fn error(&self, e: io::Error) -> ImportError {
        Source::classify(self.gzip, self.consumed.get(), e)
    }

    /// [`Source::error`] for a reader that has handed its source on.
    pub fn classify(gzip: bool, consumed: u64, e: io::Error) -> ImportError {
        let damaged = matches!(
            e.kind(),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData | io::ErrorKind::UnexpectedEof
        );
        if gzip && damaged {
            ImportError::Gzip {
                offset: consumed,
                reason: e.to_string(),
            }
        } else {
            ImportError::Io(e)
        }
    }
}

/// Tells [`Progress`] every 64 Ki rows or 1 MiB of input, and turns a cancel into an error.
pub(crate) struct Ticker<'p> {
    progress: &'p mut dyn Progress,
    consumed: Rc<Cell<u64>>,
    next_rows: u64,
    next_bytes: u64,
}

impl<'p> Ticker<'p> {
    pub fn new(progress: &'p mut dyn Progress, consumed: Rc<Cell<u64>>) -> Ticker<'p> {
        Ticker {
            progress,
            consumed,
            next_rows: TICK_ROWS,
            next_bytes: TICK_BYTES,
        }
    }

    #[inline]
    pub fn tick(&mut self, rows: u64) -> Result<(), ImportError> {
        if rows >= self.next_rows || self.consumed.get() >= self.next_bytes {
            self.tell(rows)
        } else {
            Ok(())
        }
    }

    #[cold]
    pub fn tell(&mut self, rows: u64) -> Result<(), ImportError> {
        let done = self.consumed.get();
        self.next_rows = rows + TICK_ROWS;
        self.next_bytes = done + TICK_BYTES;
        match self.progress.advance(done, None, rows) {
            Flow::Continue => Ok(()),
            Flow::Cancel => Err(ImportError::Cancelled { rows }),
        }
    }
}
