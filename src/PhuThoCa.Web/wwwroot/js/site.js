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

    // <main data-focus-first-error>: after a refused post, bring the first field in error into view.
    if (document.querySelector('[data-focus-first-error]')) {
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

    // Print buttons (signature reports): the CSP forbids inline handlers, so buttons carry data-print.
    document.querySelectorAll('[data-print]').forEach(function (button) {
        button.addEventListener('click', function () { window.print(); });
    });
})();
