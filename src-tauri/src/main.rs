// Hide the console window of a release build on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::PathBuf;

const USAGE: &str = "usage: corridor-app [--workspace DIR] [FILE]

Opens Corridor on the workspace in DIR (default: $CORRIDOR_WORKSPACE, or the app's own
workspace in the platform's data directory). FILE, a native map file (*.corridor.json), is
brought into the workspace and opened.";

fn main() {
    let mut args = std::env::args_os().skip(1);
    let mut workspace = None;
    let mut file = None;
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--workspace") => match args.next() {
                Some(dir) => workspace = Some(PathBuf::from(dir)),
                None => exit_usage("--workspace needs a directory"),
            },
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return;
            }
            Some(flag) if flag.starts_with('-') => exit_usage(&format!("unexpected option {flag}")),
            _ if file.is_none() => file = Some(PathBuf::from(arg)),
            _ => exit_usage(&format!("unexpected argument {}", arg.to_string_lossy())),
        }
    }
    corridor_app::run(workspace, file);
}

fn exit_usage(message: &str) -> ! {
    eprintln!("corridor-app: {message}\n\n{USAGE}");
    std::process::exit(2);
}
