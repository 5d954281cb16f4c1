//! Running the built binary, and the files it is run on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The `corridor` binary, with no workspace taken from the environment.
pub fn corridor() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_corridor"));
    cmd.env_remove("CORRIDOR_WORKSPACE");
    cmd
}

/// Run `corridor ARGS`, returning (exit code, stdout, stderr).
pub fn run<I, S>(args: I) -> (i32, String, String)
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    outcome(corridor().args(args).output().expect("run corridor"))
}

pub fn outcome(out: Output) -> (i32, String, String) {
    (
        out.status.code().expect("corridor exited normally"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// The paths of every `*.corridor.json` in `examples/`, sorted.
pub fn example_paths() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".corridor.json"))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no examples");
    out
}
