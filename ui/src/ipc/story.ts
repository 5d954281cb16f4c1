// The strategy story's computed figures (src-tauri/src/commands/story.rs). The story itself
// changes through `applyEdit` like everything else on the map.

import { commands } from "../bindings";
import type {
  AppError,
  AssetTotals_Serialize,
  CoverageSource,
  DisciplineCoverage,
  TimelineGroup,
  Asset_Serialize,
  Capability_Serialize,
  DataQuestionKind,
  DataQuestion_Serialize,
  Discipline,
  DisciplineMark_Serialize,
  Initiative_Serialize,
  Kpi_Serialize,
  Metric,
  Narrative_Serialize,
  OpeningKind,
  Priority,
  Remedy,
  StoryFigures_Serialize,
  Story_Serialize,
  StrategyStyle,
  SuccessDefinition_Serialize,
  TimelineGrouping,
  Weakness_Serialize,
  WorkStatus,
} from "../bindings";
import { toIpcError } from "./index";

export type Story = Story_Serialize;
export type Narrative = Narrative_Serialize;
export type SuccessDefinition = SuccessDefinition_Serialize;
export type DataQuestion = DataQuestion_Serialize;
export type Capability = Capability_Serialize;
export type Weakness = Weakness_Serialize;
export type Asset = Asset_Serialize;
export type Kpi = Kpi_Serialize;
export type Initiative = Initiative_Serialize;
export type DisciplineMark = DisciplineMark_Serialize;
export type AssetTotals = AssetTotals_Serialize;
export type StoryFigures = StoryFigures_Serialize;
export type {
  Metric,
  CoverageSource,
  DataQuestionKind,
  DisciplineCoverage,
  TimelineGroup,
  Discipline,
  OpeningKind,
  Priority,
  Remedy,
  StrategyStyle,
  TimelineGrouping,
  WorkStatus,
};

/**
 * The story's figures for the map as stored now: asset totals and return ratio, the moments of
 * truth nothing covers, discipline coverage, and the timeline grouped by department or stage.
 */
export async function storyFigures(mapId: string, grouping: TimelineGrouping): Promise<StoryFigures> {
  let result: { status: "ok"; data: StoryFigures } | { status: "error"; error: AppError };
  try {
    result = await commands.storyFigures(mapId, grouping);
  } catch (err) {
    throw toIpcError(err);
  }
  if (result.status === "ok") return result.data;
  throw toIpcError(result.error);
}
