//! Tests of eight bytes at once ("SIMD within a register") for the byte scanners: eight bytes of
//! text read as a little-endian `u64`, and a mask with the high bit of each byte that passes.
//! Words are short, so testing eight bytes at once spares a branch per byte, and a scan's exit
//! is predictable when most words end within the first eight.

/// The high bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;
/// One in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes at the start of `bytes` as a little-endian word, if there are eight.
pub fn eight_at(bytes: &[u8]) -> Option<u64> {
    let mut eight = [0; 8];
    eight.copy_from_slice(bytes.get(..8)?);
    Some(u64::from_le_bytes(eight))
}

/// The eight bytes at the start of `bytes` as a little-endian word, `pad` past its end.
pub fn eight_from(bytes: &[u8], pad: u8) -> u64 {
    eight_at(bytes).unwrap_or_else(|| {
        let mut eight = [pad; 8];
        eight[..bytes.len()].copy_from_slice(bytes);
        u64::from_le_bytes(eight)
    })
}

/// The eight bytes of `bytes` that end at `end` as a little-endian word (the byte before `end`
/// highest), zeros before its start.
pub fn eight_before(bytes: &[u8], end: usize) -> u64 {
    match end
        .checked_sub(8)
        .and_then(|start| eight_at(&bytes[start..end]))
    {
        Some(eight) => eight,
        None => {
            let mut eight = [0; 8];
            eight[8 - end..].copy_from_slice(&bytes[..end]);
            u64::from_le_bytes(eight)
        }
    }
}

/// The high bit of each of the first `n` bytes, fewer than eight.
pub fn first_bytes(n: usize) -> u64 {
    debug_assert!(n < 8);
    HIGH & ((1 << (8 * n)) - 1)
}

/// The high bit of each ASCII letter or digit of `word`.
pub fn ascii_alnum(word: u64) -> u64 {
    // Upper-case letters folded onto lower-case ones ("@" and "[" fold outside).
    in_range(word, b'0', b'9') | in_range(word | (ONES * 0x20), b'a', b'z')
}

/// The high bit of each byte of `word` that lies within `lo..=hi`, two ASCII bytes; a byte
/// beyond ASCII never passes.
pub fn in_range(word: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(lo <= hi && hi < 0x80);
    // Seven-bit values: adding `0x80 - lo` sets a byte's high bit exactly when it is `lo` or
    // more, with no carry into the next byte.
    let seven = word & !HIGH;
    let at_least_lo = seven + ONES * u64::from(0x80 - lo);
    let above_hi = seven + ONES * u64::from(0x7f - hi);
    at_least_lo & !above_hi & !word & HIGH
}

/// The high bit of each byte of `word` equal to `b`, and maybe of bytes after one (the borrow
/// out of an equal byte may mark the next): the lowest is exact, and no equal byte is missed.
pub fn equal_bytes(word: u64, b: u8) -> u64 {
    // A zero byte where `word` has `b`: the bytes below one.
    below(word ^ (ONES * u64::from(b)), 1)
}

