//! The real binary in a real terminal (tmux): open the sample article, press keys, read the
//! screen after each, quit, and check the terminal was given back as it was.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_lector");
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/articles/mexico-sovereignty.txt"
);

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    /// Whether tmux can run here. Without it the end-to-end tests are skipped, except when
    /// `LECTOR_E2E_REQUIRED` is set (CI sets it), where a missing tmux fails them.
    fn available() -> bool {
        let found = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(
            found || std::env::var_os("LECTOR_E2E_REQUIRED").is_none(),
            "tmux is missing, and LECTOR_E2E_REQUIRED says end-to-end tests must run"
        );
        found
    }

    /// A 120x40 session running a plain `sh` with a known prompt.
    fn start(name: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("lector-test-{}-{name}", std::process::id()),
        };
        let path = std::env::var("PATH").unwrap_or_default();
        tmux.run(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "env",
            "-i",
            &format!("PATH={path}"),
            "TERM=xterm-256color",
            "PS1=prompt$ ",
            "sh",
        ]);
        tmux.wait_for("prompt$");
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "0"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` literally, then Enter.
    fn line(&self, text: &str) {
        self.run(&["send-keys", "-t", "0", "-l", text]);
        self.keys(&["Enter"]);
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "0"])
    }

    fn format(&self, f: &str) -> String {
        self.run(&["display-message", "-p", "-t", "0", f])
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `text` (20 s at most: a ceiling for a loaded CI machine,
    /// not a speed test) and returns the screen.
    fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what:?}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `stty -a` in the pane: the shell's terminal modes after lector left.
    fn assert_terminal_restored(&self) {
        assert_eq!(self.format("#{alternate_on}"), "0", "alternate screen left");
        assert_eq!(self.format("#{mouse_any_flag}"), "0", "mouse capture off");
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor shown");
        // One mode per line; the end marker is printed with %s so the typed command (which
        // the screen also shows) never matches it.
        self.line(
            "clear; stty -a | tr ';' '\\n' | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)'; \
             printf 'end-%s\\n' stty",
        );
        let screen = self.wait_until("stty output", |s| s.lines().any(|l| l.trim() == "end-stty"));
        let modes: Vec<&str> = screen.lines().map(str::trim).collect();
        assert!(modes.contains(&"icanon"), "canonical mode back:\n{screen}");
        assert!(modes.contains(&"echo"), "echo back:\n{screen}");
        assert!(!modes.contains(&"-icanon") && !modes.contains(&"-echo"));
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// The status line: the last non-empty line of the screen.
fn status(screen: &str) -> &str {
    screen.lines().rfind(|l| !l.trim().is_empty()).unwrap_or("")
}

#[test]
fn read_the_sample_press_keys_and_quit_cleanly() {
    if !Tmux::available() {
        eprintln!("SKIPPED: tmux is not installed; the end-to-end reader test needs it");
        return;
    }
    assert!(Path::new(SAMPLE).is_file());
    let t = Tmux::start("keys");
    t.line("clear; echo before-lector");
    t.wait_for("before-lector");
    t.line(&format!("{BIN} {SAMPLE}"));

    // First frame: title, dek, panes, status line.
    let screen = t.wait_for("Mexico Denies Trump");
    assert!(screen.contains("Articles 1/1"), "{screen}");
    assert!(screen.contains("Entities") && screen.contains("Quotes"));
    assert!(screen.contains("Mexican President Claudia Sheinbaum firmly rejects"));
    assert!(
        screen.contains("repeat of ¶2"),
        "the repeated headline is labelled"
    );
    assert!(status(&screen).contains("1/1") && status(&screen).contains("? help"));
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "drawn on the alternate screen"
    );

    // d: the three repeated blocks are hidden.
    t.keys(&["d"]);
    let screen = t.wait_for("3 repeats hidden");
    assert!(!screen.contains("repeat of ¶2"));

    // ]: the first quote is selected, or the reader says there are none.
    t.keys(&["]"]);
    let screen = t.wait_until("a quote step", |s| {
        s.contains("no quotes in this article") || s.contains('●')
    });
    if screen.contains("Quotes 0") {
        assert!(status(&screen).contains("no quotes in this article"));
    } else {
        assert!(
            screen.contains("●"),
            "the selected quote is marked:\n{screen}"
        );
    }

    // /: incremental search, matches counted in shown blocks only, Enter keeps it.
    t.keys(&["/"]);
    t.run(&["send-keys", "-t", "0", "-l", "sovereign"]);
    // Three: the dek and two paragraphs; their repeats are hidden.
    let screen = t.wait_for("matches   Enter keeps");
    assert!(status(&screen).starts_with("/sovereign"));
    assert!(status(&screen).contains("3 matches"), "{}", status(&screen));
    t.keys(&["Enter"]);
    let screen = t.wait_for("(n / N)");
    assert!(
        status(&screen).contains("/sovereign 1/3"),
        "{}",
        status(&screen)
    );

    // ?: the help overlay lists the keys; q closes it without quitting.
    t.keys(&["?"]);
    // The whole overlay (its last line drawn), not a frame caught halfway.
    let screen = t.wait_for("Ctrl-C quits");
    assert!(screen.contains("Keys in the reader") && screen.contains("copy the selected quote"));
    t.keys(&["q"]);
    let screen = t.wait_until("help closed", |s| !s.contains("Keys in the reader"));
    assert!(screen.contains("Mexico Denies Trump"));

    // q: back to the shell, with the screen and the terminal modes as they were.
    t.keys(&["q"]);
    let screen = t.wait_until("the shell", |s| s.contains("before-lector"));
    assert!(
        !screen.contains("Articles 1/1"),
        "no reader left on screen:\n{screen}"
    );
    t.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal_even_with_the_mouse_on() {
    if !Tmux::available() {
        eprintln!("SKIPPED: tmux is not installed; the end-to-end reader test needs it");
        return;
    }
    let t = Tmux::start("sigterm");
    let pid = start_reader(&t, "clear; echo before-lector;", "sh", "--mouse");
    assert_eq!(
        t.format("#{mouse_any_flag}"),
        "1",
        "--mouse captures the mouse"
    );
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    t.wait_until("the shell", |s| s.contains("before-lector"));
    t.assert_terminal_restored();
}

/// Starts the reader on the sample in `t` as `{before} {shell} -c '... exec lector {options}
/// SAMPLE'`, waits for its first frame and returns its process id.
fn start_reader(t: &Tmux, before: &str, shell: &str, options: &str) -> String {
    let pid_file = std::env::temp_dir().join(format!("{}.pid", t.socket));
    t.line(&format!(
        "{before} {shell} -c 'echo $$ > {}; exec {BIN} {options} {SAMPLE}'",
        pid_file.display()
    ));
    t.wait_for("Mexico Denies Trump");
    let pid = std::fs::read_to_string(&pid_file).expect("pid written");
    let _ = std::fs::remove_file(&pid_file);
    pid.trim().to_string()
}

