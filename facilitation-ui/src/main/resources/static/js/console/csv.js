/*
 * Reading a registration file as spreadsheets save it (RFC 4180 CSV): its encoding, its
 * separator, quoted cells with line breaks, and each row as the participant the API would
 * register, with what the server would refuse. No page needed and no imports: the console's
 * import uses it, and CsvReaderBrowserTest checks it directly.
 */

/**
 * Decodes a file's bytes as spreadsheets save them: a byte-order mark names UTF-8 or UTF-16;
 * otherwise strict UTF-8, and bytes that are not UTF-8 as Windows-1252, which is what Excel in
 * Spanish saves as "CSV". Answers {text, encoding}, encoding one of utf-8-bom, utf-8, utf-16,
 * windows-1252; the text carries no BOM.
 */
export function decode(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8-bom" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch (notUtf8) {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** The delimiter of the header line: comma, or semicolon/tab when a spreadsheet exported those. */
export function detectDelimiter(text) {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && c in counts) counts[c]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

/**
 * Parses CSV text into records [{line, fields}], line being the physical line (1-based) where the
 * record starts. Quoted fields may hold delimiters, doubled quotes and line breaks; lines end in
 * CRLF, LF or CR; a leading UTF-8 BOM is dropped; blank lines are skipped. An unclosed quote
 * throws {code: "unclosed", line}.
 */
export function parse(text, delimiter) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = delimiter || detectDelimiter(text);
  const records = [];
  let fields = [];
  let field = "";
  let quoted = false;      // inside a quoted field
  let touched = false;     // the current record has any content (even an empty quoted field)
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endField = () => { fields.push(field); field = ""; };
  const endRecord = () => {
    endField();
    if (touched || fields.length > 1 || fields[0] !== "") records.push({ line: recordLine, fields });
    fields = [];
    touched = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === "") { quoted = true; touched = true; quoteLine = line; continue; }
    if (c === sep) { endField(); touched = true; continue; }
    if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    field += c;   // a stray quote inside an unquoted field is kept as text
  }
  if (quoted) throw { code: "unclosed", line: quoteLine };
  if (field !== "" || fields.length || touched) endRecord();
  return records;
}

const fold = s => String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
const squeeze = s => fold(s).replace(/[\s_\-.]+/g, "");

const HEADERS = {
  name: "name", nombre: "name", nombres: "name", nombrecompleto: "name", fullname: "name",
  organization: "organization", organisation: "organization", organizacion: "organization", org: "organization",
  organizationtype: "organizationType", organisationtype: "organizationType", tipoorganizacion: "organizationType",
  tipodeorganizacion: "organizationType", tipoorg: "organizationType",
  sector: "sector",
  gender: "gender", genero: "gender", sexo: "gender",
  agegroup: "ageGroup", age: "ageGroup", edad: "ageGroup", grupoedad: "ageGroup", grupodeedad: "ageGroup", rangoedad: "ageGroup",
  territory: "territory", territorio: "territory",
  area: "area", zona: "area",
  preferredaxisid: "preferredAxisId", preferredaxis: "preferredAxisId", axis: "preferredAxisId", axisid: "preferredAxisId",
  eje: "preferredAxisId", ejepreferido: "preferredAxisId",
  participantid: "participantId", id: "participantId"
};

const GENDERS = {
  female: "female", f: "female", mujer: "female", femenino: "female", femenina: "female", woman: "female",
  male: "male", m: "male", hombre: "male", masculino: "male", man: "male",
  nonbinary: "non-binary", nobinario: "non-binary", nobinaria: "non-binary", nobinarie: "non-binary", nb: "non-binary",
  undisclosed: "undisclosed", prefiereno: "undisclosed", prefierenodecir: "undisclosed", noresponde: "undisclosed",
  nodice: "undisclosed", prefernottosay: "undisclosed"
};
const AREAS = { urban: "urban", urbana: "urban", urbano: "urban", rural: "rural" };
// The API's codes (engine Gender, Area, AgeGroup) and rules (TextRules): checked here so the
// preview shows what the server would refuse before anything is sent.
const GENDER_CODES = ["female", "male", "non-binary", "undisclosed"];
const AREA_CODES = ["urban", "rural"];
const AGE_CODES = ["under-18", "18-29", "30-44", "45-59", "60-plus"];
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_LENGTH = 280;

