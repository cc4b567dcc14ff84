export { assetPathProblem } from './asset-path';
export { clueText } from './clues';
export { type ConditionFacts, evaluateCondition } from './condition';
export { type Diagnostic, formatDiagnostic, hasErrors, jsonPath } from './diagnostics';
export {
  ENDING_TAG,
  type StoryContext,
  type StoryEvent,
  type StoryMachine,
  type StorySnapshot,
  compileStory,
  currentScene,
  initialStoryContext,
  isEnding,
  offeredChoices,
} from './machine';
export { parseJson } from './parse';
export {
  type Choice,
  type Condition,
  type Hotspot,
  type Media,
  type Scene,
  type StoryPackage,
  STORY_FORMAT,
  storyJsonSchema,
  storySchema,
} from './schema';
export { type LocalizedText, localize, pickLanguage } from './text';
export { type ValidateOptions, type ValidationResult, reachableScenes, validateStory } from './validate';
