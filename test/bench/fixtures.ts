/**
 * What the benchmark serves besides the build, made at bench time in a temporary folder and never
 * shipped: the test panorama (the bundled film's first panorama re-encoded as a 4096×2048 JPEG,
 * the same bytes on every run), one-scene packages with 0, 50 or 200 hotspots showing it, and the
 * two baseline pages (a bare three.js page and Pannellum) showing the same file.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { formatDiagnostic, hasErrors, validateStory } from '../../src/story';

const root = resolve(import.meta.dirname, '../..');

/** The panorama every startup contestant shows. */
export const PANORAMA_SOURCE = 'scenes/glass-sky/assets/lamplight/panorama-4096.webp';
export const PANORAMA_WIDTH = 4096;
export const HOTSPOT_COUNTS = [0, 50, 200] as const;

/** Id of the generated one-scene package with `hotspots` hotspots. */
export const packageId = (hotspots: number) => `bench-hotspots-${hotspots}`;

export async function makeFixtures(dir: string): Promise<void> {
  const pages = join(dir, 'bench');
  mkdirSync(pages, { recursive: true });
  const panorama = join(pages, 'panorama.jpg');
  // Fixed quality and no progressive scan: the same JPEG from the same source, on every machine sharp runs on.
  await sharp(join(root, PANORAMA_SOURCE)).resize(PANORAMA_WIDTH, PANORAMA_WIDTH / 2).jpeg({ quality: 85, progressive: false, mozjpeg: false }).toFile(panorama);
  writeFileSync(join(pages, 'three.html'), THREE_PAGE);
  writeFileSync(join(pages, 'pannellum.html'), PANNELLUM_PAGE);
  for (const count of HOTSPOT_COUNTS) {
    const folder = join(dir, 'scenes', packageId(count));
    mkdirSync(join(folder, 'assets'), { recursive: true });
    copyFileSync(panorama, join(folder, 'assets/panorama.jpg'));
    const story = onePanoramaStory(packageId(count), count);
    // A package that does not validate would measure the error screen.
    const { diagnostics } = validateStory(story);
    if (hasErrors(diagnostics)) throw new Error(`bench: the generated package ${packageId(count)} does not validate:\n${diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`);
    writeFileSync(join(folder, 'story.json'), JSON.stringify(story));
  }
}

/** One scene showing the panorama, with `count` hotspots spread over the sphere (a golden-angle spiral). */
function onePanoramaStory(id: string, count: number) {
  const hotspots = Array.from({ length: count }, (_, i) => {
    const pitch = Math.round(Math.asin(1 - (2 * (i + 0.5)) / count) * (180 / Math.PI) * 0.8);
    const yaw = Math.round((((i * 137.508) % 360) + 360) % 360) - 180;
    return { id: `h${i}`, label: `Hotspot ${i}`, yaw, pitch, radius: 5 };
  });
  return {
    format: 'sightline/1',
    id,
    title: `Benchmark: one panorama, ${count} hotspots`,
    languages: ['en'],
    start: 'street',
    scenes: {
      // Not an ending (an ending plays out into the credits): the scene ends only after 285,000 years, so it plays on.
      street: {
        title: 'Street',
        media: { type: 'panorama', src: 'assets/panorama.jpg' },
        hotspots,
        end: { afterMs: Number.MAX_SAFE_INTEGER },
        next: [{ to: 'end' }],
      },
      end: { title: 'End', media: { type: 'color', color: '#000000' }, ending: true },
    },
  };
}

const PAGE_STYLE = 'html, body { margin: 0; height: 100%; overflow: hidden; background: #000 } #view, canvas { width: 100%; height: 100%; display: block }';

/** The least a three.js page does to show a panorama and turn it with the mouse. */
const THREE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>three.js baseline</title><style>${PAGE_STYLE}</style></head>
<body><div id="view"></div>
<script type="module">
import * as THREE from '/vendor/three/three.module.js';
const renderer = new THREE.WebGLRenderer({ antialias: false });
renderer.setPixelRatio(devicePixelRatio);
renderer.setSize(innerWidth, innerHeight);
document.getElementById('view').appendChild(renderer.domElement);
const scene = new THREE.Scene();
const camera = new THREE.PerspectiveCamera(75, innerWidth / innerHeight, 0.1, 100);
camera.rotation.order = 'YXZ';
const geometry = new THREE.SphereGeometry(50, 64, 32);
geometry.scale(-1, 1, 1);
const texture = new THREE.TextureLoader().load('/bench/panorama.jpg');
texture.colorSpace = THREE.SRGBColorSpace;
scene.add(new THREE.Mesh(geometry, new THREE.MeshBasicMaterial({ map: texture })));
let drag = null;
renderer.domElement.addEventListener('pointerdown', (e) => (drag = { x: e.clientX, y: e.clientY, yaw: camera.rotation.y, pitch: camera.rotation.x }));
addEventListener('pointerup', () => (drag = null));
addEventListener('pointermove', (e) => {
  if (!drag) return;
  const k = (camera.fov * Math.PI) / 180 / innerHeight;
  camera.rotation.y = drag.yaw + (e.clientX - drag.x) * k;
  camera.rotation.x = Math.max(-1.5, Math.min(1.5, drag.pitch + (e.clientY - drag.y) * k));
});
renderer.setAnimationLoop(() => renderer.render(scene, camera));
</script></body></html>
`;

/** Pannellum as its documentation shows it, loading the panorama at once. */
const PANNELLUM_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Pannellum baseline</title>
<link rel="stylesheet" href="/vendor/pannellum/pannellum.css"><style>${PAGE_STYLE}</style></head>
<body><div id="view"></div>
<script src="/vendor/pannellum/pannellum.js"></script>
<script>
pannellum.viewer('view', { type: 'equirectangular', panorama: '/bench/panorama.jpg', autoLoad: true, showControls: false, hfov: 75 });
</script></body></html>
`;
