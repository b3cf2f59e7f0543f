// Trend charts of Sở's landing page (issue 12 item 4), drawn with Chart.js (vendored under lib/chartjs) from the JSON
// in the page's data-charts attribute; each chart's numbers are also in the table under it.
(function () {
    'use strict';
    var source = document.getElementById('dashboard-charts');
    if (!source || typeof Chart === 'undefined') {
        return;
    }

    var data = JSON.parse(source.dataset.charts || '{}');
    var palette = ['#0d6efd', '#dc3545', '#198754', '#fd7e14', '#6f42c1'];
    var number = new Intl.NumberFormat('vi-VN');
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.animation = false;

    function stacked(id, series) {
        var canvas = document.getElementById(id);
        if (!canvas) {
            return;
        }

        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.months,
                datasets: data.types.map(function (label, i) {
                    return { label: label, data: series[i], backgroundColor: palette[i % palette.length] };
                })
            },
            options: {
                maintainAspectRatio: false,
                scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
                plugins: { legend: { position: 'bottom' } }
            }
        });
    }

    stacked('chart-received', data.received);
    stacked('chart-completed', data.completed);

    var onTime = document.getElementById('chart-ontime');
    if (onTime) {
        new Chart(onTime, {
            type: 'line',
            data: {
                labels: data.months,
                datasets: [{ label: 'Tỷ lệ đúng hạn (%)', data: data.onTimeRate, borderColor: palette[2], backgroundColor: palette[2], spanGaps: true }]
            },
            options: {
                maintainAspectRatio: false,
                scales: { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } },
                plugins: {
                    legend: { display: false },
                    tooltip: { callbacks: { label: function (c) { return number.format(c.parsed.y) + '%'; } } }
                }
            }
        });
    }

    var expiring = document.getElementById('chart-expiring');
    if (expiring) {
        new Chart(expiring, {
            type: 'bar',
            data: {
                labels: data.expiryMonths,
                datasets: [{ label: 'Chứng thư hết hạn', data: data.expiring, backgroundColor: palette[3] }]
            },
            options: {
                maintainAspectRatio: false,
                scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
                plugins: { legend: { display: false } }
            }
        });
    }
})();