function ageGroup(value) {
  const v = fold(value).replace(/\s+/g, " ");
  if (/^(under|menos de|menor de|<)\s*-?\s*18$/.test(v) || v === "under-18" || v === "-18") return "under-18";
  if (/^60\s*(\+|plus|-plus|o mas|y mas|or (more|over))$/.test(v) || /^(mas de|over) 60$/.test(v) || v === "60-plus") return "60-plus";
  const range = v.match(/^(\d{2})\s*(?:-|–|a|to|al)\s*(\d{2})(?: anos| years)?$/);
  if (range) return range[1] + "-" + range[2];
  return value;
}

/**
 * Turns parsed records into participant bodies: the first record names the columns (English or
 * Spanish, any case, accents optional). Spanish values of gender, area and age group become the
 * API's codes; an axis may be given by id or by title. Empty cells are left out. Each row carries
 * its problems as keys and data ({key, value, …}), empty when the server should accept it.
 */
export function toParticipants(records, axes = []) {
  if (!records.length) return { rows: [], ignored: [], hasName: false, hasHeader: false };
  const [header, ...data] = records;
  const columns = header.fields.map(name => HEADERS[squeeze(name)] || null);
  const ignored = header.fields.filter((name, i) => !columns[i] && name.trim() !== "");
  const axisOf = value => {
    const v = fold(value);
    const axis = axes.find(a => fold(a.axisId) === v) || axes.find(a => fold(a.title) === v);
    return axis ? axis.axisId : value;
  };
  const rows = data.map(record => {
    const body = {};
    columns.forEach((key, i) => {
      if (!key) return;
      // A line break inside a spreadsheet cell is layout, not content: it becomes a space.
      const value = (record.fields[i] ?? "").replace(/\s*[\r\n]+\s*/g, " ").trim();
      if (value === "" || key in body) return;
      if (key === "gender") body[key] = GENDERS[squeeze(value)] || value;
      else if (key === "area") body[key] = AREAS[squeeze(value)] || value;
      else if (key === "ageGroup") body[key] = ageGroup(value);
      else if (key === "preferredAxisId") body[key] = axisOf(value);
      else body[key] = value;
    });
    return { line: record.line, body };
  }).filter(row => Object.keys(row.body).length);
  const firstLineOfId = new Map();
  for (const row of rows) row.problems = problemsOf(row, axes, firstLineOfId, header.fields, columns);
  return { rows, ignored, hasName: columns.includes("name"), hasHeader: true };
}

function problemsOf({ line, body }, axes, firstLineOfId, headerFields, columns) {
  const problems = [];
  if (!body.name) problems.push({ key: "name" });
  if (!body.organization) problems.push({ key: "organization" });
  if (body.gender && !GENDER_CODES.includes(body.gender)) problems.push({ key: "gender", value: body.gender });
  if (body.area && !AREA_CODES.includes(body.area)) problems.push({ key: "area", value: body.area });
  if (body.ageGroup && !AGE_CODES.includes(body.ageGroup)) problems.push({ key: "ageGroup", value: body.ageGroup });
  if (body.preferredAxisId && axes.length && !axes.some(a => a.axisId === body.preferredAxisId)) {
    problems.push({ key: "axis", value: body.preferredAxisId });
  }
  for (const [field, value] of Object.entries(body)) {
    const length = [...value].length;
    if (length > MAX_LENGTH) problems.push({ key: "long", column: headerFields[columns.indexOf(field)].trim(), length, max: MAX_LENGTH });
  }
  const id = body.participantId;
  if (id !== undefined) {
    if (!ID.test(id)) problems.push({ key: "id", value: id });
    else if (firstLineOfId.has(id)) problems.push({ key: "duplicate", value: id, first: firstLineOfId.get(id) });
    else firstLineOfId.set(id, line);
  }
  return problems;
}

