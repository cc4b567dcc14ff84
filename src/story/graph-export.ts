import { cutEdition } from './editions';
import { compileStory } from './machine';
import { PENDING_ENDING, type StoryPackage } from './schema';
import { localize } from './text';

/** Labelled edges of one edition's scene graph, for diagrams. */
function edges(story: StoryPackage, edition: string | null) {
  const cut = cutEdition(story, edition);
  const out: Array<{ from: string; to: string; label: string }> = [];
  for (const [sceneId, scene] of Object.entries(story.scenes)) {
    if (!cut.includes(sceneId) || scene.ending) continue;
    const text = (t: Parameters<typeof localize>[0]) => localize(t, story.languages[0] ?? 'en', story.languages);
    for (const c of cut.choicesOf(sceneId)) out.push({ from: sceneId, to: c.to, label: `${text(c.label)}${c.when ? ' *' : ''}${scene.offer?.default === c.id ? ' (default)' : ''}` });
    for (const r of scene.next ?? []) out.push({ from: sceneId, to: r.to, label: r.when ? 'next *' : 'next' });
  }
  return out.map((e) => ({ ...e, to: e.to === PENDING_ENDING ? e.to : cut.resolve(e.to) }));
}

const nodeId = (id: string) => (id === PENDING_ENDING ? 'pending_ending' : `s_${id.replace(/-/g, '_')}`);
const quote = (s: string) => s.replace(/"/g, "'");

export function toMermaid(story: StoryPackage, edition: string | null): string {
  const cut = cutEdition(story, edition);
  const lines = ['flowchart TD'];
  for (const [id, scene] of Object.entries(story.scenes)) {
    if (!cut.includes(id)) continue;
    const title = quote(localize(scene.title, story.languages[0] ?? 'en', story.languages));
    lines.push(scene.ending ? `  ${nodeId(id)}(["${title}"])` : `  ${nodeId(id)}["${title}"]`);
  }
  if (cut.inserts.length > 0) lines.push(`  ${nodeId(PENDING_ENDING)}{{"the ending chosen"}}`);
  lines.push(`  start((start)) --> ${nodeId(cut.start)}`);
  for (const e of edges(story, edition)) lines.push(`  ${nodeId(e.from)} -->|"${quote(e.label)}"| ${nodeId(e.to)}`);
  return `${lines.join('\n')}\n`;
}

export function toDot(story: StoryPackage, edition: string | null): string {
  const cut = cutEdition(story, edition);
  const lines = [`digraph "${quote(story.id)}" {`, '  rankdir=TB;', '  start [shape=point];'];
  for (const [id, scene] of Object.entries(story.scenes)) {
    if (!cut.includes(id)) continue;
    const title = quote(localize(scene.title, story.languages[0] ?? 'en', story.languages));
    lines.push(`  ${nodeId(id)} [label="${title}"${scene.ending ? ', shape=doubleoctagon' : ', shape=box'}];`);
  }
  lines.push(`  start -> ${nodeId(cut.start)};`);
  for (const e of edges(story, edition)) lines.push(`  ${nodeId(e.from)} -> ${nodeId(e.to)} [label="${quote(e.label)}"];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** The compiled xstate machine config, which Stately's visualiser opens. */
export function toMachineJson(story: StoryPackage, edition: string | null): string {
  return `${JSON.stringify(compileStory(story, edition).config, null, 2)}\n`;
}
