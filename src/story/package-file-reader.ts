/** Read access to a package's folder, provided by the CLI (Node) or a test. */
export interface PackageFiles {
  /** The text of a file relative to the package, or null if there is none. */
  readText(path: string): string | null;
  exists(path: string): boolean;
  /** The file's sha256 in lowercase hex, or null if there is none. */
  sha256(path: string): string | null;
  /** The file's first `bytes` bytes and its whole size, or null if there is none (signature checks). */
  head?(path: string, bytes: number): { readonly bytes: Uint8Array; readonly size: number } | null;
  /** The first `bytes` bytes of a gzip file's content (an SPZ world's header), or null if it does not inflate. */
  inflatedHead?(path: string, bytes: number): Uint8Array | null;
}
