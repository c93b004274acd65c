/* aiscan report.html: renders the inline data (#aiscan-data) into tables, filters, charts
 * (Chart.js) and the dependency graph (Cytoscape.js). Every text goes in through textContent and
 * is never parsed as markup, so nothing found in a scan can become HTML. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('aiscan-data').textContent);

  var STATUS_LABEL = { shadow: 'Shadow', registered: 'Registered', drift: 'Drift', stale: 'Stale' };
  var STATUS_COLOR = { shadow: '#d23c3c', drift: '#e39a2d', registered: '#23935f', stale: '#9aa3b5' };
  var NODE_TYPES = [
    { type: 'repository', label: 'Repository', color: '#2457d6', shape: 'round-rectangle' },
    { type: 'account', label: 'Cloud account', color: '#7c3aed', shape: 'round-rectangle' },
    { type: 'package', label: 'Package', color: '#64748b', shape: 'ellipse' },
    { type: 'resource', label: 'Cloud resource', color: '#0e8fa8', shape: 'round-tag' },
    { type: 'provider', label: 'Provider', color: '#e0662a', shape: 'diamond' },
    { type: 'model', label: 'Model', color: '#23935f', shape: 'ellipse' }
  ];

  /* ---------- small DOM helpers ---------- */

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) {
        continue;
      }
      parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return parent;
  }

  function statusBadge(status) {
    return el('span', 'badge badge-' + status, STATUS_LABEL[status] || status);
  }

  function newBadge(asset) {
    return asset['new'] ? el('span', 'badge badge-new', 'new') : null;
  }

  function models(list) {
    var box = el('span', 'models');
    if (!list || list.length === 0) {
      box.appendChild(el('span', 'muted', '–'));
    }
    (list || []).forEach(function (m) {
      box.appendChild(el('span', 'model', m));
    });
    return box;
  }

  function pair(dl, term, value) {
    if (value === null || value === undefined || value === '') {
      return;
    }
    dl.appendChild(el('dt', null, term));
    var dd = el('dd');
    append(dd, value);
    dl.appendChild(dd);
  }

  /* ---------- shadow AI ---------- */

  function renderShadow() {
    var box = document.getElementById('shadow-list');
    var shadow = data.assets.filter(function (a) { return a.status === 'shadow'; });
    if (shadow.length === 0) {
      box.appendChild(el('p', 'all-clear', data.scan.registerGiven
        ? 'No shadow AI: every asset found is covered by the AI register.'
        : 'No AI assets found.'));
      return;
    }
    shadow.forEach(function (a) {
      var card = el('article', 'shadow-card');
      card.setAttribute('data-asset', a.id);
      var title = el('h3', null, a.name);
      append(title, ' ', newBadge(a));
      card.appendChild(title);
      var dl = el('dl');
      pair(dl, 'Provider', a.provider);
      pair(dl, 'Target', a.targetName);
      if (a.models.length) {
        pair(dl, 'Models', models(a.models));
      }
      var where = el('ul');
      a.findings.slice(0, 3).forEach(function (f) {
        var li = el('li');
        append(li, el('code', null, f.location), ' ', el('span', 'dep-path', f.rule));
        where.appendChild(li);
      });
      if (a.findings.length > 3) {
        where.appendChild(el('li', 'dep-path', '+ ' + (a.findings.length - 3) + ' more'));
      }
      pair(dl, 'Evidence', where);
      pair(dl, 'Why', a.statusReason);
      card.appendChild(dl);
      box.appendChild(card);
    });
  }

  /* ---------- asset table ---------- */

  var rows = [];

  function evidenceTable(asset) {
    var table = el('table', 'evidence');
    var head = el('tr');
    ['Location', 'Rule', 'Category', 'Confidence', 'Evidence (redacted)'].forEach(function (h) {
      head.appendChild(el('th', null, h));
    });
    append(table, append(el('thead'), head));
    var body = el('tbody');
    asset.findings.forEach(function (f) {
      var tr = el('tr');
      tr.appendChild(append(el('td'), el('code', null, f.location)));
      tr.appendChild(el('td', 'mono', f.rule));
      tr.appendChild(el('td', null, f.category));
      tr.appendChild(el('td', null, f.confidence));
      var ev = el('td');
      ev.appendChild(el('div', 'evidence-text', f.evidence));
      if (f.fingerprint) {
        ev.appendChild(el('div', 'dep-path', 'key fingerprint: ' + f.fingerprint));
      }
      if (f.model) {
        ev.appendChild(el('div', 'dep-path', 'model: ' + f.model));
      }
      if (f.path && f.path.length) {
        ev.appendChild(el('div', 'dep-path',
          (f.direct ? 'direct' : 'transitive') + (f.scope ? ' (' + f.scope + ')' : '') + ': '
          + f.path.join(' → ')));
      }
      tr.appendChild(ev);
      body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  function detail(asset) {
    var td = el('td');
    td.colSpan = 8;
    var dl = el('dl', 'detail-grid');
    pair(dl, 'Status', statusBadge(asset.status));
    pair(dl, 'Why', asset.statusReason);
    if (asset.registerId) {
      pair(dl, 'Register entry', asset.entryName + ' (' + asset.registerId + ')');
    }
    pair(dl, 'Owner', asset.owner);
    pair(dl, 'Kind', asset.kind + (asset.transitiveOnly ? ' · only through transitive dependencies' : ''));
    pair(dl, 'Categories', asset.categories.join(', '));
    pair(dl, 'Confidence', asset.confidence);
    pair(dl, 'Asset id', el('code', null, asset.id));
    td.appendChild(dl);
    td.appendChild(evidenceTable(asset));
    var tr = el('tr', 'detail-row');
    tr.hidden = true;
    tr.appendChild(td);
    return tr;
  }

  function haystack(a) {
    var parts = [a.id, a.name, a.provider, a.kind, a.targetName, a.target, a.status, a.owner,
      a.entryName, a.registerId, a.statusReason].concat(a.models, a.categories);
    a.findings.forEach(function (f) {
      parts.push(f.location, f.rule, f.evidence, f.model, f.category);
    });
    return parts.filter(function (p) { return p !== null && p !== undefined; }).join('\n').toLowerCase();
  }

  function renderTable() {
    var body = document.getElementById('asset-rows');
    data.assets.forEach(function (a) {
      var tr = el('tr', 'asset-row status-' + a.status);
      tr.setAttribute('data-status', a.status);
      tr.setAttribute('data-provider', a.provider);
      tr.setAttribute('data-asset', a.id);
      var toggle = el('button', 'toggle', '▶');
      toggle.type = 'button';
      toggle.setAttribute('aria-label', 'Show evidence');
      toggle.setAttribute('aria-expanded', 'false');
      tr.appendChild(append(el('td', 'col-toggle'), toggle));
      tr.appendChild(append(el('td'), statusBadge(a.status)));
      var name = el('td');
      append(name, el('span', 'asset-name', a.name), newBadge(a), el('span', 'asset-id', a.id));
      tr.appendChild(name);
      tr.appendChild(el('td', null, a.provider));
      tr.appendChild(el('td', null, a.targetName));
      tr.appendChild(append(el('td'), models(a.models)));
      tr.appendChild(el('td', null, a.owner));
      tr.appendChild(el('td', 'num', a.findings.length));
      var more = detail(a);
      var row = { asset: a, tr: tr, detail: more, open: false, text: haystack(a) };
      tr.addEventListener('click', function () {
        row.open = !row.open;
        tr.classList.toggle('open', row.open);
        toggle.setAttribute('aria-expanded', String(row.open));
        more.hidden = !row.open || tr.hidden;
      });
      body.appendChild(tr);
      body.appendChild(more);
      rows.push(row);
    });

    var providers = {};
    data.assets.forEach(function (a) { providers[a.provider] = true; });
    var select = document.getElementById('provider-filter');
    Object.keys(providers).sort().forEach(function (p) {
      var o = el('option', null, p);
      o.value = p;
      select.appendChild(o);
    });

    document.getElementById('search').addEventListener('input', applyFilters);
    document.getElementById('status-filter').addEventListener('change', applyFilters);
    select.addEventListener('change', applyFilters);
    applyFilters();
  }

  function applyFilters() {
    var q = document.getElementById('search').value.trim().toLowerCase();
    var status = document.getElementById('status-filter').value;
    var provider = document.getElementById('provider-filter').value;
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (status === 'all' || r.asset.status === status)
        && (provider === 'all' || r.asset.provider === provider)
        && (q === '' || r.text.indexOf(q) >= 0);
      r.tr.hidden = !ok;
      r.detail.hidden = !ok || !r.open;
      if (ok) {
        shown++;
      }
    });
    document.getElementById('visible-count').textContent = String(shown);
    document.getElementById('no-match').hidden = shown > 0 || rows.length === 0;
  }

  /* ---------- charts ---------- */

  var charts = {};

  function chart(canvasId, series, horizontal) {
    var canvas = document.getElementById(canvasId);
    if (series.labels.length === 0) {
      canvas.parentNode.replaceChild(el('p', 'empty', 'No assets.'), canvas);
      return;
    }
    var datasets = data.charts.statuses.map(function (s) {
      return {
        label: STATUS_LABEL[s] || s,
        data: series.series[s],
        backgroundColor: STATUS_COLOR[s],
        borderRadius: 3,
        maxBarThickness: 34
      };
    });
    var countAxis = { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#eef1f6' } };
    var labelAxis = {
      stacked: true,
      grid: { display: false },
      ticks: {
        autoSkip: false,
        callback: function (value) {
          var label = String(this.getLabelForValue(value));
          return label.length > 24 ? label.slice(0, 23) + '…' : label;
        }
      }
    };
    charts[canvasId] = new Chart(canvas, {
      type: 'bar',
      data: { labels: series.labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
          tooltip: { mode: 'index', intersect: false }
        },
        scales: horizontal ? { x: countAxis, y: labelAxis } : { x: labelAxis, y: countAxis }
      }
    });
  }

  function renderCharts() {
    if (typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.color = '#5d6b82';
    chart('chart-provider', data.charts.byProvider, false);
    chart('chart-owner', data.charts.byOwner, true);
    chart('chart-target', data.charts.byTarget, false);
  }

  /* ---------- dependency graph ---------- */

  function renderGraph() {
    var container = document.getElementById('graph');
    var info = document.getElementById('graph-info');
    var legend = document.getElementById('graph-legend');
    var present = {};
    data.graph.nodes.forEach(function (n) { present[n.type] = true; });
    NODE_TYPES.forEach(function (t) {
      if (present[t.type]) {
        var item = el('span');
        var swatch = el('i');
        swatch.style.background = t.color;
        append(item, swatch, t.label);
        legend.appendChild(item);
      }
    });
    if (data.graph.omittedNodes > 0) {
      legend.appendChild(el('span', null, data.graph.omittedNodes + ' more nodes left out'));
    }
    if (data.graph.nodes.length === 0 || typeof cytoscape === 'undefined') {
      container.replaceWith(el('p', 'empty', 'No AI dependencies to draw.'));
      return;
    }
    var elements = [];
    data.graph.nodes.forEach(function (n) {
      elements.push({ group: 'nodes', data: { id: n.id, label: n.label, type: n.type, detail: n.detail } });
    });
    data.graph.edges.forEach(function (e, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target } });
    });
    var style = [
      {
        selector: 'node',
        style: {
          'label': 'data(label)',
          'font-size': 10,
          'color': '#1c2433',
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'ellipsis',
          'text-max-width': '210px',
          'width': 18,
          'height': 18,
          'border-width': 1.5,
          'border-color': '#ffffff'
        }
      },
      {
        selector: 'edge',
        style: {
          'width': 1.3,
          'line-color': '#b8c2d3',
          'target-arrow-color': '#b8c2d3',
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.8,
          'curve-style': 'bezier'
        }
      },
      {
        selector: 'node:selected',
        style: { 'border-color': '#14203a', 'border-width': 3 }
      }
    ];
    NODE_TYPES.forEach(function (t) {
      style.push({
        selector: 'node[type = "' + t.type + '"]',
        style: { 'background-color': t.color, 'shape': t.shape }
      });
    });
    style.push({ selector: 'node[type = "repository"], node[type = "account"]', style: { 'width': 26, 'height': 22, 'font-weight': 'bold' } });
    style.push({ selector: 'node[type = "provider"]', style: { 'width': 24, 'height': 24 } });

    var lanes = lanesOf(data.graph);
    container.style.height = Math.min(1600, Math.max(420, lanes.rows * 52 + 40)) + 'px';
    var cy = cytoscape({
      container: container,
      elements: elements,
      style: style,
      layout: {
        // Cytoscape's grid layout, one column per step of repository → package → provider → model
        name: 'grid',
        cols: lanes.cols,
        rows: lanes.rows,
        position: function (node) { return lanes.cell[node.id()]; },
        avoidOverlap: true,
        padding: 24,
        animate: false
      },
      minZoom: 0.2,
      maxZoom: 3
    });
    if (cy.zoom() > 1.2) {
      cy.zoom(1.2);
      cy.center();
    }
    cy.on('tap', 'node', function (evt) {
      var d = evt.target.data();
      var type = NODE_TYPES.filter(function (t) { return t.type === d.type; })[0];
      info.textContent = (type ? type.label : d.type) + ': ' + d.label
        + (d.detail && d.detail !== d.type ? ' · ' + d.detail : '')
        + ' · ' + evt.target.indegree() + ' in, ' + evt.target.outdegree() + ' out';
    });
    window.aiscanGraph = cy;
  }

  /**
   * Grid cells for the graph: the column is the node's step (repository or account, then packages
   * by depth in their dependency chain, or cloud resources, then providers, then models); within a
   * column nodes follow the rows of what points at them, so edges cross little.
   */
  function lanesOf(graph) {
    var type = {};
    var preds = {};
    graph.nodes.forEach(function (n) { type[n.id] = n.type; preds[n.id] = []; });
    graph.edges.forEach(function (e) { preds[e.target].push(e.source); });
    var depth = {};
    function packageDepth(id, seen) {
      if (depth[id] !== undefined) {
        return depth[id];
      }
      if (seen[id]) {
        return 1;
      }
      seen[id] = true;
      var d = 1;
      preds[id].forEach(function (p) {
        if (type[p] === 'package') {
          d = Math.max(d, packageDepth(p, seen) + 1);
        }
      });
      depth[id] = d;
      return d;
    }
    var maxPackage = 0;
    graph.nodes.forEach(function (n) {
      if (n.type === 'package') {
        maxPackage = Math.max(maxPackage, packageDepth(n.id, {}));
      }
    });
    var middle = Math.max(maxPackage, graph.nodes.some(function (n) { return n.type === 'resource'; }) ? 1 : 0);
    function column(n) {
      switch (n.type) {
        case 'repository':
        case 'account': return 0;
        case 'package': return depth[n.id];
        case 'resource': return 1;
        case 'provider': return middle + 1;
        default: return middle + 2;
      }
    }
    var columns = [];
    graph.nodes.forEach(function (n) {
      var c = column(n);
      (columns[c] = columns[c] || []).push(n);
    });
    var cell = {};
    var rows = 1;
    var cols = 0;
    columns.forEach(function (list, c) {
      if (!list) {
        return;
      }
      var order = list.map(function (n, i) {
        var placed = preds[n.id].filter(function (p) { return cell[p] !== undefined; });
        var at = placed.length
          ? placed.reduce(function (sum, p) { return sum + cell[p].row; }, 0) / placed.length
          : i;
        return { node: n, at: at, i: i };
      });
      order.sort(function (x, y) { return x.at - y.at || x.i - y.i; });
      order.forEach(function (o, row) { cell[o.node.id] = { row: row, col: cols }; });
      rows = Math.max(rows, order.length);
      cols++;
    });
    return { cell: cell, rows: rows, cols: Math.max(cols, 1) };
  }

  /* ---------- register and warnings ---------- */

  function renderRegister() {
    var hint = document.getElementById('register-hint');
    var body = document.getElementById('register-rows');
    if (!data.scan.registerGiven) {
      hint.textContent = 'No AI register was given: every asset counts as shadow AI. Pass one with --register.';
      document.getElementById('register-table').hidden = true;
      return;
    }
    hint.textContent = 'Entries of ' + data.scan.registerFile
      + ': matched entries cover assets found; unmatched and stale entries cover nothing this scan found.';
    data.entries.forEach(function (e) {
      var tr = el('tr');
      var name = el('td');
      append(name, el('span', 'asset-name', e.name), el('span', 'asset-id', e.id));
      tr.appendChild(name);
      tr.appendChild(el('td', null, e.owner || '(owner not set)'));
      tr.appendChild(append(el('td'), el('span', 'badge badge-state ' + e.state, e.state)));
      tr.appendChild(el('td', 'num', e.assets.length));
      tr.appendChild(append(el('td'), el('code', null, e.origin)));
      body.appendChild(tr);
    });
    if (data.entries.length === 0) {
      var tr = el('tr');
      var td = el('td', 'empty', 'The register has no entries.');
      td.colSpan = 5;
      body.appendChild(append(tr, td));
    }
  }

  function renderWarnings() {
    var list = document.getElementById('warning-list');
    data.warnings.forEach(function (w) {
      var li = el('li');
      append(li, el('code', null, w.source), ' ', w.message);
      list.appendChild(li);
    });
    if (data.warningsNotListed > 0) {
      list.appendChild(el('li', 'empty', data.warningsNotListed + ' more not listed (see inventory.json).'));
    }
    if (data.warnings.length === 0 && data.warningsNotListed === 0) {
      list.appendChild(el('li', 'all-clear', 'None: every file and resource was read.'));
    }
  }

  renderShadow();
  renderTable();
  renderRegister();
  renderWarnings();
  renderCharts();
  renderGraph();
  window.aiscanCharts = charts;
  document.documentElement.setAttribute('data-ready', 'true');
})();
