/**
 * Which face of a font file is the one a picture asks for. HarfBuzz opens a member of a collection
 * (.ttc) by its index only, and a collection's faces are told apart by their name tables.
 */

export interface FaceChoice {
  /** The family name the picture asks for, e.g. `Noto Sans CJK SC`. */
  readonly family: string;
  /** The subfamily: `Regular`, `Bold`. */
  readonly style: string;
}

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/** The start of a face's `name` table, from the face's table directory at `face`. */
function nameTableStart(view: DataView, face: number): number | undefined {
  const count = view.getUint16(face + 4);
  for (let index = 0; index < count; index += 1) {
    const record = face + 12 + 16 * index;
    if (tag(view, record) === 'name') return view.getUint32(record + 8);
  }
  return undefined;
}

/** The names of a face by name id (Windows platform, English), e.g. 1 family, 2 subfamily. */
function faceNames(view: DataView, name: number): Map<number, string> {
  const count = view.getUint16(name + 2);
  const storage = name + view.getUint16(name + 4);
  const names = new Map<number, string>();
  for (let index = 0; index < count; index += 1) {
    const record = name + 6 + 12 * index;
    if (view.getUint16(record) !== 3 || view.getUint16(record + 4) !== 0x409) continue;
    const length = view.getUint16(record + 8);
    const start = storage + view.getUint16(record + 10);
    let text = '';
    for (let offset = start; offset + 1 < start + length; offset += 2) text += String.fromCharCode(view.getUint16(offset));
    names.set(view.getUint16(record + 6), text);
  }
  return names;
}

/** The index of the face named `choice` in a font file (0 for a lone .otf/.ttf), or undefined when none is. */
export function faceIndex(fontFile: Uint8Array, choice: FaceChoice): number | undefined {
  const view = new DataView(fontFile.buffer, fontFile.byteOffset, fontFile.byteLength);
  const faces = tag(view, 0) === 'ttcf' ? Array.from({ length: view.getUint32(8) }, (_, index) => view.getUint32(12 + 4 * index)) : [0];
  const index = faces.findIndex((face) => {
    const name = nameTableStart(view, face);
    if (name === undefined) return false;
    const names = faceNames(view, name);
    // The typographic family and subfamily (16, 17) when the face has them, else the legacy ones (1, 2).
    return (names.get(16) ?? names.get(1)) === choice.family && (names.get(17) ?? names.get(2)) === choice.style;
  });
  return index < 0 ? undefined : index;
}
