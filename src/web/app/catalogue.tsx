/**
 * The catalogue: a CSV file uploaded (chosen or dropped), streamed through
 * the API and read back as it arrives; then a sortable, filterable table of
 * every row (only the visible rows are drawn, so 100,000 rows do not freeze
 * the page), the map, and the classified CSV to download.
 */
import { inputValue, inputChecked } from "./dom.js";
import { useMemo, useRef, useState } from "preact/hooks";
import { compareDecimalText, CsvReader } from "./csv.js";
import { mapUrl } from "./http.js";
import { clauseClass } from "./result.js";

const ROW_HEIGHT = 28;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const VISIBLE_ROWS = 24;
const NUMERIC = new Set(["tpp", "performance_density"]);

interface Table {
  header: string[];
  rows: string[][];
}

/** The columns shown: the part, then the result columns the server appended (from `tpp` on). */
function shownColumns(header: string[]): number[] {
  const first = header.indexOf("tpp");
  const part = header.indexOf("part");
  const results = first < 0 ? [] : header.map((_, index) => index).slice(first);
  return [...(part >= 0 ? [part] : []), ...results];
}

export function CataloguePage({ date }: { date: string }) {
  const [table, setTable] = useState<Table | null>(null);
  const [progress, setProgress] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const [source, setSource] = useState<File | null>(null);
  const [map, setMap] = useState<string | null>(null);
  const [sort, setSort] = useState<{ column: number; descending: boolean } | null>(null);
  const [filters, setFilters] = useState({ clause: "", eccn: "", indeterminate: false, invalid: false, search: "" });
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);

  const upload = async (file: File) => {
    setTable(null);
    setError(null);
    setMap(null);
    setDownload(null);
    setProgress(`Sending ${file.name} (${file.size.toLocaleString()} bytes)…`);
    setSource(file);
    const type = /\.xlsx$/i.test(file.name) ? XLSX : "text/csv";
    const response = await fetch(`/api/v1/catalogue?format=csv&date=${encodeURIComponent(date)}`, {
      method: "POST",
      headers: { "content-type": type },
      body: file,
    });
    if (!response.ok || !response.body) {
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setError(body.error?.message ?? `the server answered ${response.status}`);
      setProgress("");
      return;
    }
    const reader = new CsvReader();
    const decoder = new TextDecoder();
    const pieces: string[] = [];
    let header: string[] | null = null;
    const rows: string[][] = [];
    const take = (records: string[][]) => {
      for (const record of records) {
        if (!header) header = record;
        else rows.push(record);
      }
    };
    const stream = response.body.getReader();
    let last = 0;
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      pieces.push(text);
      take(reader.push(text));
      if (performance.now() - last > 200) {
        last = performance.now();
        setProgress(`${rows.length.toLocaleString()} rows classified…`);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }
    take(reader.push(decoder.decode()));
    take(reader.end());
    setTable({ header: header ?? [], rows });
    setProgress(`${rows.length.toLocaleString()} rows classified from ${file.name}`);
    const classified = new Blob(pieces, { type: "text/csv" });
    setDownload({
      url: URL.createObjectURL(classified),
      name: file.name.replace(/(\.csv|\.xlsx)?$/i, ".classified.csv"),
    });
    void mapUrl(classified, "text/csv", date).then(setMap);
  };

  const downloadWorkbook = async () => {
    if (!source) return;
    const type = /\.xlsx$/i.test(source.name) ? XLSX : "text/csv";
    const response = await fetch(`/api/v1/catalogue?format=xlsx&date=${encodeURIComponent(date)}`, {
      method: "POST",
      headers: { "content-type": type },
      body: source,
    });
    if (!response.ok) return;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = source.name.replace(/(\.csv|\.xlsx)?$/i, ".classified.xlsx");
    link.click();
  };

  const columns = table ? shownColumns(table.header) : [];
  const at = (name: string) => table?.header.indexOf(name) ?? -1;
  const distinct = (name: string) => {
    const index = at(name);
    return index < 0 || !table ? [] : [...new Set(table.rows.map((row) => row[index] ?? ""))].filter(Boolean).sort();
  };
  const clauses = useMemo(() => distinct("clause"), [table]);
  const eccns = useMemo(() => distinct("eccn"), [table]);

  const visible = useMemo(() => {
    if (!table) return [];
    const clause = at("clause");
    const eccn = at("eccn");
    const error = at("error");
    const part = at("part");
    const search = filters.search.toLowerCase();
    let indices = table.rows.map((_, index) => index);
    indices = indices.filter((index) => {
      const row = table.rows[index]!;
      if (filters.clause && row[clause] !== filters.clause) return false;
      if (filters.eccn && row[eccn] !== filters.eccn) return false;
      if (filters.indeterminate && row[clause] !== "indeterminate") return false;
      if (filters.invalid && !row[error]) return false;
      if (search && !(row[part] ?? "").toLowerCase().includes(search)) return false;
      return true;
    });
    if (sort) {
      const name = table.header[sort.column] ?? "";
      const compare = NUMERIC.has(name) ? compareDecimalText : (a: string, b: string) => a.localeCompare(b);
      indices.sort(
        (a, b) =>
          compare(table.rows[a]![sort.column] ?? "", table.rows[b]![sort.column] ?? "") * (sort.descending ? -1 : 1),
      );
    }
    return indices;
  }, [table, filters, sort]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 4);
  const slice = visible.slice(first, first + VISIBLE_ROWS + 8);
  const invalidCount = useMemo(() => (table ? table.rows.filter((row) => row[at("error")]).length : 0), [table]);

  return (
    <div>
      <section
        class="drop"
        aria-label="Upload"
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          const file = event.dataTransfer?.files[0];
          if (file) void upload(file);
        }}
      >
        <label>
          Choose or drop a catalogue, CSV or Excel (columns: part, kind, datacenter, tops_&lt;format&gt;, die_area_mm2,
          …){" "}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv"
            data-testid="catalogue-file"
            onChange={(event) => {
              const file = (event.target as HTMLInputElement).files?.[0];
              if (file) void upload(file);
            }}
          />
        </label>
        <p role="status" data-testid="progress">
          {progress}
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </section>
      {table && (
        <>
          <div class="filters">
            <label>
              Clause{" "}
              <select
                value={filters.clause}
                onChange={(event) => setFilters({ ...filters, clause: inputValue(event) })}
              >
                <option value="">all</option>
                {clauses.map((clause) => (
                  <option key={clause}>{clause}</option>
                ))}
              </select>
            </label>
            <label>
              ECCN{" "}
              <select value={filters.eccn} onChange={(event) => setFilters({ ...filters, eccn: inputValue(event) })}>
                <option value="">all</option>
                {eccns.map((eccn) => (
                  <option key={eccn}>{eccn}</option>
                ))}
              </select>
            </label>
            <label>
              <input
                type="checkbox"
                checked={filters.indeterminate}
                onChange={(event) => setFilters({ ...filters, indeterminate: inputChecked(event) })}
              />{" "}
              indeterminate
            </label>
            <label>
              <input
                type="checkbox"
                checked={filters.invalid}
                onChange={(event) => setFilters({ ...filters, invalid: inputChecked(event) })}
              />{" "}
              invalid ({invalidCount})
            </label>
            <label>
              Part contains{" "}
              <input
                value={filters.search}
                onInput={(event) => setFilters({ ...filters, search: inputValue(event) })}
              />
            </label>
            <span data-testid="row-count">
              {visible.length.toLocaleString()} of {table.rows.length.toLocaleString()} rows
            </span>
            {download && (
              <a class="button" href={download.url} download={download.name}>
                Download the classified CSV
              </a>
            )}
            <button type="button" onClick={() => void downloadWorkbook()} data-testid="download-xlsx">
              Download as Excel
            </button>
          </div>
          <div
            class="viewport"
            ref={viewport}
            style={{ height: `${(VISIBLE_ROWS + 1) * ROW_HEIGHT}px` }}
            onScroll={(event) => setScrollTop((event.target as HTMLDivElement).scrollTop)}
          >
            <table class="catalogue" data-testid="catalogue-table">
              <thead>
                <tr>
                  <th>row</th>
                  {columns.map((column) => (
                    <th
                      key={column}
                      aria-sort={sort?.column === column ? (sort.descending ? "descending" : "ascending") : "none"}
                    >
                      <button
                        type="button"
                        onClick={() =>
                          setSort({ column, descending: sort?.column === column ? !sort.descending : false })
                        }
                      >
                        {table.header[column]}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an empty spacer row that keeps the scroll height; nothing in it can take focus. */}
                <tr style={{ height: `${first * ROW_HEIGHT}px` }} aria-hidden="true" />
                {slice.map((index) => {
                  const row = table.rows[index]!;
                  return (
                    <tr key={index} class={row[at("error")] ? "invalid" : ""}>
                      <td>{index + 2}</td>
                      {columns.map((column) => (
                        <td key={column} title={row[column] ?? ""}>
                          {table.header[column] === "clause" && row[column] ? (
                            <span class={clauseClass(row[column]!)}>{row[column]}</span>
                          ) : (
                            row[column]
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                })}
                {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: the spacer row after the visible slice. */}
                <tr
                  style={{ height: `${Math.max(0, visible.length - first - slice.length) * ROW_HEIGHT}px` }}
                  aria-hidden="true"
                />
              </tbody>
            </table>
          </div>
          {map && (
            <img
              class="map"
              src={map}
              alt="The catalogue on the TPP × performance density map"
              data-testid="catalogue-map"
            />
          )}
        </>
      )}
    </div>
  );
}
