export interface SniffedType {
  ext: string;
  mime: string;
}

interface FileTypeModule {
  fileTypeFromBuffer(buffer: Uint8Array): Promise<SniffedType | undefined>;
}

let loading: Promise<FileTypeModule> | undefined;

/**
 * file-type ships only as an ES module. Node 20.19+ loads ES modules with require(); Jest replaces
 * both require and import() inside test code (and refuses import() without its experimental flag),
 * so Node's own require is taken from process.getBuiltinModule. Older Node falls back to a real
 * import(), hidden from tsc, which would otherwise turn it into require(). Loaded once, on first use.
 */
export function loadFileType(): Promise<FileTypeModule> {
  loading ??= load().catch((e) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

async function load(): Promise<FileTypeModule> {
  const nodeModule = process.getBuiltinModule?.('node:module');
  if (nodeModule) {
    try {
      return nodeModule.createRequire(__filename)('file-type') as FileTypeModule;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw e;
    }
  }
  const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<FileTypeModule>;
  return dynamicImport('file-type');
}
