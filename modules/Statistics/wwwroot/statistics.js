// Statistiques: the « Imprimer » button and the charts (Chart.js from npm, served under /lib).
// The data come from data-chart attributes (no inline script under the CSP). Bars are dark grey
// with their value written above them, so a chart reads the same printed in black and white.
(function () {
  'use strict';

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });

  if (typeof Chart === 'undefined') {
    return;
  }

  // Writes each bar's value above it (direct labels: no colour legend to decode).
  var valueLabels = {
    id: 'valueLabels',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = '#000';
      ctx.font = '12px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      chart.getDatasetMeta(0).data.forEach(function (bar, i) {
        var value = chart.data.datasets[0].data[i];
        ctx.fillText(String(value), bar.x, bar.y - 2);
      });
      ctx.restore();
    }
  };

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: [{ label: 'Présences', data: data.values, backgroundColor: '#4a4a4a', borderColor: '#000', borderWidth: 1 }]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: 20 } },
        plugins: {
          legend: { display: false },
          title: { display: true, text: canvas.getAttribute('data-chart-title'), color: '#000' }
        },
        scales: {
          x: { ticks: { color: '#000' }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: '#000', precision: 0 }, grid: { color: '#ccc' } }
        }
      },
      plugins: [valueLabels]
    });
    canvas.setAttribute('data-chart-ready', 'true');
    // Printing: the canvas is redrawn at the paper's width.
    window.addEventListener('beforeprint', function () { chart.resize(); });
  });
})();
