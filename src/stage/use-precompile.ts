import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

/**
 * Compiles every shader program the stage's objects need whenever `key` changes (a scene shows, its
 * choices are offered), hidden objects included: a hotspot's ring stays hidden until it is looked
 * at, and a program compiled and linked in the frame that first draws it is a judder in a headset.
 * three's `compileAsync` links with KHR_parallel_shader_compile where the browser has it, off the
 * frame loop. The canvas says which key is compiled (`data-compiled`), for tests.
 */
export function usePrecompile(key: string): void {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    let live = true;
    gl.compileAsync(scene, camera).then(
      () => {
        if (!live) return;
        // A program's first use asks the GPU process for its uniforms, a round trip that waits for
        // every frame queued before it (long with software rendering): asked now, once, instead of
        // in the frame where a hidden ring or a new panel first shows.
        for (const program of gl.info.programs ?? []) program.getUniforms();
        gl.domElement.dataset['compiled'] = key;
      },
      (error: unknown) => console.warn('stage: compiling shader programs ahead failed; they compile when first drawn:', error),
    );
    return () => {
      live = false;
    };
  }, [gl, scene, camera, key]);
}
