// Minimal POSIX ustar writer, just enough for Swift bulk uploads of small regular files.

const BLOCK = 512;
const MAX_NAME_BYTES = 100;
const encoder = new TextEncoder();

/**
 * Whether `name` fits a plain ustar header as-is (no long-name extensions needed).
 * @param {string} name
 */
export function fitsUstarName(name) {
  return encoder.encode(name).length <= MAX_NAME_BYTES && !name.endsWith('/');
}

/**
 * Packs regular files into an uncompressed ustar archive.
 * @param {Array<{ name: string, body: Uint8Array }>} files names must satisfy `fitsUstarName`
 * @returns {Uint8Array}
 * @example
 * const tar = createTarArchive([{ name: 'a/b.txt', body: new TextEncoder().encode('hi') }]);
 */
export function createTarArchive(files) {
  const size = files.reduce((total, file) => total + BLOCK + roundUp(file.body.length), 2 * BLOCK);
  const archive = new Uint8Array(size);
  let offset = 0;
  for (const { name, body } of files) {
    if (!fitsUstarName(name)) throw new RangeError(`"${name}" does not fit a ustar header (at most ${MAX_NAME_BYTES} bytes, no trailing "/").`);
    archive.set(header(name, body.length), offset);
    archive.set(body, offset + BLOCK);
    offset += BLOCK + roundUp(body.length);
  }
  return archive; // ends with the two zero blocks already in place
}

function header(name, size) {
  const block = new Uint8Array(BLOCK);
  const put = (text, at) => block.set(encoder.encode(text), at);
  put(name, 0);
  put('0000644\0', 100); // mode
  put('0000000\0', 108); // uid
  put('0000000\0', 116); // gid
  put(`${size.toString(8).padStart(11, '0')}\0`, 124);
  put('00000000000\0', 136); // mtime: fixed, the archive is deterministic
  put('        ', 148); // checksum field counts as spaces while summing
  put('0', 156); // regular file
  put('ustar\0' + '00', 257);
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  put(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function roundUp(length) {
  return Math.ceil(length / BLOCK) * BLOCK;
}
