/// The report page's own style sheet and script, fixed at compile time.
///
/// Both are written unescaped (``Markup/trusted(_:)``), so they must stay free of the
/// sequences that would end their element early or break XML parsing: the style sheet
/// holds no `<`, `>` or `&`, and the script sits in a CDATA section that HTML parsers read
/// as a comment and holds no `]]>` or `</`. A test checks both.
enum HTMLAssets {
  /// The style sheet: screen and print.
  static let style: StaticString = """

    :root { --fail: #b3261e; --warn: #8a5a00; --pass: #1e6b34; --muted: #5f6368;
      --line: #d0d4d9; --head: #f3f4f6; --accent: #1a56a6; }
    * { box-sizing: border-box; }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: #1f2328; margin: 0 auto; max-width: 1180px; padding: 0 24px 48px; }
    h1 { font-size: 1.6rem; margin: 0 0 4px; }
    h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid var(--line);
      padding-bottom: 4px; }
    h3 { font-size: 1.05rem; margin: 20px 0 6px; }
    code, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.85em; }
    .hash { word-break: break-all; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.9rem; }
    table.compact { width: auto; min-width: 320px; }
    caption { text-align: left; font-weight: 600; padding: 4px 0; }
    th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left;
      vertical-align: top; }
    th { background: var(--head); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    th button { font: inherit; background: none; border: 0; padding: 0; cursor: pointer;
      color: inherit; text-align: left; }
    th[aria-sort="ascending"] button::after { content: " \\25B2"; }
    th[aria-sort="descending"] button::after { content: " \\25BC"; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    #findings dl.facts { display: block; margin: 4px 0 0; font-size: 0.95em; }
    #findings dl.facts dt { float: left; clear: left; margin-right: 6px; }
    #findings dl.facts dd { overflow-wrap: anywhere; }
    #findings { table-layout: fixed; }
    #findings th { font-size: 0.85rem; }
    #findings td { overflow-wrap: anywhere; }
    #findings th:nth-child(1) { width: 7%; }
    #findings th:nth-child(2) { width: 7%; }
    #findings th:nth-child(3) { width: 7%; }
    #findings th:nth-child(4) { width: 10%; }
    #findings th:nth-child(5) { width: 10%; }
    #findings th:nth-child(6) { width: 5%; }
    #findings th:nth-child(7) { width: 9%; }
    #findings th:nth-child(8) { width: 8%; }
    #findings th:nth-child(9) { width: 7%; }
    #findings th:nth-child(10) { width: 5%; }
    #findings th:nth-child(11) { width: 9%; }
    #findings th:nth-child(12) { width: 16%; }
    #findings td.num, #findings td.verdict { overflow-wrap: normal; white-space: normal; }
    .banner { margin: 24px 0 16px; padding: 16px 20px; border-radius: 6px;
      border-left: 8px solid var(--pass); background: #eef7f0; }
    .banner.failed { border-left-color: var(--fail); background: #fbeeed; }
    .banner p { margin: 4px 0 0; }
    .verdict { font-weight: 700; white-space: nowrap; }
    .verdict-fail { color: var(--fail); }
    .verdict-warn { color: var(--warn); }
    .verdict-info { color: var(--accent); }
    .verdict-waived { color: var(--muted); }
    .verdict-insufficient-data { color: var(--muted); }
    .verdict-pass { color: var(--pass); }
    .caution { color: var(--fail); font-weight: 600; }
    .status-withdrawn .citation-text, .status-superseded .citation-text {
      text-decoration: line-through; }
    .muted { color: var(--muted); }
    nav.toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    #findings-controls { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 8px 0;
      align-items: center; }
    details { margin: 6px 0; }
    details summary { cursor: pointer; }
    figure { margin: 12px 0 24px; }
    figcaption { font-size: 0.9rem; color: var(--muted); margin-bottom: 4px; }
    svg.chart { max-width: 100%; height: auto; font-size: 11px; font-family: inherit; }
    svg.chart .axis { stroke: #8c959f; stroke-width: 1; }
    svg.chart .grid { stroke: #e5e7eb; stroke-width: 1; }
    svg.chart .threshold { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 5 3; }
    svg.chart .parity { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 2 2; }
    svg.chart .whisker { stroke: #3d4550; stroke-width: 1.5; }
    svg.chart .mark { fill: var(--accent); }
    svg.chart .mark.below { fill: var(--fail); }
    svg.chart .mark.reference { fill: #8c959f; }
    svg.chart .bar { fill: var(--accent); }
    svg.chart .bar.reference { fill: #8c959f; }
    svg.chart .bar.up { fill: var(--fail); }
    svg.chart .bar.down { fill: var(--pass); }
    svg.chart .bar.total { fill: #3d4550; }
    svg.chart .cell { fill: var(--accent); }
    svg.chart .cell.proxy { stroke: var(--fail); stroke-width: 2.5; }
    svg.chart .frame { fill: none; stroke: var(--line); }
    svg.chart text.label { fill: #1f2328; }
    svg.chart text.value { fill: #1f2328; font-size: 10px; }
    svg.chart text.value.on-dark { fill: #ffffff; }
    svg.chart text.tick { fill: var(--muted); font-size: 10px; }
    footer { margin-top: 40px; font-size: 0.85rem; color: var(--muted); }
    @page { margin: 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      table { font-size: 8pt; }
      nav.toc, #findings-controls { display: none; }
      section.page { break-before: page; }
      section#summary { break-before: auto; }
      table, figure { break-inside: auto; }
      figure svg { break-inside: avoid; }
      tr[hidden] { display: table-row; }
      details::details-content { content-visibility: visible; display: block; }
      details summary { list-style: none; }
      .banner { border: 2px solid var(--line); }
      a { color: inherit; text-decoration: none; }
    }

    """

