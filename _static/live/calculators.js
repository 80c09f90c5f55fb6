/* The eight calculators of the book, computed in the browser (arithmetic as in cpvkit). */
(function () {
  "use strict";
  var L = window.CpvkitLive;
  var C = L.calcs;
  var fmt = L.fmt;
  var esc = L.esc;
  var pyG = L.pyG;

  /* ------------------------------------------------------------ perceived value */

  var VALUES = ["product", "service", "personnel", "image"];
  var COSTS = ["monetary", "time", "energy", "psychic"];
  var PARTS = VALUES.concat(COSTS);

  function offering(ctx, who, label) {
    var p = {};
    PARTS.forEach(function (part) {
      p[part] = ctx.num(who + "_" + part);
    });
    var tv = p.product + p.service + p.personnel + p.image;
    var tc = p.monetary + p.time + p.energy + p.psychic;
    if (tc === 0)
      ctx.fail(
        label + ": total customer cost (monetary + time + energy + psychic) is 0, so the value/cost " +
          "ratio is undefined; at least one of monetary, time, energy, psychic must be > 0"
      );
    return { parts: p, total_value: tv, total_cost: tc, value: tv - tc, ratio: tv / tc };
  }

  C.PerceivedValueCalculator = {
    compute: function (ctx) {
      var firm = offering(ctx, "firm", "Firm");
      var rival = offering(ctx, "competitor", "Competitor");
      var numbers = {};
      [["firm", firm], ["competitor", rival]].forEach(function (pair) {
        ["total_value", "total_cost", "value", "ratio"].forEach(function (k) {
          numbers[pair[0] + "_" + k] = pair[1][k];
        });
      });
      var advantage = {};
      PARTS.forEach(function (part, i) {
        var sign = i < VALUES.length ? 1 : -1;
        advantage[part] = sign * (firm.parts[part] - rival.parts[part]);
        numbers["advantage_" + part] = advantage[part];
      });
      numbers.advantage = firm.value - rival.value;
      return { numbers: numbers, firm: firm, rival: rival, parts: advantage };
    },
    render: function (res) {
      var rows = [
        ["total value", res.firm.total_value, res.rival.total_value],
        ["total cost", res.firm.total_cost, res.rival.total_cost],
        ["delivered value", res.firm.value, res.rival.value],
        ["value/cost ratio", res.firm.ratio, res.rival.ratio],
      ];
      var summary = [];
      [["Firm", res.firm], ["Competitor", res.rival]].forEach(function (pair) {
        var dv = pair[1];
        summary.push(
          pair[0] + ": total value " + fmt(dv.total_value) + ", total cost " + fmt(dv.total_cost) +
            ", delivered value " + fmt(dv.value) + ", value/cost ratio " + fmt(dv.ratio, 3) + "."
        );
      });
      var diff = "Delivered value, firm minus competitor: " + L.signed(res.numbers.advantage) + ".";
      summary.push(diff);
      var labels = PARTS.map(function (p, i) {
        return p + (i < VALUES.length ? " (value)" : " (cost)");
      }).concat(["delivered value"]);
      var bars = PARTS.map(function (p) {
        return res.parts[p];
      }).concat([res.numbers.advantage]);
      return {
        summary: summary,
        html:
          L.table(["", "firm", "competitor"], rows.map(function (r, i) {
            return i === 3 ? [r[0], fmt(r[1], 3), fmt(r[2], 3)] : r;
          }), 2),
        svg: L.hbars({
          title: "Where the difference in delivered value comes from",
          labels: labels,
          values: bars,
          colours: bars.map(function (v) {
            return v >= 0 ? "#009E73" : "#D55E00";
          }),
          outline: bars.map(function (_, i) {
            return i === bars.length - 1;
          }),
          xlabel: "Advantage of the firm over the competitor (points)",
        }),
      };
    },
  };

  /* ------------------------------------------------------------ complaints and word of mouth */

  C.ComplaintCalculator = {
    compute: function (ctx) {
      var n = ctx.num("dissatisfied");
      var t = ctx.num("tell");
      var rt = ctx.num("retell");
      var c = ctx.num("complain_rate");
      var s = ctx.num("resolved_rate");
      var pRes = ctx.num("repurchase_resolved");
      var pUnres = ctx.num("repurchase_unresolved");
      var pSil = ctx.num("repurchase_silent");
      var v = ctx.num("customer_value");
      var direct = n * t;
      var indirect = direct * rt;
      var complainers = n * c;
      var silent = n - complainers;
      var resolved = complainers * s;
      var unresolved = complainers - resolved;
      var kRes = resolved * pRes;
      var kUnres = unresolved * pUnres;
      var kSil = silent * pSil;
      var retained = kRes + kUnres + kSil;
      var baseline = complainers * pUnres + kSil;
      var recovered = resolved * (pRes - pUnres);
      var numbers = {
        direct: direct,
        indirect: indirect,
        total: direct + indirect,
        complainers: complainers,
        silent: silent,
        resolved: resolved,
        unresolved: unresolved,
        retained_resolved: kRes,
        retained_unresolved: kUnres,
        retained_silent: kSil,
        retained: retained,
        retained_without_recovery: baseline,
        recovered_customers: recovered,
        recovered_value: v === null ? NaN : recovered * v,
      };
      return { numbers: numbers };
    },
    render: function (res) {
      var r = res.numbers;
      var summary = [
        "Word of mouth: " + fmt(r.total, 0) + " people hear about the bad experience (" + fmt(r.direct, 0) +
          " directly, " + fmt(r.indirect, 0) + " second hand).",
        "Complaints: " + fmt(r.complainers, 0) + " complain, " + fmt(r.resolved, 0) + " resolved. Customers kept: " +
          fmt(r.retained, 1) + " with recovery, " + fmt(r.retained_without_recovery, 1) + " without; recovery buys back " +
          fmt(r.recovered_customers, 1) + " customers.",
      ];
      if (!Number.isNaN(r.recovered_value)) summary.push("Value of the customers bought back: " + fmt(r.recovered_value) + ".");
      var rows = [
        ["complained, resolved", r.resolved, r.retained_resolved],
        ["complained, not resolved", r.unresolved, r.retained_unresolved],
        ["did not complain", r.silent, r.retained_silent],
      ];
      var kept = L.vbars({
        title: "Customers kept",
        width: 360,
        height: 300,
        categories: ["without recovery", "with recovery"],
        stacks: [
          { label: "did not complain", colour: "#7F7F7F", values: [r.retained_silent, r.retained_silent] },
          { label: "not resolved", colour: "#E69F00", values: [r.retained_without_recovery - r.retained_silent, r.retained_unresolved] },
          { label: "resolved", colour: "#009E73", values: [0, r.retained_resolved] },
        ],
        legend: true,
        totals: true,
        ylabel: "Customers who buy again",
      });
      var wom = L.vbars({
        title: "Word of mouth: " + fmt(r.total, 0) + " people hear",
        width: 300,
        height: 300,
        categories: ["told directly", "second hand"],
        stacks: [{ label: "", colour: "#D55E00", values: [r.direct, r.indirect] }],
        ylabel: "People",
      });
      return {
        summary: summary,
        html: L.table(["group", "customers", "buy again"], rows, 1),
        svg: '<div class="cpvkit-live-pair">' + kept + wom + "</div>",
      };
    },
  };

  /* ------------------------------------------------------------ satisfaction and NPS */

  /* the inverse of the standard normal distribution function: algorithm AS 241 (Wichura 1988),
     the method of Python's statistics.NormalDist.inv_cdf */
  function poly(c, r) {
    var v = c[0];
    for (var i = 1; i < c.length; i++) v = v * r + c[i];
    return v;
  }
  var A = [2.5090809287301226727e3, 3.3430575583588128105e4, 6.7265770927008700853e4, 4.5921953931549871457e4,
    1.3731693765509461125e4, 1.9715909503065514427e3, 1.3314166789178437745e2, 3.387132872796366608];
  var B = [5.2264952788528545610e3, 2.8729085735721942674e4, 3.9307895800092710610e4, 2.1213794301586595867e4,
    5.3941960214247511077e3, 6.8718700749205790830e2, 4.2313330701600911252e1, 1.0];
  var Cc = [7.7454501427834140764e-4, 2.2723844989269184583e-2, 2.4178072517745061177e-1, 1.2704582524523683826,
    3.6478483247632046050, 5.7694972214606914055, 4.6303378461565452959, 1.4234371107496835773];
  var D = [1.05075007164441684324e-9, 5.4759380849953449460e-4, 1.5198666563616457197e-2, 1.4810397642748007459e-1,
    6.8976733498510000455e-1, 1.6763848301838038494, 2.0531916266377588219, 1.0];
  var E = [2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3, 2.65321895265761230930e-2,
    2.96560571828504891230e-1, 1.78482653991729133580, 5.4637849111641143699, 6.6579046435011037772];
  var F = [2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5, 7.8686913114561325910e-4,
    1.48753612908506148525e-2, 1.36929880922735805310e-1, 5.9983220655588793769e-1, 1.0];
  function invNormal(p) {
    var q = p - 0.5;
    var r;
    if (Math.abs(q) <= 0.425) {
      r = 0.180625 - q * q;
      return (poly(A, r) * q) / poly(B, r);
    }
    r = q <= 0 ? p : 1 - p;
    r = Math.sqrt(-Math.log(r));
    var x;
    if (r <= 5) {
      r = r - 1.6;
      x = poly(Cc, r) / poly(D, r);
    } else {
      r = r - 5;
      x = poly(E, r) / poly(F, r);
    }
    return q < 0 ? -x : x;
  }
  L.invNormal = invNormal;

  /* numbers separated by spaces, commas or semicolons, read as pandas.to_numeric reads them */
  var SPLIT = new RegExp("(?:" + "[,;]|" + L.PY_WS + ")+");
  var NUMERIC = /^[+-]?(?:(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity)$/i;
  function toNumeric(token) {
    if (!NUMERIC.test(token)) return NaN;
    var t = token.toLowerCase();
    var sign = t[0] === "-" ? -1 : 1;
    t = t.replace(/^[+-]/, "");
    if (t === "inf" || t === "infinity") return sign * Infinity;
    return sign * Number(t);
  }
  L.toNumeric = toNumeric;
  function parseNumbers(ctx, name) {
    var text = L.pyStrip(ctx.raw(name));
    var tokens = text.split(SPLIT).filter(function (t) {
      return t !== "";
    });
    var who = ctx.name(name);
    if (!tokens.length) ctx.fail(who + " is empty; enter numbers separated by spaces or commas");
    var limits = ctx.spec.tables;
    if (limits && tokens.length > limits.max_values)
      ctx.fail(who + " has " + fmt(tokens.length, 0) + " numbers; at most " + fmt(limits.max_values, 0) + " are allowed");
    var values = tokens.map(toNumeric);
    for (var i = 0; i < values.length; i++)
      if (Number.isNaN(values[i]) || (limits && !isFinite(values[i]))) ctx.fail(who + ": " + L.pyRepr(tokens[i]) + " is not a number");
    if (limits)
      for (var j = 0; j < values.length; j++)
        if (Math.abs(values[j]) > limits.limit) ctx.fail(who + ": " + L.pyRepr(tokens[j]) + " must be at most " + limits.limit_text + " in size");
    return values;
  }
  L.parseNumbers = parseNumbers;

  function finiteArray(ctx, name, arr) {
    arr.forEach(function (v) {
      if (!isFinite(v)) ctx.fail(name + " contains an infinite value; only finite numbers are allowed");
    });
  }

  function npsResult(ctx, promoters, passives, detractors, confidence) {
    var n = promoters + passives + detractors;
    if (n === 0) ctx.fail("counts add up to 0 answers; give at least one answer");
    var pp = promoters / n;
    var pa = passives / n;
    var pd = detractors / n;
    var score = 100 * (pp - pd);
    var v = Math.max(pp + pd - (pp - pd) * (pp - pd), 0) / n;
    var se = 100 * Math.sqrt(v);
    var z = invNormal(0.5 + confidence / 2);
    return {
      n: n, promoters: promoters, passives: passives, detractors: detractors,
      share_promoters: pp, share_passives: pa, share_detractors: pd,
      score: score, se: se,
      ci_low: Math.max(score - z * se, -100), ci_high: Math.min(score + z * se, 100),
    };
  }

  function groups(byScore) {
    var s = function (a, b) {
      var t = 0;
      for (var i = a; i < b; i++) t += byScore[i];
      return t;
    };
    return [s(9, 11), s(7, 9), s(0, 7)];
  }

  C.SatisfactionCalculator = {
    compute: function (ctx) {
      var confidence = ctx.num("confidence");
      var nps;
      var perScore;
      if (ctx.raw("entry") === "counts") {
        var counts = parseNumbers(ctx, "counts");
        if (counts.length !== 11)
          ctx.fail(ctx.name("counts") + " must hold 11 numbers, for the scores 0 to 10; got " + counts.length);
        finiteArray(ctx, "counts", counts);
        counts.forEach(function (v) {
          if (v < 0) ctx.fail("counts must be >= 0; got " + pyG(v));
        });
        counts.forEach(function (v) {
          if (v !== Math.round(v)) ctx.fail("counts must be whole numbers of answers (>= 0); got " + pyG(v));
        });
        perScore = counts.slice();
        var g = groups(perScore);
        nps = npsResult(ctx, g[0], g[1], g[2], confidence);
      } else {
        var scores = parseNumbers(ctx, "scores");
        finiteArray(ctx, "scores", scores);
        scores.forEach(function (v) {
          if (v < 0 || v > 10) ctx.fail("scores must be in [0, 10]; got " + pyG(v));
        });
        scores.forEach(function (v) {
          if (v !== Math.round(v)) ctx.fail("scores must be whole numbers in [0, 10]; got " + pyG(v));
        });
        perScore = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        scores.forEach(function (v) {
          perScore[v] += 1;
        });
        var g2 = groups(perScore);
        nps = npsResult(ctx, g2[0], g2[1], g2[2], confidence);
      }
      var numbers = Object.assign({}, nps);
      var d;
      if (ctx.field("adequate")) {
        var performance = ctx.num("performance");
        var low = ctx.num("adequate");
        var high = ctx.num("desired");
        if (low > high)
          ctx.fail(
            "adequate service must not exceed desired service (the zone of tolerance runs from adequate up to desired); got adequate " +
              pyG(low) + " > desired " + pyG(high)
          );
        var eps = 1e-9 * (1 + Math.abs(low) + Math.abs(high) + Math.abs(performance));
        var outcome = performance < low - eps ? "dissatisfied" : performance > high + eps ? "delighted" : "satisfied";
        d = {
          outcome: outcome,
          gap: performance - Math.min(Math.max(performance, low), high),
          adequacy_gap: performance - low,
          superiority_gap: performance - high,
          low: low, high: high, performance: performance,
        };
      } else {
        var e = ctx.num("expectation");
        var p = ctx.num("performance");
        var t = ctx.num("tolerance");
        var gap = p - e;
        var edge = t + 1e-9 * (1 + Math.abs(e) + Math.abs(p));
        d = { outcome: gap < -edge ? "dissatisfied" : gap > edge ? "delighted" : "satisfied", gap: gap, tolerance: t };
      }
      Object.keys(d).forEach(function (k) {
        if (k !== "low" && k !== "high" && k !== "performance" && k !== "tolerance") numbers["d_" + k] = d[k];
      });
      return { numbers: numbers, nps: nps, d: d, perScore: perScore, confidence: confidence };
    },
    render: function (res, ctx) {
      var r = res.nps;
      var d = res.d;
      var pct = L.pct;
      var summary = [
        "NPS " + L.signed(r.score, 1) + " (n = " + r.n + "; standard error " + fmt(r.se, 1) + " points; " +
          pct(res.confidence) + " interval " + L.signed(r.ci_low, 1) + " to " + L.signed(r.ci_high, 1) + ").",
        "Promoters " + r.promoters + " (" + pct(r.share_promoters) + "), passives " + r.passives + " (" + pct(r.share_passives) +
          "), detractors " + r.detractors + " (" + pct(r.share_detractors) + ").",
      ];
      if (d.adequacy_gap !== undefined)
        summary.push(
          "Zone of tolerance " + pyG(d.low) + " to " + pyG(d.high) + " (adequate to desired service); perceived " + pyG(d.performance) +
            ": " + d.outcome + " (" + L.signed(d.adequacy_gap) + " against adequate, " + L.signed(d.superiority_gap) + " against desired)."
        );
      else summary.push("Disconfirmation: performance minus expectation " + L.signed(d.gap) + ": " + d.outcome + ".");
      var cols = ["score"];
      var row = ["answers"];
      res.perScore.forEach(function (c, i) {
        cols.push(String(i));
        row.push(c);
      });
      var chart = ctx.raw("chart");
      var svg;
      if (chart === "NPS split") {
        svg = L.hbars({
          title: "Net Promoter Score " + L.signed(r.score, 1),
          labels: ["promoters (9-10)", "passives (7-8)", "detractors (0-6)"],
          values: [100 * r.share_promoters, 100 * r.share_passives, 100 * r.share_detractors],
          colours: ["#009E73", "#7F7F7F", "#D55E00"],
          xlabel: "Share of respondents (%)",
          digits: 1,
          left: 150,
        });
      } else {
        var low = d.adequacy_gap !== undefined ? d.low : -d.tolerance;
        var high = d.adequacy_gap !== undefined ? d.high : d.tolerance;
        var perf = d.adequacy_gap !== undefined ? d.performance : d.gap;
        svg = band(low, high, perf, d.outcome, d.adequacy_gap !== undefined);
      }
      return { summary: summary, html: L.table(cols, [row], 0), svg: svg };
    },
  };

  function band(low, high, perf, outcome, zone) {
    var pad = Math.max(1, 0.5 * (high - low));
    var left = Math.min(low, perf) - pad;
    var right = Math.max(high, perf) + pad;
    var w = 640;
    var h = 150;
    var sx = function (v) {
      return 20 + ((v - left) / (right - left)) * (w - 40);
    };
    var title = zone ? "Zone of tolerance: adequate to desired service" : "Expectation-disconfirmation";
    var out = [
      '<svg class="cpvkit-live-svg" viewBox="0 0 ' + w + " " + h + '" role="img" aria-label="' + esc(title) + '" xmlns="http://www.w3.org/2000/svg"><title>' + esc(title) + "</title>",
      '<text x="' + w / 2 + '" y="16" text-anchor="middle" class="t">' + esc(title) + "</text>",
      '<rect x="' + sx(left) + '" y="40" width="' + (sx(low) - sx(left)) + '" height="50" fill="#D55E00" opacity="0.3"/>',
      '<rect x="' + sx(low) + '" y="40" width="' + Math.max(sx(high) - sx(low), 1) + '" height="50" fill="#7F7F7F" opacity="0.3"/>',
      '<rect x="' + sx(high) + '" y="40" width="' + (sx(right) - sx(high)) + '" height="50" fill="#009E73" opacity="0.3"/>',
      '<path d="M' + (sx(perf) - 8) + ",40 L" + (sx(perf) + 8) + ",40 L" + sx(perf) + ',56 Z" fill="#0072B2"/>',
      '<text class="k" x="' + sx(perf) + '" y="34" text-anchor="middle">' + esc((zone ? "perceived " + pyG(perf) : "gap " + L.signed(perf)) + ": " + outcome) + "</text>",
      '<text class="k" x="' + sx(low) + '" y="106" text-anchor="middle">' + esc(zone ? "adequate " + pyG(low) : pyG(low)) + "</text>",
      '<text class="k" x="' + sx(high) + '" y="122" text-anchor="middle">' + esc(zone ? "desired " + pyG(high) : pyG(high)) + "</text>",
      '<text class="k" x="' + w / 2 + '" y="142" text-anchor="middle">' + esc(zone ? "below: dissatisfied; within: satisfied; above: delighted" : "Perceived performance minus expectation") + "</text>",
      "</svg>",
    ];
    return out.join("");
  }

  /* ------------------------------------------------------------ typed tables, Kano, IPA */

  var LINES = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/;
  var DECIMAL_COMMA = /[0-9],[0-9]/;
  var NUMBER_PIECE = new RegExp("^" + L.PY_WS + "*[+-]?[0-9]+" + L.PY_WS + "*$");
  var THOUSANDS_END = new RegExp("[0-9],[0-9]{3}" + L.PY_WS + "*$");

  /* cpvkit.widgets._tables.parse_rows: the last fields split off from the right */
  function parseRows(ctx, name, columns, numeric) {
    var lines = String(ctx.raw(name)).split(LINES).map(L.pyStrip);
    lines = lines.filter(function (l) {
      return l !== "" && l[0] !== "#";
    });
    if (!lines.length) ctx.fail(name + " is empty; enter one line per record: " + columns.join(", "));
    var limits = ctx.spec.tables;
    if (limits && lines.length > limits.max_rows)
      ctx.fail(name + " has " + fmt(lines.length, 0) + " lines; at most " + fmt(limits.max_rows, 0) + " are allowed");
    var k = columns.length - 1;
    var heads = [];
    var rows = lines.map(function (line, i) {
      var parts = line.split(",");
      if (parts.length < columns.length)
        ctx.fail(name + ": line " + (i + 1) + " (" + L.pyRepr(line) + ") needs " + columns.length + " comma-separated fields: " + columns.join(", "));
      var head = parts.slice(0, parts.length - k).join(",");
      heads.push(head);
      return [head].concat(parts.slice(parts.length - k)).map(L.pyStrip);
    });
    if (limits && numeric.length) {
      /* "Coffee, 6,3, 5,9": a name ending in a number on a line with a decimal comma is ambiguous */
      heads.forEach(function (head, i) {
        var cut = head.lastIndexOf(",");
        if (cut >= 0 && NUMBER_PIECE.test(head.slice(cut + 1)) && DECIMAL_COMMA.test(lines[i]) && !THOUSANDS_END.test(head))
          ctx.fail(
            name + ": line " + (i + 1) + " (" + L.pyRepr(lines[i]) + ") may use decimal commas; write decimals with a point and separate " +
              "the fields with commas, e.g. 'Coffee, 6.3, 5.9' (the " + columns[0] + " must not end with a number)"
          );
      });
    }
    numeric.forEach(function (column) {
      var j = columns.indexOf(column);
      rows.forEach(function (row, i) {
        var v = L.toNumeric(row[j]);
        if (Number.isNaN(v)) ctx.fail(name + ": line " + (i + 1) + ": " + column + " must be a number; got " + L.pyRepr(row[j]));
      });
      if (limits)
        rows.forEach(function (row, i) {
          if (Math.abs(L.toNumeric(row[j])) > limits.limit) ctx.fail(name + ": line " + (i + 1) + ": " + column + " must be at most " + limits.limit_text + " in size");
        });
      rows.forEach(function (row) {
        row[j] = L.toNumeric(row[j]);
      });
    });
    return rows;
  }
  L.parseRows = parseRows;

  /* numpy's pairwise summation (the order np.sum and np.mean add in) */
  function npSum(a, start, n) {
    var i;
    var res;
    if (n < 8) {
      res = 0;
      for (i = 0; i < n; i++) res += a[start + i];
      return res;
    }
    if (n <= 128) {
      var r = a.slice(start, start + 8);
      for (i = 8; i < n - (n % 8); i += 8) for (var j = 0; j < 8; j++) r[j] += a[start + i + j];
      res = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
      for (; i < n; i++) res += a[start + i];
      return res;
    }
    var n2 = Math.floor(n / 2);
    n2 -= n2 % 8;
    return npSum(a, start, n2) + npSum(a, start + n2, n - n2);
  }
  L.npSum = npSum;
  function npMean(a) {
    return npSum(a, 0, a.length) / a.length;
  }
  function npMedian(a) {
    var s = a.slice().sort(function (x, y) {
      return x - y;
    });
    var m = s.length >> 1;
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
  }

  /* ---- Kano */
  var ANSWERS = ["like", "must-be", "neutral", "live-with", "dislike"];
  var TABLE = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"];
  var ALIASES = {
    "i like it": 0, "i like it that way": 0, "i expect it": 1, "it must be that way": 1, "i am neutral": 2,
    "i'm neutral": 2, indifferent: 2, "i can live with it": 3, "i can tolerate it": 3, "i dislike it": 4,
    "i dislike it that way": 4,
  };
  var SPACES = new RegExp(L.PY_WS + "+");
  function kanoKey(text) {
    return L.pyStrip(text).toLowerCase().split("_").join(" ").split(SPACES).filter(function (t) {
      return t !== "";
    }).join("-");
  }
  var LOOKUP = {};
  ANSWERS.forEach(function (a, i) {
    LOOKUP[kanoKey(a)] = i;
    LOOKUP[String(i + 1)] = i;
    LOOKUP[i + 1 + ".0"] = i;
  });
  Object.keys(ALIASES).forEach(function (a) {
    LOOKUP[kanoKey(a)] = ALIASES[a];
  });
  var ALLOWED = "'like', 'must-be', 'neutral', 'live-with' or 'dislike' (any case) or the codes 1-5";

  function kanoSummary(features, f, d) {
    var order = [];
    var stats = {};
    features.forEach(function (name, i) {
      if (!stats.hasOwnProperty(name)) {
        stats[name] = { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 };
        order.push(name);
      }
      stats[name][TABLE[f[i]][d[i]]] += 1;
    });
    return order.map(function (name) {
      var s = stats[name];
      var core = ["M", "O", "A", "I"];
      var best = core[0];
      core.forEach(function (c) {
        if (s[c] > s[best]) best = c;
      });
      var odd = s.Q > s.R ? "Q" : "R";
      var category = Math.max(s.R, s.Q) <= s[best] ? best : odd;
      var base = s.A + s.O + s.M + s.I;
      return {
        feature: name, A: s.A, O: s.O, M: s.M, I: s.I, R: s.R, Q: s.Q,
        n: s.A + s.O + s.M + s.I + s.R + s.Q, category: category,
        better: base > 0 ? (s.A + s.O) / base : NaN,
        worse: base > 0 ? -(s.O + s.M) / base : NaN,
      };
    });
  }

  C.KanoCalculator = {
    compute: function (ctx) {
      var features;
      var f;
      var d;
      var pairs;
      if (ctx.raw("source") === "survey") {
        features = [];
        f = [];
        d = [];
        ctx.spec.data.survey.forEach(function (entry) {
          for (var i = 0; i < entry[1].length; i += 2) {
            features.push(entry[0]);
            f.push(Number(entry[1][i]));
            d.push(Number(entry[1][i + 1]));
          }
        });
        pairs = features.length;
        ctx.num("threshold");
      } else {
        var rows = parseRows(ctx, "answers", ["feature", "functional", "dysfunctional"], []);
        ctx.num("threshold");
        var codes = function (j, column) {
          return rows.map(function (row) {
            var c = LOOKUP[kanoKey(row[j])];
            if (c === undefined) ctx.fail("answers['" + column + "'] has an unknown answer " + L.pyRepr(row[j]) + "; allowed: " + ALLOWED);
            return c;
          });
        };
        f = codes(1, "functional");
        d = codes(2, "dysfunctional");
        features = rows.map(function (row) {
          return row[0];
        });
        pairs = rows.length;
      }
      var summary = kanoSummary(features, f, d);
      var numbers = { pairs: pairs, features: summary.length };
      summary.forEach(function (s, i) {
        ["feature", "A", "O", "M", "I", "R", "Q", "n", "category", "better", "worse"].forEach(function (k) {
          numbers[i + "_" + k] = s[k];
        });
      });
      return { numbers: numbers, summary: summary, threshold: ctx.num("threshold") };
    },
    render: function (res) {
      var s = res.summary;
      var text = [
        fmt(res.numbers.pairs, 0) + " answer pairs on " + s.length + " features.",
        "Categories (A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable): " +
          s.map(function (x) {
            return x.feature + ": " + x.category;
          }).join("; ") + ".",
      ];
      var rows = s.map(function (x) {
        return [x.feature, x.A, x.O, x.M, x.I, x.R, x.Q, x.n, x.category, x.better, x.worse];
      });
      var colours = { A: "#009E73", O: "#0072B2", M: "#D55E00", I: "#7F7F7F", R: "#CC79A7", Q: "#E69F00" };
      var t = res.threshold;
      return {
        summary: text,
        html: L.table(["feature", "A", "O", "M", "I", "R", "Q", "n", "category", "better", "worse"], rows, [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2]),
        svg: L.scatter({
          title: "Kano: satisfaction (better) and dissatisfaction (worse) coefficients",
          points: s.filter(function (x) {
            return !Number.isNaN(x.better);
          }).map(function (x) {
            return { x: -x.worse, y: x.better, label: x.feature + " (" + x.category + ")", colour: colours[x.category] };
          }),
          cx: t, cy: t, xrange: [0, 1], yrange: [0, 1],
          quadrants: [[0, 1, "attractive"], [1, 1, "one-dimensional"], [1, 0, "must-be"], [0, 0, "indifferent"]],
          xlabel: "Dissatisfaction if absent (|worse|)",
          ylabel: "Satisfaction if present (better)",
        }),
      };
    },
  };

  /* ---- IPA */
  var QUADRANTS = { TF: "Concentrate here", TT: "Keep up the good work", FF: "Low priority", FT: "Possible overkill" };

  C.IPACalculator = {
    compute: function (ctx) {
      var rows;
      if (ctx.raw("source") === "survey") rows = ctx.spec.data.survey.map(function (r) { return r.slice(); });
      else rows = parseRows(ctx, "ratings", ["attribute", "importance", "performance"], ["importance", "performance"]);
      ["importance", "performance"].forEach(function (column, j) {
        rows.forEach(function (r) {
          if (!isFinite(r[j + 1])) ctx.fail("data['" + column + "'] contains an infinite value; only finite numbers are allowed");
        });
      });
      var table = [];
      var seen = {};
      var duplicated = false;
      rows.forEach(function (r) {
        if (seen.hasOwnProperty(r[0])) duplicated = true;
        seen[r[0]] = true;
      });
      if (duplicated) {
        var groups = {};
        var order = [];
        rows.forEach(function (r) {
          if (!groups.hasOwnProperty(r[0])) {
            groups[r[0]] = [[], []];
            order.push(r[0]);
          }
          groups[r[0]][0].push(r[1]);
          groups[r[0]][1].push(r[2]);
        });
        table = order.map(function (a) {
          return { attribute: a, importance: kahanMean(groups[a][0]), performance: kahanMean(groups[a][1]), n: groups[a][0].length };
        });
      } else {
        table = rows.map(function (r) {
          return { attribute: r[0], importance: r[1], performance: r[2] };
        });
      }
      var imp = table.map(function (t) { return t.importance; });
      var perf = table.map(function (t) { return t.performance; });
      var choice = ctx.raw("crosshair");
      var cx, cy;
      if (choice === "midpoint") {
        cx = 4;
        cy = 4;
      } else {
        var func = choice === "mean" ? npMean : npMedian;
        cx = func(perf);
        cy = func(imp);
      }
      var numbers = { attributes: table.length, cx: cx, cy: cy };
      table.forEach(function (t, i) {
        var hi = t.importance >= cy;
        var hp = t.performance >= cx;
        t.quadrant = QUADRANTS[(hi ? "T" : "F") + (hp ? "T" : "F")];
        numbers[i + "_attribute"] = t.attribute;
        numbers[i + "_importance"] = t.importance;
        numbers[i + "_performance"] = t.performance;
        numbers[i + "_quadrant"] = t.quadrant;
      });
      return { numbers: numbers, table: table, cx: cx, cy: cy };
    },
    render: function (res) {
      var focus = res.table.filter(function (t) {
        return t.quadrant === "Concentrate here";
      }).map(function (t) {
        return t.attribute;
      });
      var colours = { "Concentrate here": "#D55E00", "Keep up the good work": "#009E73", "Low priority": "#7F7F7F", "Possible overkill": "#0072B2" };
      var hasN = res.table.length && res.table[0].n !== undefined;
      var cols = ["attribute", "importance", "performance"].concat(hasN ? ["n"] : []).concat(["quadrant"]);
      return {
        summary: [res.table.length + " attributes. Concentrate here: " + (focus.length ? focus.join(", ") : "none") + "."],
        html: L.table(cols, res.table.map(function (t) {
          return [t.attribute, t.importance, t.performance].concat(hasN ? [t.n] : []).concat([t.quadrant]);
        }), hasN ? [0, 2, 2, 0, 0] : [0, 2, 2, 0]),
        svg: L.scatter({
          title: "Importance-performance grid",
          points: res.table.map(function (t) {
            return { x: t.performance, y: t.importance, label: t.attribute, colour: colours[t.quadrant] };
          }),
          cx: res.cx, cy: res.cy,
          quadrants: [[0, 1, "Concentrate here"], [1, 1, "Keep up the good work"], [0, 0, "Low priority"], [1, 0, "Possible overkill"]],
          xlabel: "Performance",
          ylabel: "Importance",
        }),
      };
    },
  };

  /* pandas' group mean adds with Kahan compensation */
  function kahanMean(values) {
    var sum = 0;
    var comp = 0;
    values.forEach(function (v) {
      var y = v - comp;
      var t = sum + y;
      comp = t - sum - y;
      sum = t;
    });
    return sum / values.length;
  }

  /* ------------------------------------------------------------ retention economics and CLV */

  /* the rows compared by the parity test: the first 30, the middle, a third and the last */
  function sampleRows(n) {
    var rows = {};
    for (var i = 0; i < Math.min(n, 30); i++) rows[i] = true;
    rows[n - 1] = rows[Math.floor(n / 2)] = rows[Math.floor(n / 3)] = true;
    return Object.keys(rows).map(Number).sort(function (a, b) {
      return a - b;
    });
  }
  L.sampleRows = sampleRows;

  /* crm.clv's closed form: first margin at time 0 when includeFirst */
  function clvCore(m, r, d, horizon, includeFirst) {
    var q = r / (1 + d);
    var tail = horizon === null ? 1 : 1 - Math.pow(q, horizon);
    var base = tail / (1 - q);
    return m * (includeFirst ? base : q * base);
  }

  var RATES = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

  /* relationship.cohort_projection (first margin at acquisition) */
  function cohort(n0, r, m, n, d, a) {
    var rows = { period: [], customers: [], cumulative_present_value: [], survival: [], lost: [], profit: [], present_value: [], discount_factor: [] };
    var cumPv = 0;
    var prev = n0;
    for (var i = 0; i < n; i++) {
      var t = i;
      var surv = Math.pow(r, t);
      var active = n0 * surv;
      var spend = i === 0 ? n0 * a : 0;
      var income = active * m;
      var disc = Math.pow(1 + d, -t);
      var pv = income * disc - spend;
      cumPv += pv;
      rows.period.push(i + 1);
      rows.survival.push(surv);
      rows.customers.push(active);
      rows.lost.push(-(active - prev));
      rows.profit.push(income - spend);
      rows.discount_factor.push(disc);
      rows.present_value.push(pv);
      rows.cumulative_present_value.push(cumPv);
      prev = active;
    }
    return rows;
  }

  C.RetentionCalculator = {
    compute: function (ctx) {
      var r = ctx.num("retention");
      var m = ctx.num("margin");
      var d = ctx.num("discount_rate");
      var a = ctx.num("acquisition_cost");
      var n0 = ctx.num("customers");
      var n = ctx.num("periods");
      var lifetime = 1 / (1 - r);
      var c = cohort(n0, r, m, n, d, a);
      var table = RATES.map(function (rate) {
        var value = clvCore(m, rate, d, null, true);
        return { retention: rate, churn: 1 - rate, lifetime: 1 / (1 - rate), clv: value - 0, clv_net: value - a };
      });
      var value = clvCore(m, r, d, null, true);
      var payback = null;
      for (var i = 0; i < n; i++)
        if (c.cumulative_present_value[i] >= 0) {
          payback = c.period[i];
          break;
        }
      var numbers = { lifetime: lifetime, clv: value, clv_net: value - a, payback: payback, periods: n };
      sampleRows(n).forEach(function (i) {
        ["survival", "customers", "lost", "profit", "discount_factor", "present_value", "cumulative_present_value"].forEach(function (k) {
          numbers["cohort_" + i + "_" + k] = c[k][i];
        });
      });
      table.forEach(function (row, i) {
        ["retention", "churn", "lifetime", "clv", "clv_net"].forEach(function (k) {
          numbers["table_" + i + "_" + k] = row[k];
        });
      });
      return { numbers: numbers, cohort: c, table: table, r: r };
    },
    render: function (res, ctx) {
      var x = res.numbers;
      var c = res.cohort;
      var n = c.period.length;
      var summary = [
        "Expected lifetime " + fmt(x.lifetime) + " paid periods (the period of acquisition included); CLV " + fmt(x.clv) +
          " per customer, " + fmt(x.clv_net) + " after the acquisition cost.",
        "Cohort after " + n + " periods: " + fmt(c.customers[n - 1], 0) + " customers active, cumulative discounted profit " +
          fmt(c.cumulative_present_value[n - 1], 0) + "; the cohort " +
          (x.payback !== null ? "pays back in period " + x.payback : "does not pay back within the periods shown") + ".",
      ];
      var html = "<p><small>Lifetime and CLV by retention rate (same margin and discount rate):</small></p>" +
        L.table(["retention", "churn", "expected lifetime", "CLV", "CLV after acquisition cost"], res.table.map(function (t) {
          return [L.pct(t.retention), L.pct(t.churn), t.lifetime, t.clv, t.clv_net];
        }), 2);
      var svg;
      if (ctx.raw("chart") === "Survival curve") {
        var shown = Math.max(1, Math.min(n - 1, 1000));
        var xs = [];
        var ys = [];
        for (var t = 0; t <= shown; t++) {
          xs.push(t);
          ys.push(Math.pow(res.r, t));
        }
        svg = L.lines({ title: "Survival at retention " + L.pct(res.r), series: [{ x: xs, y: ys, colour: "#0072B2", label: "share still active" }], xlabel: "Periods after acquisition", ylabel: "Share of the cohort still active" });
      } else {
        svg = '<div class="cpvkit-live-pair">' +
          L.lines({ title: "Cohort at retention " + L.pct(res.r), height: 280, series: [{ x: c.period, y: c.customers, colour: "#0072B2", label: "customers still active" }], xlabel: "Period" }) +
          L.lines({ title: "Cohort profit (after acquisition cost)", height: 280, zero: true, series: [{ x: c.period, y: c.cumulative_present_value, colour: "#333333", label: "cumulative discounted profit" }], xlabel: "Period" }) +
          "</div>";
      }
      return { summary: summary, html: html, svg: svg };
    },
  };

  function schedule(m, r, d, n, first, a) {
    var out = { survival: [], expected_margin: [], discount_factor: [], present_value: [], cumulative_clv: [], period: [] };
    var cum = 0;
    for (var i = 0; i < n; i++) {
      var t = i + 1 - (first ? 1 : 0);
      var surv = Math.pow(r, t);
      var disc = Math.pow(1 + d, -t);
      var expected = m * surv;
      var pv = expected * disc;
      cum += pv;
      out.period.push(i + 1);
      out.survival.push(surv);
      out.expected_margin.push(expected);
      out.discount_factor.push(disc);
      out.present_value.push(pv);
      out.cumulative_clv.push(cum - a);
    }
    return out;
  }

  function scenario(ctx, suffix, horizon, periods) {
    var m = ctx.num("margin" + suffix);
    var r = ctx.num("retention" + suffix);
    var d = ctx.num("discount_rate" + suffix);
    var a = ctx.num("acquisition_cost" + suffix);
    var first = !!ctx.raw("include_first");
    return { clv: clvCore(m, r, d, horizon, first) - a, schedule: schedule(m, r, d, horizon || periods, first, a) };
  }

  var COLS = ["survival", "expected_margin", "discount_factor", "present_value", "cumulative_clv"];

  C.CLVCalculator = {
    compute: function (ctx) {
      var horizon = ctx.num("horizon");
      var periods = ctx.num("periods");
      var A = scenario(ctx, "", horizon, periods);
      var B = ctx.raw("compare") ? scenario(ctx, "_b", horizon, periods) : null;
      var n = A.schedule.period.length;
      var numbers = { clv: A.clv, clv_b: B ? B.clv : null, rows: n };
      sampleRows(n).forEach(function (i) {
        COLS.forEach(function (k) {
          numbers["a_" + i + "_" + k] = A.schedule[k][i];
          if (B) numbers["b_" + i + "_" + k] = B.schedule[k][i];
        });
      });
      return { numbers: numbers, A: A, B: B };
    },
    render: function (res) {
      var A = res.A;
      var B = res.B;
      var summary = ["Scenario A: CLV " + fmt(A.clv) + "."];
      if (B) summary.push("Scenario B: CLV " + fmt(B.clv) + "; difference B - A " + L.signed(B.clv - A.clv) + ".");
      var n = A.schedule.period.length;
      var rows = [];
      for (var i = 0; i < Math.min(n, 10); i++)
        rows.push([String(A.schedule.period[i]), A.schedule.survival[i], A.schedule.expected_margin[i], A.schedule.discount_factor[i], A.schedule.present_value[i], A.schedule.cumulative_clv[i]]);
      var note = n > 10 ? " (first 10 of " + n + " periods)" : "";
      var series = [{ x: A.schedule.period, y: A.schedule.cumulative_clv, colour: "#0072B2", label: "Scenario A: CLV " + fmt(A.clv) }];
      var hl = [{ y: A.clv, colour: "#0072B2" }];
      if (B) {
        series.push({ x: B.schedule.period, y: B.schedule.cumulative_clv, colour: "#D55E00", label: "Scenario B: CLV " + fmt(B.clv) });
        hl.push({ y: B.clv, colour: "#D55E00" });
      }
      return {
        summary: summary,
        html: "<p><small>Build-up of scenario A" + L.esc(note) + ":</small></p>" +
          L.table(["period", "survival", "expected margin", "discount factor", "present value", "cumulative CLV"], rows, 3),
        svg: L.lines({ title: "Build-up of customer lifetime value", series: series, hlines: hl, xlabel: "Period", ylabel: "Cumulative discounted value" }),
      };
    },
  };

  /* ------------------------------------------------------------ start: every calculator on the page */
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", window.CpvkitLive.mountAll);
  else window.CpvkitLive.mountAll();
})();
