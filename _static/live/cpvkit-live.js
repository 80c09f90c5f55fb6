/* Live calculators for the book's pages: no kernel, no server, no request to another host.
 *
 * Each calculator snapshot on a page carries its declaration as JSON (inputs, labels, bounds,
 * choices, message templates and the inputs it was drawn with; see cpvkit/widgets/_live.py).
 * This script builds the same inputs from it, computes the same numbers as cpvkit (a test
 * checks them against cpvkit in a browser) and redraws results, table and chart on every edit.
 * Where scripts do not run, the static snapshot stays.
 */
(function () {
  "use strict";

  var CALCS = {};

  function InputError(message) {
    this.message = message;
  }

  function fill(template, parts) {
    var text = template;
    Object.keys(parts).forEach(function (key) {
      text = text.split("{" + key + "}").join(String(parts[key]));
    });
    return text;
  }

  /* ------------------------------------------------------------ Python-like text handling */

  var PY_WS = "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
  var STRIP = new RegExp("^" + PY_WS + "+|" + PY_WS + "+$", "g");
  var PY_SPACE = new RegExp(PY_WS);

  function pyStrip(text) {
    return String(text).replace(STRIP, "");
  }

  function pyRepr(text) {
    var quote = "'";
    if (text.indexOf("'") >= 0 && text.indexOf('"') < 0) quote = '"';
    var out = quote;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var code = text.charCodeAt(i);
      if (ch === quote || ch === "\\") out += "\\" + ch;
      else if (ch === "\n") out += "\\n";
      else if (ch === "\r") out += "\\r";
      else if (ch === "\t") out += "\\t";
      else if (code < 0x20 || (code >= 0x7f && code < 0xa1) || code === 0xad)
        out += "\\x" + (code < 16 ? "0" : "") + code.toString(16);
      else out += ch;
    }
    return out + quote;
  }

  var FLOAT = /^[+-]?(?:(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?|inf|infinity|nan)$/i;
  var THOUSANDS = /^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?$/;

  function toFloat(body) {
    var lower = body.toLowerCase().replace(/^\+/, "");
    var sign = 1;
    if (lower[0] === "-") {
      sign = -1;
      lower = lower.slice(1);
    }
    if (lower === "inf" || lower === "infinity") return sign * Infinity;
    if (lower === "nan") return NaN;
    return sign * Number(lower.split("_").join(""));
  }

  /* the same reading and checks as cpvkit.widgets._live.read_number */
  function readNumber(field, text, messages) {
    var raw = pyStrip(text == null ? "" : text).split("\u2212").join("-");
    var label = field.label;
    if (raw === "") {
      if (field.optional) return null;
      throw new InputError(fill(messages.empty, { label: label }));
    }
    var quoted = pyRepr(raw);
    var percent = raw[raw.length - 1] === "%";
    var body = percent ? pyStrip(raw.slice(0, -1)) : raw;
    if (THOUSANDS.test(body)) body = body.split(",").join("");
    if (!FLOAT.test(body)) throw new InputError(fill(messages.not_number, { label: label, raw: quoted }));
    var number = toFloat(body);
    if (percent) number /= 100;
    if (!isFinite(number)) throw new InputError(fill(messages.not_finite, { label: label, raw: quoted }));
    if (field.limit != null && Math.abs(number) > field.limit)
      throw new InputError(fill(messages.too_large, { label: label, raw: quoted, limit: field.limit_text }));
    if (field.kind === "int" && !Number.isInteger(number))
      throw new InputError(fill(messages.not_whole, { label: label, raw: quoted }));
    var bad =
      (field.low != null && (field.low_open ? number <= field.low : number < field.low)) ||
      (field.high != null && (field.high_open ? number >= field.high : number > field.high));
    if (bad) {
      var shown = field.kind === "int" ? String(number) : pyG(number);
      throw new InputError(fill(messages.out_of_range, { label: label, raw: quoted, value: shown, rule: field.rule }));
    }
    return number;
  }

  /* Python's format(x, "g"): six significant digits, no trailing zeros */
  function pyG(x) {
    if (Number.isNaN(x)) return "nan";
    if (!isFinite(x)) return x > 0 ? "inf" : "-inf";
    if (x === 0) return 1 / x < 0 ? "-0" : "0";
    var expo = x.toExponential(5);
    var e = Number(expo.split("e")[1]);
    var strip = function (m) {
      return m.indexOf(".") >= 0 ? m.replace(/0+$/, "").replace(/\.$/, "") : m;
    };
    if (e < -4 || e >= 6) {
      var parts = expo.split("e");
      var sign = e < 0 ? "-" : "+";
      var digits = String(Math.abs(e));
      return strip(parts[0]) + "e" + sign + (digits.length < 2 ? "0" + digits : digits);
    }
    return strip(x.toFixed(5 - e));
  }

  /* one line, single spaces (as cpvkit.widgets._base._plain) */
  var RUNS = new RegExp(PY_WS + "+", "g");
  function plain(message) {
    return pyStrip(message).replace(RUNS, " ");
  }

  /* the message as the Jupyter calculator words it: a leading input name becomes its label */
  function labelled(spec, message) {
    var relabel = spec.relabel || [];
    for (var i = 0; i < relabel.length; i++) {
      var name = relabel[i][0];
      if (message.indexOf(name) === 0) {
        var next = message.charAt(name.length);
        if (next === "" || next === ":" || next === "[" || PY_SPACE.test(next)) return relabel[i][1] + message.slice(name.length);
      }
    }
    return message;
  }

  /* ------------------------------------------------------------ formatting */

  var formats = {};
  function fmt(x, digits) {
    if (x === null || x === undefined || Number.isNaN(x)) return "";
    if (!isFinite(x)) return x > 0 ? "inf" : "-inf";
    var key = digits == null ? 2 : digits;
    if (!formats[key])
      formats[key] = new Intl.NumberFormat("en-US", { minimumFractionDigits: key, maximumFractionDigits: key });
    var text = formats[key].format(x);
    return text === "-0" || /^-0\.0*$/.test(text) ? text.slice(1) : text;
  }
  function signed(x, digits) {
    var text = fmt(x, digits);
    return x >= 0 && text[0] !== "-" ? "+" + text : text;
  }
  function pct(x, digits) {
    return fmt(100 * x, digits || 0) + "%";
  }
  function esc(text) {
    return String(text)
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#x27;");
  }

  /* a small table: columns, rows of cells (numbers formatted with digits) */
  function table(columns, rows, digits, caption) {
    var out = ['<div class="cpvkit-live-scroll"><table class="cpvkit-live-table">'];
    if (caption) out.push("<caption>" + esc(caption) + "</caption>");
    out.push("<thead><tr>");
    columns.forEach(function (c) {
      out.push('<th scope="col">' + esc(c) + "</th>");
    });
    out.push("</tr></thead><tbody>");
    rows.forEach(function (row) {
      out.push("<tr>");
      row.forEach(function (cell, i) {
        var number = typeof cell === "number";
        var d = Array.isArray(digits) ? digits[i] : digits;
        var text = number ? fmt(cell, d == null ? 2 : d) : esc(cell == null ? "" : cell);
        if (i === 0 && !number) out.push('<th scope="row">' + text + "</th>");
        else out.push("<td" + (number ? ' class="num"' : "") + ">" + text + "</td>");
      });
      out.push("</tr>");
    });
    out.push("</tbody></table></div>");
    return out.join("");
  }

  /* ------------------------------------------------------------ charts (SVG) */

  var COLOURS = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#7F7F7F", "#F0E442"];

  function niceTicks(lo, hi, count) {
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    var span = hi - lo;
    var step = Math.pow(10, Math.floor(Math.log10(span / (count || 5))));
    var err = span / (count || 5) / step;
    if (err >= 7.5) step *= 10;
    else if (err >= 3.5) step *= 5;
    else if (err >= 1.5) step *= 2;
    var ticks = [];
    var start = Math.ceil(lo / step - 1e-9) * step;
    for (var t = start; t <= hi + step * 1e-9 && ticks.length < 50; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
    return { ticks: ticks, step: step };
  }

  function tickText(t, step) {
    var digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)));
    return fmt(t, digits);
  }

  function svgOpen(w, h, title) {
    return (
      '<svg class="cpvkit-live-svg" viewBox="0 0 ' + w + " " + h + '" role="img" aria-label="' + esc(title) +
      '" xmlns="http://www.w3.org/2000/svg"><title>' + esc(title) + "</title>" +
      '<text x="' + w / 2 + '" y="16" text-anchor="middle" class="t">' + esc(title) + "</text>"
    );
  }

  function extent(values, includeZero) {
    var lo = includeZero ? 0 : Infinity;
    var hi = includeZero ? 0 : -Infinity;
    values.forEach(function (v) {
      if (isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    });
    if (!isFinite(lo)) {
      lo = 0;
      hi = 1;
    }
    if (hi === lo) hi = lo + 1;
    return [lo, hi];
  }

  /* horizontal bars: labels, values, colours per bar */
  function hbars(o) {
    var n = o.labels.length;
    var row = 22;
    var w = 640;
    var left = o.left || 190;
    var right = 20;
    var top = 28;
    var h = top + n * row + 40;
    var ext = extent(o.values, true);
    var ticks = niceTicks(ext[0], ext[1], 5);
    var lo = Math.min(ext[0], ticks.ticks[0]);
    var hi = Math.max(ext[1], ticks.ticks[ticks.ticks.length - 1]);
    var sx = function (v) {
      return left + ((v - lo) / (hi - lo)) * (w - left - right);
    };
    var out = [svgOpen(w, h, o.title)];
    ticks.ticks.forEach(function (t) {
      var x = sx(t);
      out.push('<line class="g" x1="' + x + '" x2="' + x + '" y1="' + top + '" y2="' + (top + n * row) + '"/>');
      out.push('<text class="k" x="' + x + '" y="' + (top + n * row + 14) + '" text-anchor="middle">' + tickText(t, ticks.step) + "</text>");
    });
    o.values.forEach(function (v, i) {
      var y = top + i * row + 3;
      var x0 = sx(0);
      var x1 = sx(isFinite(v) ? v : 0);
      var colour = o.colours ? o.colours[i] : COLOURS[0];
      out.push(
        '<rect x="' + Math.min(x0, x1) + '" y="' + y + '" width="' + Math.max(Math.abs(x1 - x0), 0.5) + '" height="' + (row - 6) +
          '" fill="' + colour + '"' + (o.outline && o.outline[i] ? ' stroke="#000" stroke-width="1.2"' : "") + "><title>" +
          esc(o.labels[i] + ": " + fmt(v, o.digits == null ? 2 : o.digits)) + "</title></rect>"
      );
      out.push('<text class="k" x="' + (left - 6) + '" y="' + (y + row / 2) + '" text-anchor="end">' + esc(o.labels[i]) + "</text>");
    });
    out.push('<line class="z" x1="' + sx(0) + '" x2="' + sx(0) + '" y1="' + top + '" y2="' + (top + n * row) + '"/>');
    if (o.xlabel) out.push('<text class="k" x="' + (left + (w - left - right) / 2) + '" y="' + (h - 6) + '" text-anchor="middle">' + esc(o.xlabel) + "</text>");
    out.push("</svg>");
    return out.join("");
  }

  /* vertical bars, possibly stacked: categories, stacks [{values, colour, label}] */
  function vbars(o) {
    var w = o.width || 640;
    var h = (o.height || 300) + (o.legend ? 20 * o.stacks.length : 0);
    var left = 84;
    var right = 16;
    var top = 30;
    var bottom = 50 + (o.legend ? 20 * o.stacks.length : 0);
    var n = o.categories.length;
    var totals = o.categories.map(function (_, i) {
      return o.stacks.reduce(function (s, st) {
        return s + (isFinite(st.values[i]) ? Math.max(st.values[i], 0) : 0);
      }, 0);
    });
    var negatives = o.stacks.reduce(function (acc, st) {
      return acc.concat(st.values.filter(function (v) { return v < 0; }));
    }, []);
    var ext = extent(totals.concat(negatives), true);
    var ticks = niceTicks(ext[0], ext[1], 5);
    var lo = Math.min(ext[0], ticks.ticks[0]);
    var hi = Math.max(ext[1], ticks.ticks[ticks.ticks.length - 1]);
    var ih = h - top - bottom;
    var sy = function (v) {
      return top + ih - ((v - lo) / (hi - lo)) * ih;
    };
    var band = (w - left - right) / n;
    var out = [svgOpen(w, h, o.title)];
    ticks.ticks.forEach(function (t) {
      var y = sy(t);
      out.push('<line class="g" x1="' + left + '" x2="' + (w - right) + '" y1="' + y + '" y2="' + y + '"/>');
      out.push('<text class="k" x="' + (left - 4) + '" y="' + (y + 4) + '" text-anchor="end">' + tickText(t, ticks.step) + "</text>");
    });
    var thin = n > 40;
    o.categories.forEach(function (c, i) {
      var base = 0;
      var x = left + i * band + band * (thin ? 0.05 : 0.2);
      var bw = band * (thin ? 0.9 : 0.6);
      o.stacks.forEach(function (st) {
        var v = isFinite(st.values[i]) ? st.values[i] : 0;
        var y0 = sy(v >= 0 ? base : 0);
        var y1 = sy(v >= 0 ? base + v : v);
        var colour = st.colours ? st.colours[i] : st.colour;
        out.push(
          '<rect x="' + x + '" y="' + Math.min(y0, y1) + '" width="' + bw + '" height="' + Math.max(Math.abs(y1 - y0), 0) +
            '" fill="' + colour + '"><title>' + esc(c + (st.label ? ", " + st.label : "") + ": " + fmt(v, o.digits == null ? 1 : o.digits)) + "</title></rect>"
        );
        if (v >= 0) base += v;
      });
      var every = Math.ceil(n / 12);
      if (i % every === 0 || i === n - 1)
        out.push('<text class="k" x="' + (left + (i + 0.5) * band) + '" y="' + (top + ih + 14) + '" text-anchor="middle">' + esc(c) + "</text>");
      if (o.totals) out.push('<text class="k" x="' + (left + (i + 0.5) * band) + '" y="' + (sy(totals[i]) - 4) + '" text-anchor="middle">' + fmt(totals[i], 0) + "</text>");
    });
    out.push('<line class="z" x1="' + left + '" x2="' + (w - right) + '" y1="' + sy(0) + '" y2="' + sy(0) + '"/>');
    if (o.ylabel) out.push('<text class="k" transform="translate(14,' + (top + ih / 2) + ') rotate(-90)" text-anchor="middle">' + esc(o.ylabel) + "</text>");
    if (o.xlabel) out.push('<text class="k" x="' + (left + (w - left - right) / 2) + '" y="' + (top + ih + 32) + '" text-anchor="middle">' + esc(o.xlabel) + "</text>");
    if (o.legend) out.push(legend(o.stacks.map(function (s) { return [s.label, s.colour]; }), left, top + ih + 54));
    out.push("</svg>");
    return out.join("");
  }

  /* one legend entry per row (the text size differs between a phone and a desktop) */
  function legend(items, x, y) {
    var out = [];
    items.forEach(function (item, i) {
      var yy = y + 20 * i;
      out.push('<rect x="' + x + '" y="' + (yy - 10) + '" width="12" height="12" fill="' + item[1] + '"/>');
      out.push('<text class="k" x="' + (x + 18) + '" y="' + yy + '">' + esc(item[0]) + "</text>");
    });
    return out.join("");
  }

  /* lines: series [{x: [], y: [], colour, label}], optional hlines [{y, colour}] */
  function lines(o) {
    var w = 640;
    var h = (o.height || 300) + 20 * o.series.length;
    var left = 70;
    var right = 16;
    var top = 30;
    var bottom = 46 + 20 * o.series.length;
    var xs = [];
    var ys = [];
    o.series.forEach(function (s) {
      xs = xs.concat(s.x);
      ys = ys.concat(s.y);
    });
    (o.hlines || []).forEach(function (l) {
      ys.push(l.y);
    });
    var ex = extent(xs, false);
    var ey = extent(ys, o.zero !== false);
    var tx = niceTicks(ex[0], ex[1], 6);
    var ty = niceTicks(ey[0], ey[1], 5);
    var ylo = Math.min(ey[0], ty.ticks[0]);
    var yhi = Math.max(ey[1], ty.ticks[ty.ticks.length - 1]);
    var iw = w - left - right;
    var ih = h - top - bottom;
    var sx = function (v) {
      return left + ((v - ex[0]) / (ex[1] - ex[0])) * iw;
    };
    var sy = function (v) {
      return top + ih - ((v - ylo) / (yhi - ylo)) * ih;
    };
    var out = [svgOpen(w, h, o.title)];
    ty.ticks.forEach(function (t) {
      var y = sy(t);
      out.push('<line class="g" x1="' + left + '" x2="' + (w - right) + '" y1="' + y + '" y2="' + y + '"/>');
      out.push('<text class="k" x="' + (left - 4) + '" y="' + (y + 4) + '" text-anchor="end">' + tickText(t, ty.step) + "</text>");
    });
    tx.ticks.forEach(function (t) {
      if (t < ex[0] - 1e-9 || t > ex[1] + 1e-9) return;
      out.push('<text class="k" x="' + sx(t) + '" y="' + (top + ih + 14) + '" text-anchor="middle">' + tickText(t, tx.step) + "</text>");
    });
    if (ylo < 0 && yhi > 0) out.push('<line class="z" x1="' + left + '" x2="' + (w - right) + '" y1="' + sy(0) + '" y2="' + sy(0) + '"/>');
    (o.hlines || []).forEach(function (l) {
      out.push('<line x1="' + left + '" x2="' + (w - right) + '" y1="' + sy(l.y) + '" y2="' + sy(l.y) + '" stroke="' + l.colour + '" stroke-dasharray="5 4"/>');
    });
    o.series.forEach(function (s) {
      var step = Math.max(1, Math.floor(s.x.length / 600));
      var pts = [];
      for (var i = 0; i < s.x.length; i += step) pts.push(sx(s.x[i]).toFixed(1) + "," + sy(s.y[i]).toFixed(1));
      if ((s.x.length - 1) % step) pts.push(sx(s.x[s.x.length - 1]).toFixed(1) + "," + sy(s.y[s.y.length - 1]).toFixed(1));
      out.push('<polyline fill="none" stroke="' + s.colour + '" stroke-width="2" points="' + pts.join(" ") + '"/>');
    });
    if (o.xlabel) out.push('<text class="k" x="' + (left + iw / 2) + '" y="' + (top + ih + 32) + '" text-anchor="middle">' + esc(o.xlabel) + "</text>");
    if (o.ylabel) out.push('<text class="k" transform="translate(14,' + (top + ih / 2) + ') rotate(-90)" text-anchor="middle">' + esc(o.ylabel) + "</text>");
    out.push(legend(o.series.map(function (s) { return [s.label, s.colour]; }), left, top + ih + 54));
    out.push("</svg>");
    return out.join("");
  }

  /* scatter with labelled points and a crosshair: points [{x, y, label, colour}] */
  function scatter(o) {
    var w = 640;
    var h = 460;
    var left = 60;
    var right = 20;
    var top = 30;
    var bottom = 50;
    var ex = o.xrange || extent(o.points.map(function (p) { return p.x; }).concat([o.cx]), false);
    var ey = o.yrange || extent(o.points.map(function (p) { return p.y; }).concat([o.cy]), false);
    var padx = (ex[1] - ex[0]) * 0.08;
    var pady = (ey[1] - ey[0]) * 0.08;
    if (!o.xrange) ex = [ex[0] - padx, ex[1] + padx];
    if (!o.yrange) ey = [ey[0] - pady, ey[1] + pady];
    var iw = w - left - right;
    var ih = h - top - bottom;
    var sx = function (v) {
      return left + ((v - ex[0]) / (ex[1] - ex[0])) * iw;
    };
    var sy = function (v) {
      return top + ih - ((v - ey[0]) / (ey[1] - ey[0])) * ih;
    };
    var out = [svgOpen(w, h, o.title)];
    out.push('<rect x="' + left + '" y="' + top + '" width="' + iw + '" height="' + ih + '" fill="none" stroke="#999"/>');
    [niceTicks(ex[0], ex[1], 6), niceTicks(ey[0], ey[1], 6)].forEach(function (tk, axis) {
      tk.ticks.forEach(function (t) {
        if (axis === 0 && t >= ex[0] && t <= ex[1])
          out.push('<text class="k" x="' + sx(t) + '" y="' + (top + ih + 14) + '" text-anchor="middle">' + tickText(t, tk.step) + "</text>");
        if (axis === 1 && t >= ey[0] && t <= ey[1])
          out.push('<text class="k" x="' + (left - 4) + '" y="' + (sy(t) + 4) + '" text-anchor="end">' + tickText(t, tk.step) + "</text>");
      });
    });
    (o.quadrants || []).forEach(function (q) {
      out.push('<text class="q" x="' + (q[0] ? left + iw - 6 : left + 6) + '" y="' + (q[1] ? top + 16 : top + ih - 8) + '" text-anchor="' + (q[0] ? "end" : "start") + '">' + esc(q[2]) + "</text>");
    });
    out.push('<line class="z" x1="' + sx(o.cx) + '" x2="' + sx(o.cx) + '" y1="' + top + '" y2="' + (top + ih) + '" stroke-dasharray="4 3"/>');
    out.push('<line class="z" x1="' + left + '" x2="' + (left + iw) + '" y1="' + sy(o.cy) + '" y2="' + sy(o.cy) + '" stroke-dasharray="4 3"/>');
    o.points.forEach(function (p) {
      if (!isFinite(p.x) || !isFinite(p.y)) return;
      out.push('<circle cx="' + sx(p.x) + '" cy="' + sy(p.y) + '" r="5" fill="' + (p.colour || COLOURS[0]) + '"><title>' + esc(p.label) + "</title></circle>");
      out.push('<text class="k" x="' + (sx(p.x) + 7) + '" y="' + (sy(p.y) - 6) + '">' + esc(p.label.length > 28 ? p.label.slice(0, 27) + "…" : p.label) + "</text>");
    });
    if (o.xlabel) out.push('<text class="k" x="' + (left + iw / 2) + '" y="' + (h - 8) + '" text-anchor="middle">' + esc(o.xlabel) + "</text>");
    if (o.ylabel) out.push('<text class="k" transform="translate(14,' + (top + ih / 2) + ') rotate(-90)" text-anchor="middle">' + esc(o.ylabel) + "</text>");
    out.push("</svg>");
    return out.join("");
  }

  /* ------------------------------------------------------------ compute entry point */

  function context(spec, values) {
    var fields = {};
    spec.fields.forEach(function (f) {
      fields[f.name] = f;
    });
    return {
      spec: spec,
      values: values,
      field: function (name) {
        return fields[name];
      },
      num: function (name) {
        return readNumber(fields[name], values[name], spec.messages);
      },
      raw: function (name) {
        return values[name];
      },
      name: function (name) {
        return name;
      },
      fail: function (message) {
        throw new InputError(message);
      },
    };
  }

  function defaults(spec) {
    var values = {};
    spec.fields.forEach(function (f) {
      values[f.name] = f.value;
    });
    return values;
  }

  /* compute one input set: {ok, numbers, result} or {ok: false, message} */
  function compute(spec, values) {
    var calc = CALCS[spec.calculator];
    var all = Object.assign(defaults(spec), values || {});
    var ctx = context(spec, all);
    try {
      var result = calc.compute(ctx);
      return { ok: true, numbers: result.numbers, result: result, ctx: ctx };
    } catch (err) {
      if (err instanceof InputError) return { ok: false, message: labelled(spec, plain(err.message)) };
      return { ok: false, message: "These inputs cannot be computed.", internal: String(err && err.stack || err) };
    }
  }

  /* ------------------------------------------------------------ the page */

  var counter = 0;

  function control(field, id) {
    var el;
    if (field.kind === "choice") {
      el = document.createElement("select");
      field.options.forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = JSON.stringify(o[1]);
        opt.textContent = o[0];
        if (JSON.stringify(o[1]) === JSON.stringify(field.value)) opt.selected = true;
        el.appendChild(opt);
      });
    } else if (field.kind === "flag") {
      el = document.createElement("input");
      el.type = "checkbox";
      el.checked = !!field.value;
    } else if (field.kind === "upload") {
      el = document.createElement("input");
      el.type = "file";
      el.accept = ".csv,text/csv,text/plain";
    } else if (field.kind === "text" && field.rows > 1) {
      el = document.createElement("textarea");
      el.rows = Math.min(field.rows, 8);
      el.value = field.value || "";
      el.spellcheck = false;
    } else {
      el = document.createElement("input");
      el.type = "text";
      el.value = field.value == null ? "" : field.value;
      el.autocomplete = "off";
      el.spellcheck = false;
      if (field.kind === "number" || field.kind === "int") el.inputMode = field.kind === "int" ? "numeric" : "decimal";
    }
    el.id = id;
    el.name = field.name;
    el.className = "cpvkit-live-control";
    return el;
  }

  function readControl(field, el) {
    if (field.kind === "choice") return JSON.parse(el.value);
    if (field.kind === "flag") return el.checked;
    if (field.kind === "upload") return el._cpvkitFile || null;
    return el.value;
  }

  function mount(script) {
    var spec;
    try {
      spec = JSON.parse(script.textContent);
    } catch (e) {
      return;
    }
    var calc = CALCS[spec.calculator];
    var snapshot = script.closest(".cpvkit-calculator");
    if (!calc || !snapshot || snapshot.getAttribute("data-live") === "on") return;
    snapshot.setAttribute("data-live", "on");
    var n = ++counter;
    var box = document.createElement("section");
    box.className = "cpvkit-live";
    box.setAttribute("aria-labelledby", "cpvkit-live-" + n + "-title");
    var head = document.createElement("p");
    head.className = "cpvkit-live-title";
    head.id = "cpvkit-live-" + n + "-title";
    head.innerHTML = "<strong>" + esc(spec.title) + "</strong>";
    var intro = document.createElement("p");
    intro.className = "cpvkit-live-intro";
    intro.textContent = spec.intro;
    var form = document.createElement("form");
    form.className = "cpvkit-live-inputs";
    form.setAttribute("novalidate", "");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
    });
    var controls = {};
    spec.fields.forEach(function (field, i) {
      var id = "cpvkit-live-" + n + "-" + i;
      var wrap = document.createElement("div");
      wrap.className = "cpvkit-live-field cpvkit-live-" + field.kind + (field.kind === "text" && field.rows > 1 ? " wide" : "");
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = field.label;
      var el = control(field, id);
      controls[field.name] = el;
      if (field.kind === "flag") {
        wrap.appendChild(el);
        wrap.appendChild(label);
      } else {
        wrap.appendChild(label);
        wrap.appendChild(el);
      }
      if (field.kind === "upload") {
        var note = document.createElement("small");
        note.textContent = " Read in your browser; the file is not sent anywhere.";
        wrap.appendChild(note);
      }
      form.appendChild(wrap);
    });
    var status = document.createElement("div");
    status.className = "cpvkit-live-status";
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    var result = document.createElement("div");
    result.className = "cpvkit-live-result";
    var chart = document.createElement("div");
    chart.className = "cpvkit-live-chart";
    var note = document.createElement("p");
    note.className = "cpvkit-live-note";
    note.innerHTML = "<small>Computed in your browser as you type (same numbers as <code>cpvkit</code>).</small>";
    [head, intro, form, status, result, chart, note].forEach(function (el) {
      box.appendChild(el);
    });
    var state = { spec: spec, controls: controls, status: status, result: result, chart: chart };
    box._cpvkit = state;
    function update() {
      var values = {};
      spec.fields.forEach(function (field) {
        values[field.name] = readControl(field, controls[field.name]);
      });
      var out = compute(spec, values);
      if (!out.ok) {
        status.className = "cpvkit-live-status cpvkit-live-error";
        status.textContent = out.message;
        result.innerHTML = "";
        chart.innerHTML = "";
        box.setAttribute("data-state", "error");
        return out;
      }
      var view;
      try {
        view = calc.render(out.result, out.ctx);
      } catch (err) {
        status.className = "cpvkit-live-status cpvkit-live-error";
        status.textContent = "These inputs cannot be shown.";
        return out;
      }
      status.className = "cpvkit-live-status";
      status.innerHTML = view.summary.map(esc).join("<br>");
      result.innerHTML = view.html || "";
      chart.innerHTML = view.svg || "";
      box.setAttribute("data-state", "ok");
      return out;
    }
    state.update = update;
    spec.fields.forEach(function (field) {
      var el = controls[field.name];
      if (field.kind === "upload") {
        el.addEventListener("change", function () {
          var file = el.files && el.files[0];
          if (!file) return;
          var reader = new FileReader();
          reader.onload = function () {
            el._cpvkitFile = { name: file.name, text: String(reader.result) };
            update();
          };
          reader.onerror = function () {
            status.className = "cpvkit-live-status cpvkit-live-error";
            status.textContent = "The file could not be read.";
          };
          reader.readAsText(file);
        });
      } else {
        el.addEventListener(field.kind === "choice" || field.kind === "flag" ? "change" : "input", update);
      }
    });
    snapshot.parentNode.insertBefore(box, snapshot);
    snapshot.hidden = true;
    update();
  }

  function mountAll() {
    var scripts = document.querySelectorAll("script.cpvkit-live-spec");
    for (var i = 0; i < scripts.length; i++) {
      try {
        mount(scripts[i]);
      } catch (e) {
        /* the static snapshot stays */
      }
    }
  }

  window.CpvkitLive = {
    calcs: CALCS,
    data: {},
    compute: compute,
    readNumber: readNumber,
    pyG: pyG,
    PY_WS: PY_WS,
    InputError: InputError,
    fill: fill,
    pyRepr: pyRepr,
    pyStrip: pyStrip,
    PY_SPACE: PY_SPACE,
    fmt: fmt,
    signed: signed,
    pct: pct,
    esc: esc,
    table: table,
    hbars: hbars,
    vbars: vbars,
    lines: lines,
    scatter: scatter,
    COLOURS: COLOURS,
    mountAll: mountAll,
  };

})();
