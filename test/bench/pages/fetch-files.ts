/**
 * Fetches the files at `paths` (under the page's origin) into memory as `File`s, the objects a
 * file picker or a drop hands the Data page, so reading them from disk stays out of a timing.
 */
export function fetchFiles(paths: readonly string[]): Promise<File[]> {
  return Promise.all(
    paths.map(async (path) => {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return new File([await response.arrayBuffer()], path.slice(path.lastIndexOf('/') + 1));
    }),
  );
}
