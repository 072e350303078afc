//! A corpus of hostile inputs, generated at test time into a folder (no binary blobs committed):
//! empty and whitespace-only files, huge lines and paragraph counts, broken and foreign encodings,
//! binaries, terminal escapes and invisible characters, quote and capital-letter storms, and
//! things that are not files at all (FIFOs, sockets, devices, link loops, unreadable entries).
//! Each case says what `lector analyze` must do with it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// What lector must make of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Analysed, no message.
    Analyzed,
    /// Analysed, with a warning on stderr naming the file and containing this text.
    Warned(&'static str),
    /// Not analysed: stderr names the file and gives this reason; exit status 1.
    Skipped(&'static str),
}

#[derive(Debug, Clone)]
pub struct Case {
    pub path: PathBuf,
    pub expect: Expect,
}

/// How big the big cases are. Debug builds get smaller sizes so `cargo test` stays quick; CI runs
/// `cargo test --release` with the full sizes.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub long_line_bytes: usize,
    pub tiny_paragraphs: usize,
    pub capitalised_words: usize,
    pub entities: usize,
}

impl Scale {
    pub fn for_this_build() -> Scale {
        if cfg!(debug_assertions) {
            Scale {
                long_line_bytes: 1_000_000,
                tiny_paragraphs: 50_000,
                capitalised_words: 20_000,
                entities: 10_000,
            }
        } else {
            Scale {
                long_line_bytes: 50_000_000,
                tiny_paragraphs: 1_000_000,
                capitalised_words: 20_000,
                entities: 10_000,
            }
        }
    }
}

/// splitmix64, so every run builds the same corpus.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ran", "te", "vo", "shi", "ber", "du", "na", "zel", "fo", "gri", "pa", "qu",
    "sen", "tor", "ul", "wen", "ya",
];

/// A made-up capitalised name of 2-4 syllables: "Kalomi", "Berdu".
pub fn name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    let mut s: String = (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect();
    s[..1].make_ascii_uppercase();
    s
}

const BODY: &str = "The council met on Tuesday to discuss the budget, and members said the \
     plan would need more time before a vote could be held.";

/// A small, plain article with a title, used as the carrier of hostile details.
fn article_with(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}\n\n{BODY}\n")
}

/// Escape sequences a terminal would obey: colours, cursor moves, screen clears, a window title,
/// a hyperlink, a clipboard write (OSC 52), device control strings, C1 controls, a lone ESC,
/// backspaces, carriage returns and a bell.
pub const ESCAPES: &str = "\u{1b}[31mred\u{1b}[0m \u{1b}[2J\u{1b}[H\u{1b}[10A \
     \u{1b}]0;pwned title\u{7} \u{1b}]8;;https://evil.example/\u{1b}\\click\u{1b}]8;;\u{1b}\\ \
     \u{1b}]52;c;ZWNobyBwd25lZA==\u{7} \u{1b}P+q544e\u{1b}\\ \u{9b}2J \u{9d}0;c1 title\u{9c} \
     \u{85}next \u{1b} lone \u{8}\u{8}\u{8}back over\rcarriage\u{7}bell \u{1b}c";