/// The high bit of each byte of `word` below `n` (at most 0x7F), and maybe of bytes after one
/// (subtracting borrows from a byte below `n` into the next): the lowest is exact, and no byte
/// below `n` is missed (with a borrow in, such a byte still ends at 0x80 or more).
pub fn below(word: u64, n: u8) -> u64 {
    debug_assert!(n < 0x80);
    word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_bytes_from_and_before_a_place_are_padded_with_zeros() {
        let bytes = b"abcdefghij";
        assert_eq!(
            eight_from(&bytes[7..], 0),
            u64::from_le_bytes(*b"hij\0\0\0\0\0")
        );
        assert_eq!(eight_from(&bytes[1..], 0), u64::from_le_bytes(*b"bcdefghi"));
        assert_eq!(eight_from(&[], 0), 0);
        assert_eq!(
            eight_before(bytes, 3),
            u64::from_le_bytes(*b"\0\0\0\0\0abc")
        );
        assert_eq!(eight_before(bytes, 10), u64::from_le_bytes(*b"cdefghij"));
        assert_eq!(eight_before(bytes, 0), 0);
        assert_eq!(first_bytes(0), 0);
        assert_eq!(first_bytes(2), 0x8080);
        assert_eq!(first_bytes(7), HIGH >> 8);
    }

    #[test]
    fn in_range_agrees_with_a_byte_test_for_every_byte_at_every_place() {
        let ranges = [
            (b'a', b'z'),
            (b'A', b'Z'),
            (b'0', b'9'),
            (b'\t', b'\r'),
            (b' ', b' '),
        ];
        for (lo, hi) in ranges {
            for filler in [0u8, b' ', b'a', b'Z', 0x7f, 0x80, 0xff] {
                for b in 0..=255u8 {
                    for at in 0..8 {
                        let mut bytes = [filler; 8];
                        bytes[at] = b;
                        let mask = in_range(u64::from_le_bytes(bytes), lo, hi);
                        let alnum = ascii_alnum(u64::from_le_bytes(bytes));
                        for (i, &byte) in bytes.iter().enumerate() {
                            let passed = alnum & (0x80 << (8 * i)) != 0;
                            assert_eq!(passed, byte.is_ascii_alphanumeric(), "{byte:#x}");
                        }
                        for (i, &byte) in bytes.iter().enumerate() {
                            let passed = mask & (0x80 << (8 * i)) != 0;
                            assert_eq!(
                                passed,
                                (lo..=hi).contains(&byte),
                                "{byte:#x} in {lo}..={hi}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn eight_bytes_are_read_in_order() {
        assert_eq!(
            eight_at(b"abcdefghi"),
            Some(u64::from_le_bytes(*b"abcdefgh"))
        );
        assert_eq!(eight_at(b"abcdefg"), None);
    }

    proptest::proptest! {
        #[test]
        fn equal_bytes_marks_every_equal_byte_and_the_first_exactly(
            // Bytes next to `b` and around the high bit, where a borrow could go wrong.
            bytes in proptest::array::uniform8(proptest::sample::select(
                vec![0u8, 1, 2, b'\'', b'(', 0x7f, 0x80, 0x81, 0xff],
            )),
            b in proptest::sample::select(vec![0u8, 1, b'\'', 0x80, 0xff]),
        ) {
            let mask = equal_bytes(u64::from_le_bytes(bytes), b);
            let marked = |i: usize| mask & (0x80 << (8 * i)) != 0;
            let first = bytes.iter().position(|&x| x == b);
            proptest::prop_assert_eq!((mask != 0).then(|| mask.trailing_zeros() as usize / 8), first);
            for (i, &x) in bytes.iter().enumerate() {
                proptest::prop_assert!(x != b || marked(i), "{:#x} at {} unmarked", x, i);
                // A byte marked wrongly follows an equal one.
                proptest::prop_assert!(!marked(i) || bytes[..i].contains(&b) || x == b);
            }
            proptest::prop_assert_eq!(mask & !HIGH, 0);
        }

        #[test]
        fn below_marks_every_lower_byte_and_the_first_exactly(
            // Bytes next to `n` and around the high bit, where a borrow could go wrong.
            bytes in proptest::array::uniform8(proptest::sample::select(
                vec![0u8, 1, b'\t', b' ', b'!', b'"', 0x1f, 0x20, 0x7f, 0x80, 0xff],
            )),
            n in proptest::sample::select(vec![1u8, b'!', 0x20, 0x7f]),
        ) {
            let mask = below(u64::from_le_bytes(bytes), n);
            let marked = |i: usize| mask & (0x80 << (8 * i)) != 0;
            let first = bytes.iter().position(|&x| x < n);
            proptest::prop_assert_eq!((mask != 0).then(|| mask.trailing_zeros() as usize / 8), first);
            for (i, &x) in bytes.iter().enumerate() {
                proptest::prop_assert!(x >= n || marked(i), "{:#x} at {} unmarked", x, i);
                // A byte marked wrongly follows a lower one.
                proptest::prop_assert!(!marked(i) || bytes[..i].iter().any(|&y| y < n) || x < n);
            }
        }
    }
}
