// Request editor (Pages/Requests/Edit, ADR 0025). The editor is one form whose buttons all save the letter and Mục 1 as
// typed; this script only adds what needs a browser: a warning before the page is left with unsaved input, saving first
// when a certificate is chosen with unsaved input, and the search box over the subscriber list. No inline script (CSP).
(function () {
    'use strict';

    var form = document.getElementById('editor-form');
    if (!form) {
        return;
    }

    // Fields that are not part of the draft (the upload form's fields, the list filter) never make the page dirty.
    var tracked = function (element) {
        return element && element.name && element.form === form && element.dataset.notDraft !== 'true';
    };
    var dirty = false;
    var leavingThroughForm = false;
    if (form.dataset.unsavedWarning === 'true') {
        ['input', 'change'].forEach(function (type) {
            form.addEventListener(type, function (event) {
                if (tracked(event.target)) {
                    dirty = true;
                }
            });
        });
        // The form's own buttons save everything typed: leaving through them needs no warning.
        form.addEventListener('submit', function () { leavingThroughForm = true; });
        window.addEventListener('beforeunload', function (event) {
            if (dirty && !leavingThroughForm) {
                event.preventDefault();
                event.returnValue = '';
            }
        });
    }

    // "Chọn" on a certificate is a link to the line form; with unsaved input it saves first (the form's own action is
    // "Lưu bản nháp", which then opens the line form of that certificate).
    document.querySelectorAll('a[data-save-cert]').forEach(function (link) {
        link.addEventListener('click', function (event) {
            if (!dirty) {
                return;
            }

            event.preventDefault();
            var cert = document.createElement('input');
            cert.type = 'hidden';
            cert.name = 'cert';
            cert.value = link.dataset.saveCert;
            form.appendChild(cert);
            leavingThroughForm = true;
            form.submit();
        });
    });

    // Subscriber picker: the search box filters the options of its select by name, the last digits of the CCCD and e-mail,
    // without diacritics ("nguyen van an" finds "Nguyễn Văn An").
    var fold = function (text) {
        return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    };
    document.querySelectorAll('input[data-picker-filter]').forEach(function (filter) {
        var select = document.getElementById(filter.dataset.pickerFilter);
        if (!select) {
            return;
        }

        filter.hidden = false;
        document.querySelectorAll('label[data-picker-label]').forEach(function (label) { label.hidden = false; });
        filter.addEventListener('input', function () {
            var words = fold(filter.value).split(/\s+/).filter(function (w) { return w.length > 0; });
            var first = null;
            Array.prototype.forEach.call(select.options, function (option) {
                if (!option.value) {
                    return;
                }

                var text = fold(option.textContent);
                var match = words.every(function (w) { return text.indexOf(w) >= 0; });
                option.hidden = !match;
                if (match && !option.disabled && first === null) {
                    first = option;
                }
            });
            // Pick the first match so that "Thêm dòng" adds what the search shows.
            var current = select.options[select.selectedIndex];
            if (words.length > 0 && (!current || current.hidden || !current.value) && first) {
                first.selected = true;
            }
        });
    });
})();
