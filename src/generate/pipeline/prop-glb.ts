/** A generated glTF prop as the .glb file the player loads. */
import { type Document, NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression } from '@gltf-transform/extensions';
import { MeshoptEncoder } from 'meshoptimizer';

/**
 * A prop as a binary glTF, its buffers Meshopt-compressed (EXT_meshopt_compression, which the
 * player's loader decodes with three's bundled MeshoptDecoder): about half the bytes of the plain
 * file. The encoder and gltf-transform's writer are deterministic, so the same document gives the
 * same bytes every run. Marks `doc` as using the extension (once).
 */
export async function writePropGlb(doc: Document): Promise<Uint8Array> {
  await MeshoptEncoder.ready;
  const root = doc.getRoot();
  if (!root.listExtensionsUsed().some((e) => e.extensionName === EXTMeshoptCompression.EXTENSION_NAME))
    doc.createExtension(EXTMeshoptCompression).setRequired(true).setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.FILTER });
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression]).registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
  return io.writeBinary(doc);
}
