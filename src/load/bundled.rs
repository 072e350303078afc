//! The sample articles shipped inside the binary, so `lector` works from any folder.

/// (path shown to the user, text) of every bundled article, in name order.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "assets/articles/canada-sensitive-document.txt",
        include_str!("../../assets/articles/canada-sensitive-document.txt"),
    ),
    (
        "assets/articles/italy-religious-school-taxes.txt",
        include_str!("../../assets/articles/italy-religious-school-taxes.txt"),
    ),
    (
        "assets/articles/mexico-sovereignty.txt",
        include_str!("../../assets/articles/mexico-sovereignty.txt"),
    ),
    (
        "assets/articles/north-korea-quasi-state-of-war.txt",
        include_str!("../../assets/articles/north-korea-quasi-state-of-war.txt"),
    ),
    (
        "assets/articles/shimon-peres-interview.txt",
        include_str!("../../assets/articles/shimon-peres-interview.txt"),
    ),
];
