//! Which events count, by their lifecycle transition (XES `lifecycle:transition`, or a CSV
//! column of that name).
//!
//! A log "uses the standard lifecycle model" when its transitions are names of the XES
//! standard model: `schedule`, `assign`, `withdraw`, `reassign`, `start`, `suspend`, `resume`,
//! `pi_abort`, `ate_abort`, `abort`, `complete`, `autoskip`, `manualskip`, `unknown` (any
//! case). Under [`LifecyclePolicy::CompleteOnly`] such a log keeps only its `complete` events
//! (and `unknown` ones, and events without a transition): a touchpoint is one moment, not its
//! start and its end. A log that uses the key for statuses of its own (`In Progress`,
//! `Closed`, …) keeps every event.
//!
//! A reader streams, so it decides event by event: a standard non-`complete` transition is
//! left out until a transition outside the model shows that the log has statuses of its own;
//! from then on every event is kept. Had events already been left out by then, the log mixes
//! both uses, and the read stops with [`ImportError::LifecycleMixed`] asking for
//! [`LifecyclePolicy::KeepAll`] rather than return a half-filtered log.

use super::report::ImportError;
use super::LifecyclePolicy;

const STANDARD_NOT_COMPLETE: [&str; 12] = [
    "schedule",
    "assign",
    "withdraw",
    "reassign",
    "start",
    "suspend",
    "resume",
    "pi_abort",
    "ate_abort",
    "abort",
    "autoskip",
    "manualskip",
];

enum Transition {
    /// `complete` or `unknown`: counts.
    Counts,
    /// Another name of the standard model: left out under `CompleteOnly`.
    Standard,
    /// Not a name of the standard model.
    Other,
}

fn classify(value: &str) -> Transition {
    let value = value.trim();
    if value.eq_ignore_ascii_case("complete") || value.eq_ignore_ascii_case("unknown") {
        Transition::Counts
    } else if STANDARD_NOT_COMPLETE
        .iter()
        .any(|s| value.eq_ignore_ascii_case(s))
    {
        Transition::Standard
    } else {
        Transition::Other
    }
}

/// The lifecycle policy applied to one log, event by event.
pub(crate) struct LifecycleFilter {
    policy: LifecyclePolicy,
    /// The first event left out: its line and transition.
    first_skipped: Option<(u64, String)>,
    /// A transition outside the standard model was seen: keep everything from now on.
    own_statuses: bool,
}

impl LifecycleFilter {
    pub fn new(policy: LifecyclePolicy) -> LifecycleFilter {
        LifecycleFilter {
            policy,
            first_skipped: None,
            own_statuses: false,
        }
    }

    /// Whether an event with this transition (at this line) counts.
    pub fn keeps(&mut self, transition: Option<&str>, line: u64) -> Result<bool, ImportError> {
        let Some(value) = transition else {
            return Ok(true);
        };
        if self.policy == LifecyclePolicy::KeepAll || self.own_statuses {
            return Ok(true);
        }
        match classify(value) {
            Transition::Counts => Ok(true),
            Transition::Standard => {
                if self.first_skipped.is_none() {
                    self.first_skipped = Some((line, value.trim().to_owned()));
                }
                Ok(false)
            }
            Transition::Other => {
                self.own_statuses = true;
                match self.first_skipped.take() {
                    None => Ok(true),
                    Some((skipped_line, skipped_value)) => Err(ImportError::LifecycleMixed {
                        skipped_line,
                        skipped_value,
                        line,
                        value: value.trim().to_owned(),
                    }),
                }
            }
        }
    }
}
