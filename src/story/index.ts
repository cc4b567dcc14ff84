export { assetPathProblem } from './asset-path';
export { listSome } from './list-some';
export { type FileSignature, SIGNATURE_BYTES, checkFileSignature, gltfUris, spzSplats } from './file-signature';
export { choiceLabel } from './choices';
export { clueText } from './clues';
export { type ConditionFacts, compare, comparisonOf, evaluateCondition, leafConditions } from './condition';
export { type Diagnostic, formatDiagnostic, hasErrors, jsonPath } from './diagnostics';
export { type CodeInfo, DIAGNOSTIC_CODES, type DiagnosticCode, type ErrorCode, type FoundBy, type Severity, type WarningCode, isDiagnosticCode } from './codes';
export {
  CREDITS_STATE,
  CREDITS_TAG,
  type ChoiceMade,
  type CompileOptions,
  ENDING_PLAYOUT_MS,
  ENDING_TAG,
  type StoryContext,
  type StoryEvent,
  type StoryInput,
  type StoryMachine,
  type StorySnapshot,
  compileStory,
  currentScene,
  initialStoryContext,
  isCredits,
  isEnding,
  offeredChoices,
} from './machine';
export { type EditionCut, cutEdition, defaultEdition, editionIds, fallbackOf, pickEdition } from './editions';
export { applyEffects } from './effects';
export { parseJson } from './parse';
export { schemaDiagnostics } from './schema-diagnostics';
export {
  ASSET_KINDS,
  type AssetKind,
  type Choice,
  type Comparison,
  type Condition,
  type Edition,
  type Effect,
  type Hotspot,
  PENDING_ENDING,
  type Route,
  type VariableValue,
  type Media,
  type Crystal,
  type Scene,
  type Script,
  type ScriptElement,
  type StoryPackage,
  STORY_FORMAT,
  storyJsonSchema,
  storySchema,
} from './schema';
export { type LocalizedText, localize, matchLanguage, pickLanguage } from './text';
export { type ValidateOptions, type ValidationResult, validateStory } from './validate';
export { reachableFrom, sceneGraph, scenesWithAWayOut } from './scene-graph';
export { type NextScenesOptions, nextScenes } from './next-scenes';
export { type Clock, type PauseReason, SceneClock, type SceneClockOptions } from './clock';
export { choiceDeadline, nextDeadline } from './deadlines';
export { driveStory, type StoryDriverOptions } from './driver';
export { type RestoreResult, SAVE_FORMAT, type SaveStorage, type SavedViewing, createSave, endingsKey, restoreSave, saveKey } from './save';
export { type EndingPath, type PathsOptions, endingPaths, scenesOfPath } from './paths';
export { type MapEdge, type MapScene, type StoryMap, storyMap } from './story-map';
export { conditionInWords } from './condition-words';
export { LARGEST_SPLAT_BUDGET, checkPackageFiles } from './package-files';
export type { PackageFiles } from './package-file-reader';
export { checkProvenance } from './checks/provenance';
export { type AssetReference, storyAssets } from './package-assets';
export { type Cue, cueTextAt, parseWebVtt, webVttProblem } from './webvtt';
export { type EditionStats, type StoryStats, storyStats } from './stats';
export { toDot, toMachineJson, toMermaid } from './graph-export';
export {
  ASSET_ROLES,
  PROVENANCE_FORMAT,
  type Provenance,
  type ProvenanceRecord,
  hasAiContent,
  provenanceJsonSchema,
  provenanceSchema,
} from './provenance';
export {
  DEFAULT_ANGULAR_RADIUS,
  DEFAULT_METRIC_RADIUS,
  DEG,
  type HotspotAim,
  type Point,
  SCREEN_EYE_HEIGHT,
  type UnitVector,
  type YawPitch,
  angleBetween,
  equirectPixel,
  equirectYawPitch,
  horizontalFov,
  hotspotAim,
  unitVectorOf,
  wrapYaw,
  yawDelta,
  yawPitchOf,
} from './directions';
export { type UiText, languageName, uiText } from './ui-text';
