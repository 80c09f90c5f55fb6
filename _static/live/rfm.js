/* The RFM explorer in the browser: CDNOW (cdnow.js) or a CSV the reader chooses, read here and
   never sent anywhere. Arithmetic as cpvkit.crm (rfm_summary, rfm_scores, rfm_segments, gini,
   pareto_share, customer_pyramid). */
(function () {
  "use strict";
  var L = window.CpvkitLive;
  var C = L.calcs;
  var fmt = L.fmt;
  var esc = L.esc;
  var pyG = L.pyG;

  var DAY = 86400000;
  function isoDay(n) {
    return new Date(n * DAY).toISOString().slice(0, 10);
  }
  /* a calendar date "YYYY-MM-DD" (also YYYY/MM/DD, YYYYMMDD), optionally with a time of day:
     days since 1970-01-01, or null */
  var DATE = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
  var DATE_DASHED = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
  function parseDay(text) {
    var m = DATE_DASHED.exec(text);
    var y, mo, d, hh, mi, ss;
    if (m) {
      y = +m[1]; mo = +m[3]; d = +m[4]; hh = m[5]; mi = m[6]; ss = m[7];
    } else {
      m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
      if (!m) return null;
      y = +m[1]; mo = +m[2]; d = +m[3];
    }
    if (mo < 1 || mo > 12 || d < 1) return null;
    var days = Date.UTC(y, mo - 1, d) / DAY;
    if (new Date(days * DAY).getUTCDate() !== d) return null;
    if (hh !== undefined && (+hh > 23 || +mi > 59 || (ss !== undefined && +ss > 59))) return null;
    return days;
  }
  L.parseDay = parseDay;

  function b36(text) {
    return text.split(",").map(function (t) {
      return parseInt(t, 36);
    });
  }

  var cdnowLog = null;
  function cdnow(ctx) {
    if (cdnowLog) return cdnowLog;
    var raw = L.data.cdnow;
    if (!raw) ctx.fail("the CDNOW data is not available on this page; upload a CSV instead");
    var counts = b36(raw.counts);
    var deltas = b36(raw.days);
    var cents = b36(raw.cents);
    var first = Date.parse(raw.first + "T00:00:00Z") / DAY;
    var rows = deltas.length;
    var code = new Int32Array(rows);
    var day = new Int32Array(rows);
    var amount = new Float64Array(rows);
    var r = 0;
    for (var c = 0; c < counts.length; c++) {
      var d = first;
      for (var k = 0; k < counts[c]; k++, r++) {
        d = k === 0 ? first + deltas[r] : d + deltas[r];
        code[r] = c;
        day[r] = d;
        amount[r] = cents[r] / 100;
      }
    }
    cdnowLog = { key: "cdnow", code: code, day: day, amount: amount, n: counts.length };
    return cdnowLog;
  }

  /* ---- a CSV chosen by the reader */
  function csvRows(text) {
    var rows = [];
    var row = [];
    var field = "";
    var quoted = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        row.push(field);
        field = "";
      } else if (ch === "\n" || ch === "\r") {
        if (ch === "\r" && text[i + 1] === "\n") i++;
        row.push(field);
        field = "";
        if (row.length > 1 || row[0] !== "") rows.push(row);
        row = [];
      } else field += ch;
    }
    row.push(field);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    return rows;
  }

  var INT = /^[+-]?\d+$/;
  var uploads = {};
  function upload(ctx, file) {
    if (!file) ctx.fail("no file uploaded yet; upload a CSV or choose the CDNOW data");
    var key = "upload:" + file.name + ":" + file.text.length + ":" + hash(file.text);
    if (uploads[key]) return uploads[key];
    var text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
    var rows = csvRows(text);
    if (!rows.length) ctx.fail("the file " + L.pyRepr(file.name) + " could not be read as CSV: No columns to parse from file");
    var header = rows[0].map(function (h) {
      return h.trim();
    });
    var body = rows.slice(1);
    var need = ["customer_id", "date", "amount"];
    var missing = need.filter(function (c) {
      return header.indexOf(c) < 0;
    });
    if (missing.length) ctx.fail("transactions is missing column(s) " + missing.join(", ") + "; it has: " + (header.join(", ") || "none"));
    if (!body.length) ctx.fail("transactions is empty; give at least one row");
    var col = function (name) {
      var j = header.indexOf(name);
      return body.map(function (r) {
        return r[j] === undefined ? "" : r[j].trim();
      });
    };
    var ids = col("customer_id");
    var dates = col("date");
    var amounts = col("amount");
    if (ids.some(function (v) { return v === ""; })) ctx.fail("transactions column 'customer_id' contains missing customer ids");
    var days = dates.map(function (v) {
      return v === "" ? NaN : parseDay(v);
    });
    if (days.some(function (v) { return v === null; }))
      ctx.fail("transactions column 'date' must hold dates such as 2024-01-31 (year-month-day)");
    if (days.some(function (v) { return Number.isNaN(v); }))
      ctx.fail(ctx.spec.data.missing_dates || "transactions column 'date' contains missing dates (NaT)");
    var money = amounts.map(function (v) {
      return v === "" ? NaN : L.toNumeric(v);
    });
    if (amounts.some(function (v, i) { return v !== "" && Number.isNaN(money[i]); }))
      ctx.fail("transactions column 'amount' must contain only numbers");
    if (money.some(function (v) { return Number.isNaN(v); }))
      ctx.fail("transactions column 'amount' contains NaN (missing values); remove or fill them first");
    if (money.some(function (v) { return !isFinite(v); }))
      ctx.fail("transactions column 'amount' contains an infinite value; only finite numbers are allowed");
    /* customer ids sorted as pandas sorts them: numbers when every id is a whole number */
    var numeric = ids.every(function (v) {
      return INT.test(v);
    });
    var keys = numeric ? ids.map(Number) : ids;
    var uniques = Array.from(new Set(keys)).sort(numeric ? function (a, b) { return a - b; } : undefined);
    var index = new Map();
    uniques.forEach(function (u, i) {
      index.set(u, i);
    });
    var code = new Int32Array(keys.length);
    keys.forEach(function (k, i) {
      code[i] = index.get(k);
    });
    var log = { key: key, code: code, day: Int32Array.from(days), amount: Float64Array.from(money), n: uniques.length, ids: uniques };
    uploads = {};
    uploads[key] = log;
    return log;
  }

  function hash(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 16777619);
    }
    return (h >>> 0).toString(36);
  }

  /* ---- crm.rfm_summary */
  /* what does not depend on the analysis date: last purchase day, purchase days and spend */
  var perLog = {};
  function logSummary(log, refundsArePurchases) {
    var cacheKey = log.key + (refundsArePurchases ? "" : "|net");
    if (perLog[cacheKey]) return perLog[cacheKey];
    var n = log.n;
    var all = log.code.length;
    var lastDay = -Infinity;
    var monetary = new Float64Array(n);
    var i;
    for (i = 0; i < all; i++) {
      if (log.day[i] > lastDay) lastDay = log.day[i];
      monetary[log.code[i]] += log.amount[i];
    }
    /* purchase occasions: every row, or (when cpvkit leaves refunds out) amounts >= 0 */
    var codes = log.code;
    var days = log.day;
    if (!refundsArePurchases) {
      var keep = [];
      for (i = 0; i < all; i++) if (log.amount[i] >= 0) keep.push(i);
      if (keep.length < all) {
        codes = Int32Array.from(keep, function (k) { return log.code[k]; });
        days = Int32Array.from(keep, function (k) { return log.day[k]; });
      }
    }
    var rows = codes.length;
    var firstDay = Infinity;
    var last = new Float64Array(n).fill(-Infinity);
    var frequency = new Float64Array(n);
    var ordered = true;
    for (i = 0; i < rows; i++) {
      var c = codes[i];
      var d = days[i];
      if (d < firstDay) firstDay = d;
      if (d > last[c]) last[c] = d;
      if (i > 0 && (c < codes[i - 1] || (c === codes[i - 1] && d < days[i - 1]))) ordered = false;
    }
    var refundOnly = -1;
    for (i = 0; i < n && refundOnly < 0; i++) if (last[i] === -Infinity) refundOnly = i;
    /* distinct (customer, day) pairs */
    if (ordered) {
      for (i = 0; i < rows; i++) if (i === 0 || codes[i] !== codes[i - 1] || days[i] !== days[i - 1]) frequency[codes[i]] += 1;
    } else {
      var span = lastDay - firstDay + 1;
      var keys = new Float64Array(rows);
      for (i = 0; i < rows; i++) keys[i] = codes[i] * span + (days[i] - firstDay);
      keys.sort();
      for (i = 0; i < rows; i++) if (i === 0 || keys[i] !== keys[i - 1]) frequency[Math.floor(keys[i] / span)] += 1;
    }
    var out = { n: n, last: last, lastDay: lastDay, frequency: frequency, monetary: monetary, refundOnly: refundOnly, ids: log.ids };
    perLog = {};
    perLog[cacheKey] = out;
    return out;
  }

  /* crm.rfm_summary: recency in days to the analysis date */
  var perDate = {};
  function rfmSummary(ctx, log, dateText) {
    var data = ctx.spec.data;
    var refundsArePurchases = data.refunds_are_purchases !== false;
    var base = logSummary(log, refundsArePurchases);
    var cacheKey = log.key + "|" + (dateText || "") + (refundsArePurchases ? "" : "|net");
    if (perDate[cacheKey]) return perDate[cacheKey];
    var ref;
    if (!dateText) ref = base.lastDay + 1;
    else {
      ref = parseDay(dateText);
      if (ref === null) ctx.fail(L.fill(data.date_message || "analysis_date must be a date; got {raw}", { raw: L.pyRepr(dateText) }));
      ref = Math.floor(ref);
      if (ref < base.lastDay) ctx.fail("analysis_date must be on or after the last transaction (" + isoDay(base.lastDay) + "); got " + isoDay(ref));
    }
    if (base.refundOnly >= 0)
      ctx.fail(
        "customer " + (base.ids ? base.ids[base.refundOnly] : base.refundOnly + 1) + " has only refunds (negative amounts) and no purchase in " +
          "transactions; every customer needs at least one purchase (amount >= 0)"
      );
    var n = base.n;
    var recency = new Float64Array(n);
    for (var j = 0; j < n; j++) recency[j] = ref - base.last[j];
    var out = { recency: recency, frequency: base.frequency, monetary: base.monetary, n: n, base: base };
    perDate = {};
    perDate[cacheKey] = out;
    return out;
  }

  /* pandas rank(method="average"): the mean of the positions a value holds in sorted order */
  function rankAverage(values) {
    var n = values.length;
    var sorted = Float64Array.from(values).sort();
    var rank = new Float64Array(n);
    for (var i = 0; i < n; i++) {
      var v = values[i];
      var lo = 0;
      var hi = n;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (sorted[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      var first = lo;
      hi = n;
      while (lo < hi) {
        var m2 = (lo + hi) >> 1;
        if (sorted[m2] <= v) lo = m2 + 1;
        else hi = m2;
      }
      rank[i] = (first + 1 + lo) / 2;
    }
    return rank;
  }

  function ranks(values, higherIsBetter) {
    return rankAverage(higherIsBetter ? values : values.map(function (v) { return -v; }));
  }

  function score(rank, bins) {
    var n = rank.length;
    var out = new Int32Array(n);
    for (var i = 0; i < n; i++) {
      var s = Math.floor(((rank[i] - 0.5) / n) * bins) + 1;
      out[i] = Math.min(Math.max(s, 1), bins);
    }
    return out;
  }

  /* numpy's quantile, method "linear" */
  function quantile(values, q) {
    var s = Float64Array.from(values).sort();
    var n = s.length;
    var virtual = q * (n - 1);
    var prev = Math.floor(virtual);
    var next = Math.min(prev + 1, n - 1);
    var gamma = virtual - prev;
    var a = s[prev];
    var b = s[next];
    var diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  function kahan(values) {
    var sum = 0;
    var comp = 0;
    for (var i = 0; i < values.length; i++) {
      var y = values[i] - comp;
      var t = sum + y;
      comp = t - sum - y;
      sum = t;
    }
    return sum;
  }

  function segment(ctx, summary, scores, bins) {
    var rule = ctx.spec.data.segments;
    var n = summary.n;
    var names = new Array(n);
    var i;
    if (rule.kind === "scores") {
      var lv = function (s) {
        return Math.floor((5 * (s - 0.5)) / bins) + 1;
      };
      for (i = 0; i < n; i++) {
        var r = lv(scores.r[i]);
        var f = lv(scores.f[i]);
        names[i] = "Unclassified";
        for (var k = 0; k < rule.rules.length; k++) {
          var x = rule.rules[k];
          if (r >= x[1][0] && r <= x[1][1] && f >= x[2][0] && f <= x[2][1]) {
            names[i] = x[0];
            break;
          }
        }
      }
      return { names: names };
    }
    var threshold = summary.base.threshold;
    if (threshold === undefined) threshold = summary.base.threshold = quantile(summary.monetary, rule.quantile);
    var hi = function (v) {
      return v === null ? Infinity : v;
    };
    var left = 0;
    var example = -1;
    for (i = 0; i < n; i++) {
      var rec = summary.recency[i];
      var fr = summary.frequency[i];
      var big = summary.monetary[i] >= threshold;
      names[i] = null;
      for (var j = 0; j < rule.rules.length; j++) {
        var w = rule.rules[j];
        if (rec >= w[1][0] && rec < hi(w[1][1]) && fr >= w[2][0] && fr < hi(w[2][1]) && (w[3] === null || big === w[3])) {
          names[i] = w[0];
          break;
        }
      }
      if (names[i] === null) {
        left += 1;
        if (example < 0) example = i;
      }
    }
    if (left)
      ctx.fail(
        "the rules leave " + left + " customer(s) unclassified, e.g. recency " + pyG(summary.recency[example]) + ", frequency " +
          pyG(summary.frequency[example]) + ", spend " + pyG(summary.monetary[example]) + "; add a rule that covers them"
      );
    return { names: names, threshold: threshold };
  }

  function segmentTable(ctx, summary, seg) {
    var rule = ctx.spec.data.segments;
    var n = summary.n;
    var groups = new Map();
    var order = [];
    if (rule.kind !== "scores")
      rule.rules.forEach(function (w) {
        groups.set(w[0], { m: [], r: [], f: [] });
        order.push(w[0]);
      });
    for (var i = 0; i < n; i++) {
      var name = seg.names[i];
      if (!groups.has(name)) {
        groups.set(name, { m: [], r: [], f: [] });
        order.push(name);
      }
      var g = groups.get(name);
      g.m.push(summary.monetary[i]);
      g.r.push(summary.recency[i]);
      g.f.push(summary.frequency[i]);
    }
    var total = L.npSum(summary.monetary, 0, n);
    var rows = order.map(function (name) {
      var g = groups.get(name);
      var count = g.m.length;
      var value = kahan(g.m);
      var row = {
        segment: name,
        customers: count,
        customer_share: count / Math.max(n, 1),
        value: value,
        value_share: rule.kind === "scores" ? value / total : total ? value / total : NaN,
        mean_recency: count ? kahan(g.r) / count : NaN,
        mean_frequency: count ? kahan(g.f) / count : NaN,
      };
      if (rule.kind !== "scores") row.mean_spend = count ? value / count : NaN;
      return row;
    });
    if (rule.kind === "scores")
      rows.sort(function (a, b) {
        return b.customers - a.customers || b.value - a.value;
      });
    return rows;
  }

  function nonnegative(values) {
    var v = new Float64Array(values.length);
    for (var i = 0; i < values.length; i++) v[i] = values[i] > 0 ? values[i] : 0;
    return v;
  }

  function lorenz(v) {
    var s = Float64Array.from(v).sort();
    var n = s.length;
    var total = L.npSum(s, 0, n);
    var x = new Float64Array(n + 1);
    var y = new Float64Array(n + 1);
    var cum = 0;
    for (var i = 0; i <= n; i++) {
      x[i] = i / n;
      if (i > 0) {
        cum += s[i - 1];
        y[i] = cum / total;
      }
    }
    y[n] = 1;
    return { x: x, y: y };
  }

  function gini(curve) {
    var n = curve.x.length - 1;
    var terms = new Array(n);
    for (var i = 0; i < n; i++) terms[i] = ((curve.x[i + 1] - curve.x[i]) * (curve.y[i + 1] + curve.y[i])) / 2;
    return Math.max(0, 1 - 2 * L.npSum(terms, 0, n));
  }

  /* numpy.interp at one point */
  function interp(xv, xp, fp) {
    var n = xp.length;
    if (xv <= xp[0]) return fp[0];
    if (xv >= xp[n - 1]) return fp[n - 1];
    var lo = 0;
    var hi = n - 1;
    while (hi - lo > 1) {
      var mid = (lo + hi) >> 1;
      if (xp[mid] <= xv) lo = mid;
      else hi = mid;
    }
    if (xv === xp[lo]) return fp[lo];
    var slope = (fp[lo + 1] - fp[lo]) / (xp[lo + 1] - xp[lo]);
    return slope * (xv - xp[lo]) + fp[lo];
  }

  function pyramid(ctx, v) {
    var tiers = ctx.spec.data.tiers;
    var n = v.length;
    var neg = v.map(function (x) {
      return -x;
    });
    var rank = rankAverage(neg);
    var cum = [];
    var acc = 0;
    tiers.forEach(function (t) {
      acc += t[1];
      cum.push(acc);
    });
    cum[cum.length - 1] = 1;
    var counts = tiers.map(function () { return 0; });
    var value = tiers.map(function () { return 0; });
    for (var i = 0; i < n; i++) {
      var pct = (rank[i] - 0.5) / n;
      var code = 0;
      while (code < cum.length && cum[code] <= pct) code++;
      code = Math.min(code, tiers.length - 1);
      counts[code] += 1;
      value[code] += v[i];
    }
    var total = L.npSum(v, 0, n);
    return tiers.map(function (t, k) {
      return {
        tier: t[0], customers: counts[k], customer_share: counts[k] / n, value: value[k], value_share: value[k] / total,
        mean_value: counts[k] > 0 ? value[k] / Math.max(counts[k], 1) : NaN,
      };
    });
  }

  var steps = {};
  var bases = {};

  C.RFMExplorer = {
    compute: function (ctx) {
      var source = ctx.raw("source");
      var log;
      if (source === "cdnow") log = cdnow(ctx);
      else if (source === "upload") log = upload(ctx, ctx.raw("upload"));
      else ctx.fail("no DataFrame was given; choose the CDNOW data or upload a CSV");
      var dateText = L.pyStrip(String(ctx.raw("analysis_date") || "")) || null;
      var summary = rfmSummary(ctx, log, dateText);
      var bins = Number(ctx.raw("bins"));
      var top = ctx.num("top");
      var scoresKind = ctx.spec.data.segments.kind === "scores";
      var base = summary.base;
      if (!base.rank) {
        /* the ranks of recency are those of the last purchase day, whatever the analysis date */
        var spend = nonnegative(summary.monetary);
        var positive = L.npSum(spend, 0, spend.length) > 0;
        var curve = positive ? lorenz(spend) : null;
        base.spendOk = positive;
        base.curve = curve;
        base.gini = positive ? gini(curve) : NaN;
        base.pyramid = positive ? pyramid(ctx, spend) : null;
        base.rank = { r: rankAverage(base.last), f: ranks(summary.frequency, true), m: ranks(summary.monetary, true) };
      }
      var dateKey = log.key + "|" + (dateText || "");
      var dated = bases[dateKey];
      if (!dated) {
        dated = {};
        if (!scoresKind) {
          dated.seg = segment(ctx, summary, null, null);
          dated.table = segmentTable(ctx, summary, dated.seg);
        }
        bases = {};
        bases[dateKey] = dated;
      }
      var stepKey = dateKey + "|" + bins;
      var step = steps[stepKey];
      if (!step) {
        var scores = { r: score(base.rank.r, bins), f: score(base.rank.f, bins), m: score(base.rank.m, bins) };
        var seg = scoresKind ? segment(ctx, summary, scores, bins) : dated.seg;
        step = { scores: scores, seg: seg, table: scoresKind ? segmentTable(ctx, summary, seg) : dated.table };
        steps = {};
        steps[stepKey] = step;
      }
      if (!base.spendOk) ctx.fail("values sum to zero; give at least one positive value");
      step.curve = base.curve;
      step.gini = base.gini;
      step.pyramid = base.pyramid;
      var share = 1 - interp(1 - top, step.curve.x, step.curve.y);
      var numbers = { customers: summary.n, pareto_share: share, gini: step.gini, total: L.npSum(summary.monetary, 0, summary.n) };
      if (step.seg.threshold !== undefined) numbers.high_spend = step.seg.threshold;
      step.table.forEach(function (row, i) {
        Object.keys(row).forEach(function (k) {
          numbers["seg_" + i + "_" + k] = row[k];
        });
      });
      step.pyramid.forEach(function (row, i) {
        Object.keys(row).forEach(function (k) {
          numbers["tier_" + i + "_" + k] = row[k];
        });
      });
      var sep = bins >= 10 ? "-" : "";
      L.sampleRows(summary.n).forEach(function (i) {
        numbers["c_" + i + "_recency"] = summary.recency[i];
        numbers["c_" + i + "_frequency"] = summary.frequency[i];
        numbers["c_" + i + "_monetary"] = summary.monetary[i];
        numbers["c_" + i + "_r_score"] = step.scores.r[i];
        numbers["c_" + i + "_f_score"] = step.scores.f[i];
        numbers["c_" + i + "_m_score"] = step.scores.m[i];
        numbers["c_" + i + "_rfm_cell"] = step.scores.r[i] + sep + step.scores.f[i] + sep + step.scores.m[i];
        numbers["c_" + i + "_segment"] = step.seg.names[i];
      });
      return { numbers: numbers, step: step, summary: summary, top: top };
    },
    render: function (res, ctx) {
      var x = res.numbers;
      var table = res.step.table;
      var biggest = table.reduce(function (best, row) {
        return row.customers > best.customers ? row : best;
      }, table[0]);
      var summary = [
        fmt(x.customers, 0) + " customers; total spend " + fmt(x.total) + ".",
        "The top " + L.pct(res.top) + " of customers hold " + L.pct(x.pareto_share, 1) + " of spend (Gini " + fmt(x.gini) +
          "); largest segment: " + biggest.segment + " (" + fmt(biggest.customers, 0) + " customers).",
      ];
      var hasSpend = table.length && table[0].mean_spend !== undefined;
      var cols = ["segment", "customers", "customer share", "value", "value share", "mean recency", "mean frequency"].concat(hasSpend ? ["mean spend"] : []);
      var rows = table.map(function (r) {
        return [r.segment, fmt(r.customers, 0), L.pct(r.customer_share, 1), r.value, L.pct(r.value_share, 1),
          Number.isNaN(r.mean_recency) ? "\u2013" : r.mean_recency, Number.isNaN(r.mean_frequency) ? "\u2013" : r.mean_frequency]
          .concat(hasSpend ? [Number.isNaN(r.mean_spend) ? "\u2013" : r.mean_spend] : []);
      });
      var note = x.high_spend !== undefined ? "Segments (recency in days, purchase days, and spend of at least " + fmt(x.high_spend) + " for lapsed big spenders):" : "Segments (recency and frequency scores):";
      var html = "<p><small>" + esc(note) + "</small></p>" + L.table(cols, rows, 1) +
        "<p><small>Customer pyramid (illustrative tiers 5/15/30/50% of customers by spend):</small></p>" +
        L.table(["tier", "customers", "customer share", "value", "value share", "mean value"], res.step.pyramid.map(function (p) {
          return [p.tier, fmt(p.customers, 0), L.pct(p.customer_share, 1), p.value, L.pct(p.value_share, 1), p.mean_value];
        }), 1);
      var chart = ctx.raw("chart");
      var svg;
      if (chart === "Customer pyramid") {
        var labels = [];
        var values = [];
        var colours = [];
        res.step.pyramid.forEach(function (p) {
          labels.push(p.tier + ": customers", p.tier + ": spend");
          values.push(100 * p.customer_share, 100 * p.value_share);
          colours.push("#56B4E9", "#0072B2");
        });
        svg = L.hbars({ title: "Customer pyramid (tiers by total spend)", labels: labels, values: values, colours: colours, xlabel: "Share of customers / of total spend (%)", digits: 1, left: 160 });
      } else if (chart === "RFM heatmap") {
        svg = heatmap(res);
      } else {
        var c = res.step.curve;
        var step = Math.max(1, Math.floor(c.x.length / 1000));
        var xs = [];
        var ys = [];
        for (var i = 0; i < c.x.length; i += step) {
          xs.push(100 * (1 - c.x[c.x.length - 1 - i]));
          ys.push(100 * (1 - c.y[c.y.length - 1 - i]));
        }
        xs.push(100);
        ys.push(100);
        svg = L.lines({ title: "Pareto curve: top " + L.pct(res.top) + " hold " + L.pct(x.pareto_share, 1) + " of spend",
          series: [{ x: xs, y: ys, colour: "#0072B2", label: "share of spend held by the top customers" }, { x: [0, 100], y: [0, 100], colour: "#999999", label: "equal spend" }],
          xlabel: "Top customers by spend (%)", ylabel: "Share of total spend (%)" });
      }
      return { summary: summary, html: html, svg: svg };
    },
  };

  /* mean monetary value per (R, F) score cell */
  function heatmap(res) {
    var s = res.step.scores;
    var m = res.summary.monetary;
    var bins = 0;
    for (var i = 0; i < s.r.length; i++) bins = Math.max(bins, s.r[i], s.f[i]);
    var sum = {};
    var cnt = {};
    for (i = 0; i < s.r.length; i++) {
      var k = s.r[i] + "," + s.f[i];
      sum[k] = (sum[k] || 0) + m[i];
      cnt[k] = (cnt[k] || 0) + 1;
    }
    var max = 0;
    Object.keys(sum).forEach(function (k) {
      max = Math.max(max, sum[k] / cnt[k]);
    });
    var size = Math.min(48, 360 / bins);
    var w = 90 + size * bins;
    var h = 60 + size * bins;
    var out = ['<svg class="cpvkit-live-svg" style="max-width:28em" viewBox="0 0 ' + w + " " + h + '" role="img" aria-label="Mean spend by recency and frequency score" xmlns="http://www.w3.org/2000/svg"><title>Mean spend by recency and frequency score</title>',
      '<text x="' + w / 2 + '" y="14" text-anchor="middle" class="t">Mean spend by R and F score</text>'];
    for (var r = 1; r <= bins; r++)
      for (var f = 1; f <= bins; f++) {
        var key = r + "," + f;
        var mean = cnt[key] ? sum[key] / cnt[key] : NaN;
        var shade = Number.isNaN(mean) ? "#f2f2f2" : "rgba(0,114,178," + (0.1 + 0.9 * (mean / (max || 1))).toFixed(3) + ")";
        var x = 60 + (f - 1) * size;
        var y = 24 + (bins - r) * size;
        out.push('<rect x="' + x + '" y="' + y + '" width="' + (size - 1) + '" height="' + (size - 1) + '" fill="' + shade + '"><title>R ' + r + ", F " + f + ": " + (cnt[key] || 0) + " customers, mean spend " + fmt(mean) + "</title></rect>");
      }
    for (var t = 1; t <= bins; t++) {
      out.push('<text class="k" x="' + (60 + (t - 0.5) * size) + '" y="' + (24 + bins * size + 12) + '" text-anchor="middle">' + t + "</text>");
      out.push('<text class="k" x="54" y="' + (24 + (bins - t + 0.5) * size + 4) + '" text-anchor="end">' + t + "</text>");
    }
    out.push('<text class="k" x="' + (60 + (bins * size) / 2) + '" y="' + (h - 6) + '" text-anchor="middle">F score (frequency)</text>');
    out.push('<text class="k" transform="translate(14,' + (24 + (bins * size) / 2) + ') rotate(-90)" text-anchor="middle">R score (recency)</text>');
    out.push("</svg>");
    return out.join("");
  }
})();
