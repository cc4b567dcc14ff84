import { type Provenance, type UiText, hasAiContent } from '../story';

export interface AiLabelProps {
  readonly provenance: Provenance | null;
  readonly text: UiText;
}

/** The explicit "AI-generated content" label that rules for synthetic media ask for; nothing when no asset is generated. */
export function AiLabel({ provenance, text }: AiLabelProps) {
  if (!hasAiContent(provenance)) return null;
  return (
    <p className="ai-label" role="note" data-ai-label="true">
      <strong>{text.aiGenerated}</strong>
      <span>{text.aiGeneratedDetail}</span>
    </p>
  );
}
