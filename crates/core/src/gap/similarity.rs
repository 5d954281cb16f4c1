//! A small string similarity for suggesting which touchpoint an unmatched activity may be.
//!
//! similarity(a, b) = max(JW(a′, b′), JW(sort(a′), sort(b′))), where a′ is `a` lower-cased with
//! every run of characters other than letters and digits made one space, sort(·) puts its words
//! in alphabetical order, and JW is the Jaro-Winkler similarity (prefix scale 0.1, prefix of
//! at most 4 characters). 1 means equal after normalisation, 0 means nothing in common. The
//! sorted-words term lets "placed order" find "Order placed".

/// `s` lower-cased, with runs of non-alphanumeric characters as one space, trimmed.
pub fn simplify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        if ch.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(ch.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

fn sorted_words(s: &str) -> String {
    let mut words: Vec<&str> = s.split(' ').collect();
    words.sort_unstable();
    words.join(" ")
}

/// The Jaro similarity of two strings, over Unicode scalar values.
pub fn jaro(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut b_used = vec![false; b.len()];
    let mut a_matched = Vec::with_capacity(a.len());
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_used[j] && b[j] == ca {
                b_used[j] = true;
                a_matched.push(ca);
                break;
            }
        }
    }
    let m = a_matched.len();
    if m == 0 {
        return 0.0;
    }
    let b_matched = b.iter().zip(&b_used).filter(|(_, &u)| u).map(|(c, _)| *c);
    let out_of_order = a_matched
        .iter()
        .zip(b_matched)
        .filter(|(x, y)| **x != *y)
        .count();
    let m = m as f64;
    let t = out_of_order as f64 / 2.0;
    (m / a.len() as f64 + m / b.len() as f64 + (m - t) / m) / 3.0
}

/// Jaro-Winkler: Jaro plus a bonus for a common prefix of up to 4 characters, scale 0.1.
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    let j = jaro(a, b);
    let prefix = a
        .chars()
        .zip(b.chars())
        .take(4)
        .take_while(|(x, y)| x == y)
        .count();
    j + prefix as f64 * 0.1 * (1.0 - j)
}

/// How alike two names are, from 0 to 1 (see the module documentation).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (simplify(a), simplify(b));
    let direct = jaro_winkler(&a, &b);
    let sorted = jaro_winkler(&sorted_words(&a), &sorted_words(&b));
    direct.max(sorted)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-4
    }

    #[test]
    fn textbook_values() {
        // Winkler's examples (also in Wikipedia's article on Jaro-Winkler distance).
        assert!(close(jaro("MARTHA", "MARHTA"), 0.9444));
        assert!(close(jaro_winkler("MARTHA", "MARHTA"), 0.9611));
        assert!(close(jaro_winkler("DWAYNE", "DUANE"), 0.84));
        assert!(close(jaro_winkler("DIXON", "DICKSONX"), 0.8133));
        assert_eq!(jaro("", ""), 1.0);
        assert_eq!(jaro("a", ""), 0.0);
        assert_eq!(jaro("abc", "xyz"), 0.0);
    }

    #[test]
    fn normalised_and_word_order_free() {
        assert_eq!(simplify("  Order__placed!! (web) "), "order placed web");
        assert_eq!(similarity("Order placed", "order_placed"), 1.0);
        assert_eq!(similarity("placed order", "Order placed"), 1.0);
        assert!(similarity("checkout", "Check out") > similarity("checkout", "Delivered"));
    }
}