/// Writes every case into `dir` and lists them. `dir` must exist and be empty.
pub fn build(dir: &Path, scale: Scale) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |name: &str, bytes: &[u8], expect: Expect| {
        let path = dir.join(name);
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        cases.push(Case { path, expect });
    };
    let mut rng = Rng(7);

    // Nothing to read.
    add("empty.txt", b"", Expect::Warned("no text"));
    add(
        "whitespace.txt",
        " \n\t\r\n   \n\u{3000}\n".as_bytes(),
        Expect::Warned("no text"),
    );
    add("only-bom.txt", b"\xEF\xBB\xBF\n", Expect::Warned("no text"));

    // Size: one huge line of words, one huge line of no spaces, a million tiny paragraphs.
    let mut line = String::with_capacity(scale.long_line_bytes + 16);
    while line.len() < scale.long_line_bytes {
        line.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
        line.push(if rng.below(12) == 0 { '.' } else { ' ' });
        line.push(' ');
    }
    add("one-long-line.txt", line.as_bytes(), Expect::Analyzed);
    add(
        "one-long-word.txt",
        "x".repeat(scale.long_line_bytes / 5).as_bytes(),
        Expect::Analyzed,
    );
    let mut tiny = String::from("Many tiny paragraphs\n\n");
    for i in 0..scale.tiny_paragraphs {
        // Identical short lines ("Yes.") between numbered ones: the repeat finder must not
        // compare every "Yes." with every other.
        let _ = writeln!(tiny, "{}\n", if i % 2 == 0 { "Yes." } else { "No way?" });
    }
    add("tiny-paragraphs.txt", tiny.as_bytes(), Expect::Analyzed);

    // Encodings.
    add(
        "latin1.txt",
        b"Caf\xe9 au lait\n\nLe caf\xe9 \xe9tait tr\xe8s bon, a dit Ren\xe9e.\n",
        Expect::Warned("not valid UTF-8"),
    );
    add(
        "windows-1252.txt",
        b"Smart quotes\n\n\x93It works,\x94 she said \x96 twice\x85\n",
        Expect::Warned("not valid UTF-8"),
    );
    let mut truncated = "Zürich news\n\nThe mayor of Zürich said 東"
        .as_bytes()
        .to_vec();
    truncated.pop();
    add(
        "truncated-multibyte.txt",
        &truncated,
        Expect::Warned("not valid UTF-8"),
    );
    let utf16_text = "Grüße aus Köln\n\n“Es geht,” sagte Anna Schmidt in Köln. 東京\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(utf16_text.encode_utf16().flat_map(u16::to_le_bytes));
    add("utf16-le.txt", &le, Expect::Warned("UTF-16"));
    let mut be = vec![0xFE, 0xFF];
    be.extend(utf16_text.encode_utf16().flat_map(u16::to_be_bytes));
    add("utf16-be.txt", &be, Expect::Warned("UTF-16"));
    let mut broken16 = le.clone();
    broken16.extend([0x00, 0xD8, b'x']);
    add("utf16-broken.txt", &broken16, Expect::Warned("UTF-16"));
    let mut utf32 = vec![0xFF, 0xFE, 0, 0];
    utf32.extend("Hello".chars().flat_map(|c| (c as u32).to_le_bytes()));
    add("utf32.txt", &utf32, Expect::Skipped("UTF-32"));
    let no_bom16: Vec<u8> = "Hello there"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    add(
        "utf16-no-bom.txt",
        &no_bom16,
        Expect::Warned("without a byte-order mark"),
    );

    // Binaries, named .txt.
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    png.extend((0..512).map(|_| rng.next() as u8));
    add("image.txt", &png, Expect::Skipped("not a text file"));
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0".to_vec();
    elf.extend((0..512).map(|_| rng.next() as u8));
    add("program.txt", &elf, Expect::Skipped("not a text file"));

    // Terminal escapes everywhere: title, body, quotes, names.
    add(
        "escapes.txt",
        article_with(
            "Title \u{1b}]0;pwned title\u{7} \u{1b}[31mred\u{1b}[0m \u{9b}2J",
            &format!(
                "“{ESCAPES}” said Jane\u{1b}[8m Hidden\u{1b}[0m Doe of Acme\u{9b}31m Corp. {ESCAPES}"
            ),
        )
        .as_bytes(),
        Expect::Analyzed,
    );
    add(
        "escapes-latin1.txt",
        b"Raw C1 bytes \x9b2J \x9d0;t\x07 \x1b[31m\n\nBody \x1b]52;c;eA==\x07 \x85 end.\n",
        Expect::Warned("not valid UTF-8"),
    );
    add(
        "bidi-zero-width.txt",
        article_with(
            "Bidi \u{202E}txt.exe\u{202C} and \u{2066}isolate\u{2069} title",
            "“Ba\u{200B}rack O\u{2060}bama\u{FEFF} said \u{202E}olleh\u{202C},” \
             said Ba\u{200B}rack O\u{2060}bama. Soft\u{AD}hyphen and \u{E0041}\u{E0042}tags \
             and a line\u{2028}separator.",
        )
        .as_bytes(),
        Expect::Analyzed,
    );
    let zalgo: String = std::iter::repeat_n("e\u{301}\u{302}\u{303}\u{304}", 2_000).collect();
    add(
        "wide-combining.txt",
        article_with(
            "東京で会議 👩‍🔬 Ünïcödé",
            &format!(
                "「東京は晴れ」と田中さんが言った。 “Ｆｕｌｌｗｉｄｔｈ,” said Ｊｏｈｎ. {zalgo}"
            ),
        )
        .as_bytes(),
        Expect::Analyzed,
    );

    // Quotation and capitalisation storms.
    add(
        "unbalanced-quotes.txt",
        article_with(
            "Quotes that never close",
            "“This opens and never closes, said Anna. ‘Nor this. «Nor «this» “nested “deeper” \
             still’ and ” a stray close.\n\n\"Straight \"quotes\" \"everywhere\" said \"Bob\"",
        )
        .as_bytes(),
        Expect::Analyzed,
    );
    let every_word: String = (0..10_000)
        .map(|i| format!("\"w{i}{} ", if i % 3 == 0 { "”" } else { "" }))
        .collect();
    add(
        "quote-in-every-word.txt",
        article_with("A quote mark in every word", &every_word).as_bytes(),
        Expect::Analyzed,
    );
    let capitals: Vec<String> = (0..scale.capitalised_words)
        .map(|_| name(&mut rng))
        .collect();
    add(
        "capitalised-words.txt",
        article_with("Capital Letters Everywhere", &capitals.join(" ")).as_bytes(),
        Expect::Analyzed,
    );
    let mut many = String::from("Ten thousand people\n\n");
    for _ in 0..scale.entities {
        let (first, last, org) = (name(&mut rng), name(&mut rng), name(&mut rng));
        let _ = writeln!(
            many,
            "“We agree,” said {first} {last} of the {org} Institute in {org}ville.\n"
        );
    }
    add("many-entities.txt", many.as_bytes(), Expect::Analyzed);

    // Names that are themselves hostile: an escape sequence and a line break in the file name.
    add(
        "\u{1b}]0;pwned\u{7}\u{1b}[2J.txt",
        b"\0binary",
        Expect::Skipped("not a text file"),
    );
    add("two\nlines.txt", b"A title\n\nA body.\n", Expect::Analyzed);

    cases.extend(special_files(dir));
    cases
}

