//! CSV records, one at a time, in reused buffers of bounded size (`csv-core` does the
//! parsing: RFC 4180 quoting, `""` inside quotes, CR, LF or CRLF line ends).

use std::io::{self, BufRead};

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// A record longer than this (its unquoted bytes) is skipped as a bad row.
pub const MAX_RECORD_BYTES: usize = 1 << 20;
/// A record with more fields than this is skipped as a bad row.
pub const MAX_FIELDS: usize = 1 << 14;

/// One record: its first line and its fields, borrowed.
#[derive(Clone, Copy)]
pub struct Record<'a> {
    pub line: u64,
    data: &'a [u8],
    ends: &'a [usize],
    /// The whole record as text, when it is valid UTF-8 (checked once, not field by field).
    text: Option<&'a str>,
}

impl<'a> Record<'a> {
    pub fn new(line: u64, data: &'a [u8], ends: &'a [usize]) -> Record<'a> {
        let text = std::str::from_utf8(data).ok();
        Record {
            line,
            data,
            ends,
            text,
        }
    }

    /// Field `i` as text (`None` if the record has no such field), or the offset of its first
    /// byte that is not UTF-8.
    pub fn text(&self, i: usize) -> Option<Result<&'a str, usize>> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        // A field of a valid record is valid unless it splits a character.
        Some(match self.text.and_then(|t| t.get(start..end)) {
            Some(text) => Ok(text),
            None => std::str::from_utf8(&self.data[start..end]).map_err(|e| e.valid_up_to()),
        })
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        Some(&self.data[start..end])
    }

    /// Whether every field is empty or blank (a line like `,,,`): such rows are not counted.
    pub fn is_blank(&self) -> bool {
        self.data.iter().all(|b| b.is_ascii_whitespace())
    }

    pub fn data(&self) -> &'a [u8] {
        self.data
    }

    pub fn ends(&self) -> &'a [usize] {
        self.ends
    }
}

/// What [`Records::next`] found.
pub enum Next {
    Record,
    /// A record longer than [`MAX_RECORD_BYTES`] or with more than [`MAX_FIELDS`] fields, read
    /// past and dropped; it started at this line.
    TooLong {
        line: u64,
    },
    End,
}

pub struct Records<R> {
    src: R,
    core: Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
    fields: usize,
    line: u64,
    /// The last record ended at a CR (alone, or the first half of CRLF).
    after_cr: bool,
}

impl<R: BufRead> Records<R> {
    pub fn new(src: R, delimiter: u8) -> Records<R> {
        Records {
            src,
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 4096],
            ends: vec![0; 64],
            len: 0,
            fields: 0,
            line: 0,
            after_cr: false,
        }
    }

    /// The record [`next`](Self::next) last found.
    pub fn record(&self) -> Record<'_> {
        Record::new(self.line, &self.out[..self.len], &self.ends[..self.fields])
    }

    /// Reads the next record (blank lines are skipped).
    pub fn next(&mut self) -> io::Result<Next> {
        self.skip_line_ends()?;
        self.line = self.core.line();
        let (mut len, mut fields) = (0, 0);
        let mut too_long = false;
        loop {
            let input = self.src.fill_buf()?;
            let (res, nin, nout, nend) =
                self.core
                    .read_record(input, &mut self.out[len..], &mut self.ends[fields..]);
            self.after_cr = nin > 0 && input[nin - 1] == b'\r';
            self.src.consume(nin);
            len += nout;
            fields += nend;
            match res {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => {
                    if self.out.len() < MAX_RECORD_BYTES {
                        let grown = (self.out.len() * 2).min(MAX_RECORD_BYTES);
                        self.out.resize(grown, 0);
                    } else {
                        // Read on into the same buffer, keeping nothing.
                        (too_long, len, fields) = (true, 0, 0);
                    }
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() < MAX_FIELDS {
                        let grown = (self.ends.len() * 2).min(MAX_FIELDS);
                        self.ends.resize(grown, 0);
                    } else {
                        (too_long, len, fields) = (true, 0, 0);
                    }
                }
                ReadRecordResult::Record if too_long => {
                    (self.len, self.fields) = (0, 0);
                    return Ok(Next::TooLong { line: self.line });
                }
                ReadRecordResult::Record => {
                    (self.len, self.fields) = (len, fields);
                    return Ok(Next::Record);
                }
                ReadRecordResult::End => return Ok(Next::End),
            }
        }
    }

    /// Consumes the line ends before a record, counting lines (LF, CRLF, and a CR alone each
    /// end one), so that a record's line is the line it starts on: `csv-core` counts LF only,
    /// and would count these into the next record.
    fn skip_line_ends(&mut self) -> io::Result<()> {
        let mut cr = std::mem::take(&mut self.after_cr);
        let mut lines = 0;
        loop {
            let input = self.src.fill_buf()?;
            let mut n = 0;
            for &b in input {
                match b {
                    b'\n' => (lines, cr) = (lines + 1, false),
                    // The CR before this one stood alone.
                    b'\r' => (lines, cr) = (lines + u64::from(cr), true),
                    _ => break,
                }
                n += 1;
            }
            let more = n == input.len() && n > 0;
            self.src.consume(n);
            if !more {
                break;
            }
        }
        self.core.set_line(self.core.line() + lines + u64::from(cr));
        Ok(())
    }
}
