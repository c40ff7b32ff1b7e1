/**
 * Just enough PDF reading to test what Chromium printed, without a PDF
 * library: count the pages, and find the text, by inflating every stream
 * (node:zlib), reading each font's ToUnicode CMap and decoding the text
 * strings of every content stream with each CMap in turn. The right font's
 * CMap gives the real text; the others give noise nobody searches for.
 */
import { inflateSync } from 'node:zlib';

/** The PDF's streams, inflated when they are Flate-compressed, as latin1 strings (one char a byte). */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  const pattern = /<<((?:[^<>]|<<(?:[^<>]|<<[^<>]*>>)*>>|<[^<>]*>)*)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(match[1]!);
    const end = length ? start + Number(length[1]) : text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      out.push(/\/FlateDecode/.test(match[1]!) ? inflateSync(raw).toString('latin1') : raw.toString('latin1'));
    } catch {
      // An image or a font program that is not Flate: no text in it.
    }
    pattern.lastIndex = end;
  }
  return out;
}

/** A ToUnicode CMap: code (hex) → text, and how many bytes a code has. */
interface CMap {
  bytes: number;
  map: Map<number, string>;
}

function utf16(hex: string): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) text += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return text;
}

function parseCMap(source: string): CMap {
  const map = new Map<number, string>();
  const range = /begincodespacerange\s*<([0-9a-f]+)>/i.exec(source);
  const bytes = range ? range[1]!.length / 2 : 2;
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) map.set(Number.parseInt(code!, 16), utf16(text!));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(<[0-9a-f]+>|\[[^\]]*\])/gi)) {
      const from = Number.parseInt(low!, 16);
      const to = Number.parseInt(high!, 16);
      if (target!.startsWith('[')) {
        [...target!.matchAll(/<([0-9a-f]+)>/gi)].forEach(([, hex], i) => map.set(from + i, utf16(hex!)));
      } else {
        const base = utf16(target!.slice(1, -1));
        for (let code = from; code <= to && code - from < 65_536; code += 1) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - from));
        }
      }
    }
  }
  return { bytes, map };
}

/** The byte strings a content stream shows, one text object (BT … ET) each, joined. */
function shownStrings(content: string): string[] {
  const blocks: string[] = [];
  for (const [, body] of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
    let bytes = '';
    for (const [, hex, literal] of body!.matchAll(/<([0-9a-fA-F\s]*)>|\(((?:[^()\\]|\\.)*)\)/g)) {
      if (hex !== undefined) {
        const clean = hex.replace(/\s+/g, '');
        for (let i = 0; i + 1 < clean.length; i += 2) bytes += String.fromCharCode(Number.parseInt(clean.slice(i, i + 2), 16));
      } else {
        bytes += literal!.replace(/\\([0-7]{1,3}|.)/g, (_, c: string) => (/^[0-7]/.test(c) ? String.fromCharCode(Number.parseInt(c, 8)) : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }) as Record<string, string>)[c] ?? c));
      }
    }
    blocks.push(bytes);
  }
  return blocks;
}

function decode(bytes: string, cmap: CMap): string {
  let text = '';
  for (let i = 0; i + cmap.bytes <= bytes.length; i += cmap.bytes) {
    let code = 0;
    for (let j = 0; j < cmap.bytes; j += 1) code = code * 256 + bytes.charCodeAt(i + j);
    text += cmap.map.get(code) ?? '\u{FFFD}';
  }
  return text;
}

/** What a printed PDF holds, for tests. */
export interface PdfText {
  pages: number;
  /** Every text object decoded with every font's CMap: search it with `includes`, never compare it whole. */
  texts: string[];
}

/**
 * Reads a PDF as Chromium's `page.pdf()` writes it.
 *
 * @example
 * const { pages, texts } = readPdf(await page.pdf());
 * texts.some((text) => text.includes('sha256-')) // true when printed
 */
export function readPdf(pdf: Buffer): PdfText {
  const all = streams(pdf);
  const cmaps = all.filter((stream) => stream.includes('begincmap')).map(parseCMap);
  const texts = all.filter((stream) => /\bBT\b/.test(stream) && !stream.includes('begincmap')).flatMap(shownStrings);
  return {
    pages: pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0,
    texts: texts.flatMap((bytes) => cmaps.map((cmap) => decode(bytes, cmap))),
  };
}
