//! The example maps a new workspace starts with, compiled in from `examples/`.

/// File name and text of each example map, in the order a new user should meet them.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "retail-omnichannel.corridor.json",
        include_str!("../../../examples/retail-omnichannel.corridor.json"),
    ),
    (
        "saas-onboarding.corridor.json",
        include_str!("../../../examples/saas-onboarding.corridor.json"),
    ),
];