  /// The script: sorting and filtering of the findings table, and opening details for print.
  ///
  /// It only enhances a page that already shows everything: it adds the filter controls
  /// itself, and opens every `<details>` block before printing. It reads and writes text
  /// through the DOM, never as HTML.
  static let script: StaticString = """
    //<![CDATA[
    (function () {
      "use strict";
      var table = document.getElementById("findings");
      var controls = document.getElementById("findings-controls");
      if (table && controls && table.tBodies.length === 1 && table.tHead) {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var filters = [["verdict", "Verdict"], ["policy", "Policy"], ["group", "Grouping"]];
        var selects = {};
        var count = document.createElement("span");
        var apply = function () {
          var shown = 0;
          rows.forEach(function (row) {
            var visible = filters.every(function (filter) {
              var chosen = selects[filter[0]].value;
              return chosen === "*" || (row.getAttribute("data-" + filter[0]) || "") === chosen;
            });
            row.hidden = !visible;
            if (visible) { shown += 1; }
          });
          count.textContent = shown + " of " + rows.length + " findings shown";
        };
        filters.forEach(function (filter) {
          var values = [];
          rows.forEach(function (row) {
            var value = row.getAttribute("data-" + filter[0]) || "";
            if (values.indexOf(value) === -1) { values.push(value); }
          });
          values.sort();
          var label = document.createElement("label");
          label.appendChild(document.createTextNode(filter[1] + " "));
          var select = document.createElement("select");
          var all = document.createElement("option");
          all.value = "*";
          all.textContent = "all";
          select.appendChild(all);
          values.forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.textContent = value === "" ? "(none)" : value;
            select.appendChild(option);
          });
          select.addEventListener("change", apply);
          label.appendChild(select);
          controls.appendChild(label);
          selects[filter[0]] = select;
        });
        controls.appendChild(count);
        apply();
        var compare = function (left, right) {
          var a = parseFloat(left), b = parseFloat(right);
          var numeric = /^-?[0-9]/;
          if (numeric.test(left) && numeric.test(right) && !isNaN(a) && !isNaN(b)) {
            return a - b;
          }
          return left.localeCompare(right);
        };
        var headers = table.tHead.rows[0].cells;
        Array.prototype.forEach.call(headers, function (header, index) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = header.textContent;
          header.textContent = "";
          header.appendChild(button);
          button.addEventListener("click", function () {
            var ascending = header.getAttribute("aria-sort") !== "ascending";
            Array.prototype.forEach.call(headers, function (other) {
              other.removeAttribute("aria-sort");
            });
            header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var keyed = rows.map(function (row, position) {
              var cell = row.cells[index];
              var key = cell.getAttribute("data-sort");
              return { row: row, position: position,
                key: key === null ? cell.textContent.trim() : key };
            });
            keyed.sort(function (x, y) {
              var order = compare(x.key, y.key);
              return (ascending ? order : -order) || x.position - y.position;
            });
            keyed.forEach(function (entry) { body.appendChild(entry.row); });
          });
        });
      }
      var closed = [];
      window.addEventListener("beforeprint", function () {
        closed = Array.prototype.filter.call(document.querySelectorAll("details"),
          function (element) { return !element.open; });
        closed.forEach(function (element) { element.open = true; });
      });
      window.addEventListener("afterprint", function () {
        closed.forEach(function (element) { element.open = false; });
        closed = [];
      });
    })();
    //]]>

    """
}
