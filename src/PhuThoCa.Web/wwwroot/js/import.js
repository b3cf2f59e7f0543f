// Import progress: polls the job's status endpoint and moves the bar; reloads the page for the result when done.
(function () {
    'use strict';
    var box = document.getElementById('import-progress');
    if (!box) {
        return;
    }

    var url = box.getAttribute('data-status-url');
    var bar = document.getElementById('import-bar');
    var phase = document.getElementById('import-phase');
    var count = document.getElementById('import-count');
    var number = new Intl.NumberFormat('vi-VN');

    function poll() {
        fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('status ' + response.status);
                }
                return response.json();
            })
            .then(function (s) {
                bar.style.width = s.percent + '%';
                bar.textContent = s.percent + '%';
                bar.setAttribute('aria-valuenow', String(s.percent));
                phase.textContent = s.label;
                count.textContent = number.format(s.processed) + '/' + number.format(s.total);
                if (s.done) {
                    window.location.reload();
                } else {
                    window.setTimeout(poll, 400);
                }
            })
            .catch(function () {
                window.setTimeout(poll, 2000);
            });
    }

    window.setTimeout(poll, 300);
})();
