package dev.preflight.report;

/**
 * The HTML report's style sheet, inline in every page. Long URLs and names wrap anywhere, tables
 * have a fixed layout so no cell widens the page, and print leaves out the navigation and keeps
 * rows whole.
 */
final class HtmlStyle {
  static final String CSS =
      """
      body{font:15px/1.45 system-ui,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0 auto;\
      padding:1em 1.5em;max-width:76em}
      h1{font-size:1.6em;margin:.3em 0}
      h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid #d0d7de}
      h3{font-size:1.1em;margin:1.2em 0 .4em}
      p,li,td,code,summary{overflow-wrap:anywhere}
      code{font-family:ui-monospace,Consolas,"Liberation Mono",monospace;font-size:.92em}
      table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.4em 0 1em}
      th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f6f8fa}
      col.status{width:5.5em}col.cause{width:14em}col.route{width:11em}col.time{width:6em}
      col.finding{width:6em}col.label{width:9em}
      .PASS,.READY{color:#1a7f37}.WARN,.DEGRADED,.UNKNOWN{color:#9a6700}.SKIP{color:#57606a}
      .FAIL,.BLOCKED{color:#cf222e;font-weight:bold}
      .meaning{font-size:1.1em}
      nav ul{padding-left:1.2em;margin:.2em 0}
      ul.toc{columns:2 22em}
      ol.findings>li{margin-bottom:.9em}
      .remedy{margin:.2em 0}
      details{margin:.3em 0}
      summary{cursor:pointer;color:#57606a}
      @media print{body{max-width:none;padding:0;font-size:10.5pt}nav{display:none}\
      a{color:inherit;text-decoration:none}tr,li{break-inside:avoid}h2,h3{break-after:avoid}\
      th{background:none}}
      """;

  private HtmlStyle() {}
}
