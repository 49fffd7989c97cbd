/**
 * PNG encoding of resvg's pixels with Node's zlib at level 1: for a map's flat colours about three
 * times as fast as resvg's own encoder, and smaller. Rows are compressed as a stream, so no
 * second full-size copy of the picture is made.
 */
import { createDeflate, crc32 } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Rows handed to zlib at a time. */
const ROWS_PER_BLOCK = 64;

function chunk(type: string, data: Uint8Array): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(header.subarray(4))), 0);
  return Buffer.concat([header, data, crc]);
}

/**
 * `pixels` are premultiplied RGBA, as tiny-skia keeps them; PNG wants straight alpha, so the
 * colour of each partly transparent pixel is divided by its alpha (in place).
 */
function unpremultiply(pixels: Uint8Array): void {
  for (let offset = 3; offset < pixels.length; offset += 4) {
    const alpha = pixels[offset]!;
    if (alpha === 255 || alpha === 0) continue;
    for (let channel = offset - 3; channel < offset; channel += 1) pixels[channel] = Math.min(255, Math.round((pixels[channel]! * 255) / alpha));
  }
}

export async function encodePng(pixels: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  unpremultiply(pixels);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const deflate = createDeflate({ level: 1 });
  const compressed: Buffer[] = [];
  deflate.on('data', (data: Buffer) => compressed.push(data));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const rowLength = width * 4;
  for (let row = 0; row < height; row += ROWS_PER_BLOCK) {
    const rows = Math.min(ROWS_PER_BLOCK, height - row);
    // Each row starts with its filter type, 0 (none).
    const block = Buffer.alloc(rows * (rowLength + 1));
    for (let index = 0; index < rows; index += 1) block.set(pixels.subarray((row + index) * rowLength, (row + index + 1) * rowLength), index * (rowLength + 1) + 1);
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', Buffer.concat(compressed)), chunk('IEND', new Uint8Array(0))]);
}
