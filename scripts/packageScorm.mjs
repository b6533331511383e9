// npm run package:scorm [-- --scenarios id1,id2] [--dist dist] [--out dist-scorm/reservation-lab-scorm.zip]
//
// Writes a SCORM 1.2 package: the production build under app/, a SCO launcher (scorm/launch.html
// + scorm/scormBridge.js) and an imsmanifest.xml with one SCO per chosen scenario (default: the
// first built-in). Builds dist/ first when it is missing. The ZIP is written here, store-only
// with CRC-32 (no compression, no dependencies): an LMS unpacks it once, size hardly matters.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// ZIP (PKWARE APPNOTE 6.3.x): local headers + data, central directory, end of central directory.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, as ZIP uses it) of `bytes`. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time of a Date (its UTC fields, 2-second resolution), as ZIP stores them. */
function dosDateTime(date) {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800; // general purpose bit 11: names are UTF-8
const STORED = 0;

/**
 * A store-only ZIP of `entries` ({ name: 'dir/file.txt', data: Uint8Array | string }), in order.
 * Every entry gets `modified` (default 2024-01-01) so the same input gives the same bytes.
 */
export function createZip(entries, modified = new Date(Date.UTC(2024, 0, 1))) {
  if (entries.length > 0xffff) throw new Error(`a ZIP without ZIP64 holds at most 65535 entries, not ${entries.length}`);
  const { time, date } = dosDateTime(modified);
  const encoder = new TextEncoder();
  const locals = [];
  const centrals = [];
  let offset = 0;
  const seen = new Set();
  for (const entry of entries) {
    const name = entry.name.replace(/\\/g, '/');
    if (!name || name.startsWith('/') || name.split('/').includes('..')) throw new Error(`bad entry name "${entry.name}": use a relative path without ".."`);
    if (seen.has(name)) throw new Error(`duplicate entry "${name}"`);
    seen.add(name);
    const nameBytes = encoder.encode(name);
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 10, true); // version needed: 1.0 (stored)
    l.setUint16(6, UTF8_NAMES, true);
    l.setUint16(8, STORED, true);
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true);
    l.setUint32(22, data.length, true);
    l.setUint16(26, nameBytes.length, true);
    l.setUint16(28, 0, true);
    local.set(nameBytes, 30);

    const central = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, (3 << 8) | 20, true); // made by: UNIX, spec 2.0
    c.setUint16(6, 10, true);
    c.setUint16(8, UTF8_NAMES, true);
    c.setUint16(10, STORED, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint32(38, (0o100644 << 16) >>> 0, true); // external attributes: a regular file, rw-r--r--
    c.setUint32(42, offset, true);
    central.set(nameBytes, 46);

    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
    if (offset > 0xffffffff) throw new Error('the package is over 4 GB, which needs ZIP64');
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, cdSize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// imsmanifest.xml (IMS Content Packaging 1.1.2 with ADL SCORM 1.2 extensions)

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** An xsd:ID from a scenario id: letters, digits, "-", "_", "."; never starting with a digit. */
const xmlId = (prefix, id) => `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;

/**
 * The manifest: one organization, one item and one SCO resource per scenario (launched as
 * scorm/launch.html?scenario=<id>), and a shared asset resource listing every file.
 */
export function buildManifest({ title, scenarios, files }) {
  const items = scenarios
    .map((s) => `      <item identifier="${xmlId('item', s.id)}" identifierref="${xmlId('sco', s.id)}" isvisible="true">\n        <title>${xml(s.title)}</title>\n      </item>`)
    .join('\n');
  const scos = scenarios
    .map(
      (s) =>
        `    <resource identifier="${xmlId('sco', s.id)}" type="webcontent" adlcp:scormtype="sco" href="scorm/launch.html?scenario=${xml(encodeURIComponent(s.id))}">\n      <file href="scorm/launch.html"/>\n      <dependency identifierref="shared-files"/>\n    </resource>`,
    )
    .join('\n');
  const shared = files
    .filter((f) => f !== 'scorm/launch.html' && f !== 'imsmanifest.xml')
    .map((f) => `      <file href="${xml(f.split('/').map(encodeURIComponent).join('/'))}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="reservation-lab" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="reservation-lab-org">
    <organization identifier="reservation-lab-org">
      <title>${xml(title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="shared-files" type="webcontent" adlcp:scormtype="asset">
${shared}
    </resource>
  </resources>
</manifest>
`;
}

// ---------------------------------------------------------------------------------------------
// The command

/** The built-in files in the order src/scenarios/index.ts imports them (its first is the default). */
function builtinOrder(root) {
  try {
    const index = readFileSync(join(root, 'src/scenarios/index.ts'), 'utf8');
    return [...index.matchAll(/from '\.\/builtin\/([^']+\.json)'/g)].map((m) => m[1]);
  } catch {
    return [];
  }
}

/** id → title of every built-in and library scenario, built-ins first (in the app's order). */
export function knownScenarios(root = ROOT) {
  const found = [];
  for (const dir of ['src/scenarios/builtin', 'src/scenarios/library']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    const order = dir.endsWith('builtin') ? builtinOrder(root) : [];
    const rank = (f) => (order.includes(f) ? order.indexOf(f) : order.length);
    const files = readdirSync(abs).filter((f) => f.endsWith('.json')).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const file of files) {
      try {
        const s = JSON.parse(readFileSync(join(abs, file), 'utf8'));
        if (typeof s.id === 'string' && typeof s.title === 'string') found.push({ id: s.id, title: s.title, builtin: dir.endsWith('builtin') });
      } catch {
        // not a scenario file
      }
    }
  }
  return found;
}

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function parseArgs(argv) {
  const args = { scenarios: null, dist: 'dist', out: 'dist-scorm/reservation-lab-scorm.zip', title: 'Reservation Lab' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (key === '--scenarios') args.scenarios = String(value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    else if (key === '--dist') args.dist = value();
    else if (key === '--out') args.out = value();
    else if (key === '--title') args.title = value();
    else throw new Error(`unknown option "${a}"; use --scenarios id1,id2, --dist <build folder>, --out <zip file>, --title <course title>`);
  }
  return args;
}

export function packageScorm(options, root = ROOT, log = console.log) {
  const known = knownScenarios(root);
  const wanted = options.scenarios && options.scenarios.length > 0 ? options.scenarios : [known.find((s) => s.builtin)?.id].filter(Boolean);
  const scenarios = wanted.map((id) => {
    const s = known.find((k) => k.id === id);
    if (!s) throw new Error(`unknown scenario "${id}"; choose from: ${known.map((k) => k.id).join(', ')}`);
    return s;
  });
  const dist = resolve(root, options.dist);
  if (!existsSync(join(dist, 'index.html'))) {
    log(`package:scorm: no build in ${relative(root, dist) || '.'}; building it with vite build`);
    const built = spawnSync('npx', ['vite', 'build', '--outDir', dist], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0 || !existsSync(join(dist, 'index.html'))) throw new Error('vite build failed; fix the build, then package again');
  }
  const entries = [];
  for (const file of listFiles(dist)) {
    if (file.endsWith('.map')) continue;
    entries.push({ name: `app/${relative(dist, file).split(sep).join('/')}`, data: readFileSync(file) });
  }
  for (const f of ['launch.html', 'scormBridge.js']) entries.push({ name: `scorm/${f}`, data: readFileSync(join(root, 'scorm', f)) });
  const manifest = buildManifest({ title: options.title, scenarios, files: entries.map((e) => e.name) });
  const zip = createZip([{ name: 'imsmanifest.xml', data: manifest }, ...entries]);
  const out = resolve(root, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  log(`package:scorm: wrote ${relative(root, out)} (${(zip.length / 1024).toFixed(0)} KiB, ${entries.length + 1} files, SCOs: ${scenarios.map((s) => s.id).join(', ')})`);
  return { out, scenarios: scenarios.map((s) => s.id), files: entries.length + 1, bytes: zip.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    packageScorm(parseArgs(process.argv.slice(2)));
  } catch (err) {
    console.error(`package:scorm: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
