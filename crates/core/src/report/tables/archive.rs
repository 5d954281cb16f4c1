//! Every table as CSV in one zip file, with a README; the zip writer itself.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Timelike, Utc};

use super::{table_csv, DataTable};
use crate::model::JourneyMap;

/// A short README for the zip: what each file holds.
fn readme(map: &JourneyMap, source: &str, tables: &[DataTable]) -> String {
    let mut out = format!(
        "Gap tables of \"{}\" (Corridor)\r\nObserved data: {}\r\n\r\n\
         One CSV file per table (RFC 4180, UTF-8, comma-separated, CRLF line ends).\r\n\
         Every figure is defined in Corridor's docs/gaps.md; the columns in docs/export.md.\r\n\
         Text that a spreadsheet would read as a formula starts with an added apostrophe.\r\n\r\n",
        map.title, source
    );
    for t in tables {
        let _ = write!(
            out,
            "{}.csv ({} rows): {}\r\n",
            t.name,
            t.rows.len(),
            t.title
        );
    }
    out
}

/// Why the zip of the tables could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the gap tables are too large for a zip file (more than 4 GiB): export one table at a time"
)]
pub struct TooLargeForZip;

/// Every table as CSV, one file per table (`touchpoints.csv`, …) plus `README.txt`, in one zip
/// file (deflated). The files are dated with the map's last change, so the same map and report
/// always give the same bytes.
pub fn tables_zip(
    map: &JourneyMap,
    source: &str,
    tables: &[DataTable],
) -> Result<Vec<u8>, TooLargeForZip> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(tables.len() + 1);
    files.push((
        "README.txt".into(),
        readme(map, source, tables).into_bytes(),
    ));
    for t in tables {
        files.push((format!("{}.csv", t.name), table_csv(t).into_bytes()));
    }
    zip(&files, map.modified)
}

/// MS-DOS date and time (two-second resolution, years 1980 to 2107).
fn dos_time(at: DateTime<Utc>) -> (u16, u16) {
    let year = at.year().clamp(1980, 2107) as u16;
    let time = (at.hour() as u16) << 11 | (at.minute() as u16) << 5 | (at.second() as u16 / 2);
    let date = (year - 1980) << 9 | (at.month() as u16) << 5 | at.day() as u16;
    (time, date)
}

/// A zip archive (PKWARE APPNOTE 6.3, no ZIP64) of `files`, each deflated, names in UTF-8.
pub fn zip(
    files: &[(String, Vec<u8>)],
    modified: DateTime<Utc>,
) -> Result<Vec<u8>, TooLargeForZip> {
    use std::io::Write;
    let (time, date) = dos_time(modified);
    let u32_of = |n: usize| u32::try_from(n).map_err(|_| TooLargeForZip);
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let mut enc =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).map_err(|_| TooLargeForZip)?;
        let packed = enc.finish().map_err(|_| TooLargeForZip)?;
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let offset = u32_of(out.len())?;
        let name_len = u16::try_from(name.len()).map_err(|_| TooLargeForZip)?;
        let (packed_len, plain_len) = (u32_of(packed.len())?, u32_of(data.len())?);
        // The fields both headers share: version needed 2.0, flags (bit 11: UTF-8 names),
        // method 8 (deflate), time, date, CRC-32, sizes, name length, extra length.
        let mut common = Vec::with_capacity(26);
        for v in [20u16, 0x0800, 8, time, date] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc.sum(), packed_len, plain_len] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS attributes
        central.extend_from_slice(&common);
        // Comment length, disk number, internal attributes, external attributes, offset.
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(files.len()).map_err(|_| TooLargeForZip)?;
    let central_offset = u32_of(out.len())?;
    let central_len = u32_of(central.len())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the disk where the directory starts
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_len.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dos_times_pack_as_appnote_says() {
        let at = DateTime::parse_from_rfc3339("2026-11-27T13:45:58Z")
            .unwrap()
            .with_timezone(&Utc);
        // 13:45:58 -> 13 << 11 | 45 << 5 | 29; 2026-11-27 -> 46 << 9 | 11 << 5 | 27
        assert_eq!(
            dos_time(at),
            (13 << 11 | 45 << 5 | 29, 46 << 9 | 11 << 5 | 27)
        );
    }
}
