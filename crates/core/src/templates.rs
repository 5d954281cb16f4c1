//! The starting points for a new map.

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Id, JourneyMap};

/// A template a new map can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Template {
    /// The customer lifecycle: Awareness, Consideration, Transaction, Use, Inactivity.
    Lifecycle,
    /// A B2B software journey, from discovery to renewal.
    Saas,
    /// A citizen's path through a public service.
    PublicService,
    /// One stage and nothing else.
    Blank,
}

/// A template as a "new map" dialog shows it: its key, name, purpose and stages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TemplateInfo {
    pub template: Template,
    pub label: String,
    pub description: String,
    /// The stages a new map from it starts with, in order.
    pub stages: Vec<String>,
}

impl Template {
    pub const ALL: [Template; 4] = [
        Template::Lifecycle,
        Template::Saas,
        Template::PublicService,
        Template::Blank,
    ];

    /// The name used on the command line (`corridor new --template lifecycle`).
    pub fn key(self) -> &'static str {
        match self {
            Template::Lifecycle => "lifecycle",
            Template::Saas => "saas",
            Template::PublicService => "public-service",
            Template::Blank => "blank",
        }
    }

    pub fn from_key(key: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Template::Lifecycle => "Customer lifecycle",
            Template::Saas => "B2B / SaaS journey",
            Template::PublicService => "Public service journey",
            Template::Blank => "Blank map",
        }
    }

    /// One sentence on what the template is for.
    pub fn description(self) -> &'static str {
        match self {
            Template::Lifecycle => {
                "The customer lifecycle, from first hearing of you to drifting away."
            }
            Template::Saas => "A B2B software journey, from discovery to renewal.",
            Template::PublicService => "A citizen's path through a public service.",
            Template::Blank => "One stage and nothing else: start from scratch.",
        }
    }

    /// What a "new map" dialog shows of this template.
    pub fn info(self) -> TemplateInfo {
        TemplateInfo {
            template: self,
            label: self.label().to_string(),
            description: self.description().to_string(),
            stages: self
                .stage_names()
                .iter()
                .map(|s| (*s).to_string())
                .collect(),
        }
    }

    /// Every template, in the order a "new map" dialog lists them.
    pub fn catalogue() -> Vec<TemplateInfo> {
        Template::ALL.into_iter().map(Template::info).collect()
    }

    pub fn stage_names(self) -> &'static [&'static str] {
        match self {
            Template::Lifecycle => &[
                "Awareness",
                "Consideration",
                "Transaction",
                "Use",
                "Inactivity",
            ],
            Template::Saas => &[
                "Discovery",
                "Evaluation",
                "Negotiation",
                "Onboarding",
                "Adoption",
                "Renewal",
            ],
            Template::PublicService => &[
                "Recognise the need",
                "Find out",
                "Apply",
                "Wait for a decision",
                "Receive the service",
                "Follow up",
            ],
            Template::Blank => &["Stage 1"],
        }
    }

    /// A new, empty map laid out by this template.
    pub fn instantiate(
        self,
        id: Id,
        title: &str,
        ids: &mut dyn FnMut() -> Id,
        now: DateTime<Utc>,
    ) -> JourneyMap {
        JourneyMap::new(id, title, self.stage_names(), ids, now)
    }
}
