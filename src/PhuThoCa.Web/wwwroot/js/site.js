// Site scripts. The Content-Security-Policy allows scripts from this origin only (no inline script, no on… attribute):
// pages declare behaviour with data- attributes and this file wires it.
(function () {
    'use strict';

    // <form data-confirm="Question?">: ask before submitting.
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
        form.addEventListener('submit', function (event) {
            if (!window.confirm(form.dataset.confirm)) {
                event.preventDefault();
            }
        });
    });

    // <input type="checkbox" data-check-all="ids">: ticks or clears every checkbox named "ids".
    document.querySelectorAll('input[data-check-all]').forEach(function (all) {
        all.addEventListener('change', function () {
            document.querySelectorAll('input[name="' + all.dataset.checkAll + '"]').forEach(function (c) {
                c.checked = all.checked;
            });
        });
    });

    // Error summary of a refused post (Pages/Shared/_ErrorSummary.cshtml): focus it so it is announced and read first; its
    // links focus their field. Fields in error that the server did not mark get aria-invalid and are described by their
    // message (the register forms mark theirs in the markup).
    // A field whose message is shown but that the page did not mark (filters, upload forms) is marked here too.
    document.querySelectorAll('[data-valmsg-for]').forEach(function (message) {
        if (message.textContent.trim() === '') {
            return;
        }
        document.querySelectorAll('[name="' + message.getAttribute('data-valmsg-for') + '"]').forEach(function (input) {
            if (input.type !== 'hidden') {
                input.classList.add('input-validation-error');
            }
        });
    });
    document.querySelectorAll('.input-validation-error').forEach(function (input) {
        if (!input.hasAttribute('aria-invalid')) {
            input.setAttribute('aria-invalid', 'true');
        }
        var message = input.name && document.querySelector('[data-valmsg-for="' + input.name + '"]');
        if (message) {
            // The message first, then what the field was already described by (its hint).
            message.id = message.id || (input.id || input.name.replace(/[^A-Za-z0-9_-]/g, '_')) + '-error';
            var described = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
            if (described.indexOf(message.id) < 0) {
                input.setAttribute('aria-describedby', [message.id].concat(described).join(' '));
            }
        }
    });
    var summary = document.querySelector('[data-error-summary]');
    if (summary) {
        // The server lists errors in validation order; show them in the order of the fields on the page.
        var list = summary.querySelector('ul');
        // The field of a link: the element with its id, else (a group of radio buttons, a field with another id) the first
        // visible control with its name.
        var fieldOf = function (link) {
            return document.getElementById(link.getAttribute('href').substring(1)) ||
                (link.dataset.field && document.querySelector('[name="' + link.dataset.field + '" i]:not([type="hidden"])'));
        };
        var target = function (li) { var a = li.querySelector('a[data-error-link]'); return a && fieldOf(a); };
        Array.prototype.slice.call(list ? list.children : []).sort(function (x, y) {
            var a = target(x), b = target(y);
            if (!a || !b) { return a ? 1 : (b ? -1 : 0); }
            return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
        }).forEach(function (li) { list.appendChild(li); });
        summary.focus();
        // A form posted from a URL with a fragment (#main-content after the skip link) reloads with it, and the browser
        // moves the focus to the fragment's target after this script ran: take it back once the page has loaded.
        var refocus = function () {
            var active = document.activeElement;
            if (!active || active === document.body || (location.hash && active.id === location.hash.substring(1))) {
                summary.focus();
            }
        };
        window.addEventListener('load', function () { refocus(); window.setTimeout(refocus, 0); });
        summary.querySelectorAll('a[data-error-link]').forEach(function (link) {
            link.addEventListener('click', function (event) {
                var target = fieldOf(link);
                if (target) {
                    event.preventDefault();
                    target.scrollIntoView({ block: 'center' });
                    target.focus();
                }
            });
        });
    }

    // <main data-focus-first-error>: after a refused post, bring the first field in error into view.
    if (!summary && document.querySelector('[data-focus-first-error]')) {
        var field = document.querySelector('.input-validation-error');
        if (field) {
            field.scrollIntoView({ block: 'center' });
            field.focus();
        }
    }

    // Request editor, change of information (Mẫu 04): suggest the current and the new value of the chosen case (from the
    // certificate subject and the register); never overwrites what the user typed.
    var select = document.getElementById('ChangeLine_Case');
    var oldInput = document.getElementById('ChangeLine_OldValue');
    var newInput = document.getElementById('ChangeLine_NewValue');
    if (select && oldInput && newInput) {
        select.addEventListener('change', function () {
            var option = select.options[select.selectedIndex];
            [[oldInput, 'old'], [newInput, 'new']].forEach(function (pair) {
                if (!pair[0].value || pair[0].dataset.suggested === 'true') {
                    pair[0].value = option.dataset[pair[1]] || '';
                    pair[0].dataset.suggested = 'true';
                }
            });
        });
        [oldInput, newInput].forEach(function (input) {
            input.addEventListener('input', function () { input.dataset.suggested = 'false'; });
        });
    }

    // <table class="table-stack">: each cell gets its column header as data-label, shown before it when a phone stacks the
    // rows into cards (site.css). Cells spanning columns keep no label.
    document.querySelectorAll('table.table-stack').forEach(function (table) {
        var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent.trim(); });
        table.querySelectorAll('tbody tr').forEach(function (row) {
            Array.prototype.forEach.call(row.cells, function (cell, index) {
                if (headers[index] && cell.colSpan === 1 && !cell.hasAttribute('data-label')) {
                    cell.setAttribute('data-label', headers[index]);
                }
            });
        });
    });

    // Print buttons (signature reports): the CSP forbids inline handlers, so buttons carry data-print.
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });
})();