/// Things that are not regular files, or cannot be read. Permission bits do not stop root, so
/// the unreadable cases expect whatever opening them actually does here.
#[cfg(unix)]
fn special_files(dir: &Path) -> Vec<Case> {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let mut cases = Vec::new();

    let fifo = dir.join("fifo.txt");
    let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: mkfifo reads a valid NUL-terminated path and touches no Rust memory.
    let made = unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) };
    assert_eq!(made, 0, "mkfifo {}", fifo.display());
    cases.push(Case {
        path: fifo,
        expect: Expect::Skipped("FIFO"),
    });

    let socket = dir.join("socket.txt");
    // The socket file stays after the listener is dropped; nothing ever accepts on it.
    drop(std::os::unix::net::UnixListener::bind(&socket).expect("bind a socket"));
    cases.push(Case {
        path: socket,
        expect: Expect::Skipped("socket"),
    });

    let device = dir.join("dev-null.txt");
    symlink("/dev/null", &device).expect("symlink /dev/null");
    cases.push(Case {
        path: device,
        expect: Expect::Skipped("device"),
    });
    if Path::new("/dev/zero").exists() {
        let zero = dir.join("dev-zero.txt");
        symlink("/dev/zero", &zero).expect("symlink /dev/zero");
        cases.push(Case {
            path: zero,
            expect: Expect::Skipped("device"),
        });
    }

    let looped = dir.join("loop");
    fs::create_dir(&looped).expect("mkdir loop");
    symlink("..", looped.join("back")).expect("symlink loop");
    cases.push(Case {
        path: looped.join("back"),
        expect: Expect::Skipped("loop"),
    });
    let self_link = dir.join("self.txt");
    symlink("self.txt", &self_link).expect("self symlink");
    cases.push(Case {
        path: self_link,
        expect: Expect::Skipped("symbolic links"),
    });
    let dangling = dir.join("dangling.txt");
    symlink("does-not-exist.txt", &dangling).expect("dangling symlink");
    cases.push(Case {
        path: dangling,
        expect: Expect::Skipped("No such file"),
    });

    // A regular file whose reading fails part-way, even for root: lector's own memory at
    // address 0 (reading it gives EIO).
    if Path::new("/proc/self/mem").exists() {
        let mem = dir.join("proc-mem.txt");
        symlink("/proc/self/mem", &mem).expect("symlink /proc/self/mem");
        cases.push(Case {
            path: mem,
            expect: Expect::Skipped("Input/output error"),
        });
    }

    let locked = dir.join("locked.txt");
    fs::write(&locked, "Locked away\n\nA body.\n").expect("write locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let blocked = fs::File::open(&locked).is_err();
    cases.push(Case {
        path: locked,
        expect: if blocked {
            Expect::Skipped("Permission denied")
        } else {
            Expect::Analyzed
        },
    });
    let locked_dir = dir.join("locked-dir");
    fs::create_dir(&locked_dir).expect("mkdir locked-dir");
    fs::write(locked_dir.join("inside.txt"), "Inside\n\nA body.\n").expect("write inside");
    fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o000)).expect("chmod 000");
    let blocked = fs::read_dir(&locked_dir).is_err();
    cases.push(Case {
        path: if blocked {
            locked_dir
        } else {
            locked_dir.join("inside.txt")
        },
        expect: if blocked {
            Expect::Skipped("Permission denied")
        } else {
            Expect::Analyzed
        },
    });
    cases
}

#[cfg(not(unix))]
fn special_files(_dir: &Path) -> Vec<Case> {
    Vec::new()
}

/// Gives permissions back so a temporary folder can be removed.
#[cfg(unix)]
pub fn unlock(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for name in ["locked.txt", "locked-dir"] {
        let _ = fs::set_permissions(dir.join(name), fs::Permissions::from_mode(0o755));
    }
}

#[cfg(not(unix))]
pub fn unlock(_dir: &Path) {}
