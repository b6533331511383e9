// The SCORM packager's ZIP writer and manifest (scripts/packageScorm.mjs), read back with an
// independent reader: central directory first, as unzip does, then each local header.

import { beforeAll, describe, expect, it } from 'vitest';

interface Packager {
  crc32(bytes: Uint8Array): number;
  createZip(entries: { name: string; data: Uint8Array | string }[], modified?: Date): Uint8Array;
  buildManifest(o: { title: string; scenarios: { id: string; title: string }[]; files: string[] }): string;
  parseArgs(argv: string[]): { scenarios: string[] | null; dist: string; out: string; title: string };
}

let pkg: Packager;
beforeAll(async () => {
  const path = '../../scripts/packageScorm.mjs';
  pkg = (await import(/* @vite-ignore */ path)) as Packager;
});

/** Bit-by-bit CRC-32, written independently of the writer's table-driven one. */
function referenceCrc(bytes: Uint8Array): number {
  let crc = ~0 >>> 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

interface ReadEntry {
  name: string;
  data: Uint8Array;
  crc: number;
  method: number;
  flags: number;
  dosDate: number;
}

function readZip(zip: Uint8Array): ReadEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  expect(view.getUint32(eocd, true)).toBe(0x06054b50);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  expect(at + cdSize).toBe(eocd);
  const decoder = new TextDecoder();
  const out: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const dosDate = view.getUint16(at + 14, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLen));
    // The local header must agree with the central directory.
    expect(view.getUint32(localAt, true)).toBe(0x04034b50);
    expect(view.getUint32(localAt + 14, true)).toBe(crc);
    expect(view.getUint32(localAt + 22, true)).toBe(size);
    const localName = view.getUint16(localAt + 26, true);
    const localExtra = view.getUint16(localAt + 28, true);
    expect(decoder.decode(zip.subarray(localAt + 30, localAt + 30 + localName))).toBe(name);
    const start = localAt + 30 + localName + localExtra;
    out.push({ name, data: zip.subarray(start, start + size), crc, method, flags, dosDate });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

describe('the ZIP writer', () => {
  it('computes the standard CRC-32', () => {
    expect(pkg.crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(pkg.crc32(new Uint8Array())).toBe(0);
  });

  it('writes entries that read back byte for byte, with matching CRCs, stored, UTF-8 names', () => {
    const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
    const entries = [
      { name: 'imsmanifest.xml', data: '<?xml version="1.0"?><manifest/>' },
      { name: 'app/index.html', data: '<!doctype html><title>Réservation ✓</title>' },
      { name: 'app/assets/engine.worker-abc.js', data: binary },
      { name: 'app/empty.txt', data: new Uint8Array() },
      { name: 'scorm/ünïcode name.js', data: 'x' },
    ];
    const read = readZip(pkg.createZip(entries));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    read.forEach((e, i) => {
      const want = entries[i]!.data;
      expect(e.data).toEqual(typeof want === 'string' ? new TextEncoder().encode(want) : want);
      expect(e.crc).toBe(referenceCrc(e.data));
      expect(e.method).toBe(0);
      expect(e.flags & 0x0800).toBe(0x0800);
    });
  });

  it('gives the same bytes for the same input (fixed timestamps)', () => {
    const e = [{ name: 'a.txt', data: 'a' }];
    expect(pkg.createZip(e)).toEqual(pkg.createZip(e));
    expect(readZip(pkg.createZip(e, new Date(Date.UTC(2025, 5, 15))))[0]!.dosDate).toBe(((2025 - 1980) << 9) | (6 << 5) | 15);
  });

  it('writes an empty archive', () => {
    expect(readZip(pkg.createZip([]))).toEqual([]);
  });

  it('refuses names that would escape the folder, and duplicates', () => {
    expect(() => pkg.createZip([{ name: '../evil.js', data: '' }])).toThrow(/relative path without/);
    expect(() => pkg.createZip([{ name: '/abs.js', data: '' }])).toThrow(/relative path/);
    expect(() => pkg.createZip([{ name: 'a', data: '' }, { name: 'a', data: '' }])).toThrow(/duplicate entry "a"/);
  });
});

describe('the SCORM 1.2 manifest', () => {
  const manifest = () =>
    pkg.buildManifest({
      title: 'Storage & clusters',
      scenarios: [
        { id: 'two-node-heartbeat', title: 'Two nodes <HA-LVM>' },
        { id: 's1-failover-ha-lvm', title: 'S1' },
      ],
      files: ['imsmanifest.xml', 'app/index.html', 'app/assets/a b.js', 'scorm/launch.html', 'scorm/scormBridge.js'],
    });

  it('declares SCORM 1.2 with one SCO per scenario, launched by scenario id', () => {
    const m = manifest();
    expect(m).toContain('<schemaversion>1.2</schemaversion>');
    expect(m).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(m.match(/adlcp:scormtype="sco"/g)).toHaveLength(2);
    expect(m).toContain('<item identifier="item-two-node-heartbeat" identifierref="sco-two-node-heartbeat" isvisible="true">');
    expect(m).toContain('href="scorm/launch.html?scenario=s1-failover-ha-lvm"');
  });

  it('escapes titles and lists every shared file once, URL-encoded', () => {
    const m = manifest();
    expect(m).toContain('<title>Storage &amp; clusters</title>');
    expect(m).toContain('<title>Two nodes &lt;HA-LVM&gt;</title>');
    expect(m).toContain('<file href="app/assets/a%20b.js"/>');
    expect(m).toContain('<file href="scorm/scormBridge.js"/>');
    expect(m.match(/<file href="app\/index.html"\/>/g)).toHaveLength(1);
    expect(m).not.toContain('<file href="imsmanifest.xml"/>');
  });
});

describe('the command line', () => {
  it('reads --scenarios, --dist, --out and --title, in both spellings', () => {
    expect(pkg.parseArgs(['--scenarios', 'a,b', '--dist=/tmp/d', '--out', 'x.zip', '--title=Lab'])).toEqual({ scenarios: ['a', 'b'], dist: '/tmp/d', out: 'x.zip', title: 'Lab' });
    expect(pkg.parseArgs([])).toEqual({ scenarios: null, dist: 'dist', out: 'dist-scorm/reservation-lab-scorm.zip', title: 'Reservation Lab' });
  });

  it('names the options when given another', () => {
    expect(() => pkg.parseArgs(['--scenario', 'a'])).toThrow('unknown option "--scenario"; use --scenarios id1,id2, --dist <build folder>, --out <zip file>, --title <course title>');
  });
});