/// Whether process `pid` is still there (and not a zombie).
fn alive(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|s| !s.trim_start().starts_with('Z'))
    })
}

#[test]
fn a_reader_whose_terminal_goes_away_without_sighup_exits() {
    let setsid = Command::new("setsid")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !Tmux::available() || !setsid || !Path::new("/proc/self/stat").exists() {
        eprintln!("SKIPPED: needs tmux, setsid and /proc");
        return;
    }
    // In a session of its own, the reader gets no SIGHUP when the terminal closes (as under
    // `nohup`); crossterm then never returns from `poll` (crossterm-rs/crossterm#793).
    let t = Tmux::start("orphan");
    let pid = start_reader(&t, "", "setsid -w sh", "");
    assert!(alive(&pid));
    drop(t);
    let start = Instant::now();
    while alive(&pid) && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let survived = alive(&pid);
    if survived {
        // Do not leave it spinning.
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
    }
    assert!(!survived, "the reader outlived its terminal");
}

#[test]
fn a_corpus_is_indexed_in_the_background_with_progress_in_the_status_line() {
    if !Tmux::available() {
        eprintln!("SKIPPED: tmux is not installed; the end-to-end reader test needs it");
        return;
    }
    // 6,000 copies of the sample (20 MB): seconds of indexing, so the first frame comes first.
    let corpus = tempfile::tempdir().expect("a temporary folder");
    let text = std::fs::read(SAMPLE).expect("the sample");
    for i in 0..6_000 {
        std::fs::write(corpus.path().join(format!("article-{i:04}.txt")), &text).expect("written");
    }
    let t = Tmux::start("corpus");
    t.line(&format!(
        "clear; echo before-lector; {BIN} {}",
        corpus.path().display()
    ));
    let screen = t.wait_until("indexing progress", |s| {
        status(s).contains(" / 6,000") && status(s).contains("indexed ")
    });
    assert!(screen.contains("Articles 1/6000"), "{screen}");

    // No key pressed: the list and the status line are redrawn as summaries come in, and the
    // progress goes once all are in.
    let start = Instant::now();
    let mut screen = t.screen();
    while status(&screen).contains("indexed ") {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "still indexing after 120 s:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(200));
        screen = t.screen();
    }
    // Rows show titles, not file names (the open article's path is the text pane's title).
    assert!(
        !screen.contains("│ article-0"),
        "every row has its title:\n{screen}"
    );

    // The end of the list: indexed too.
    t.keys(&["Tab", "Tab", "Tab", "G"]);
    // The open article's row (marked ▶) scrolls out of view.
    let screen = t.wait_until("the end of the list", |s| !s.contains('▶'));
    assert!(screen.contains("Mexico"), "{screen}");
    assert!(
        !screen.contains("article-59"),
        "titles, not file names:\n{screen}"
    );
    t.keys(&["q"]);
    t.wait_until("the shell", |s| s.contains("before-lector"));
    t.assert_terminal_restored();
}
