;;; smoke-test.el --- by-hand check of dossier-eglot.el in a batch Emacs  -*- lexical-binding: t; -*-
;;
;; Not part of CI. Run from the repository root with `dossier-lsp' on PATH:
;;   cp seeds/000_0dbf1fc7ba84b8b6.txt /tmp/ && \
;;   SEED=/tmp/000_0dbf1fc7ba84b8b6.txt emacs --batch -q -l editors/emacs/smoke-test.el
;; (-q, not -Q: Debian's elpa-eglot is found through site-start.)
;; Prints the diagnostics, the definition of the marker 7 of `is.»7' and its hover;
;; exits 1 if one of them is missing.

(package-initialize)
(load (expand-file-name "dossier-eglot.el" (file-name-directory load-file-name)))

(defvar dossier-smoke-ok t)
(defun dossier-smoke-check (what ok detail)
  (message "%s %s: %s" (if ok "PASS" "FAIL") what detail)
  (unless ok (setq dossier-smoke-ok nil)))

(defun dossier-smoke-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (funcall pred)))

(find-file (or (getenv "SEED") (error "SEED not set")))
(run-hooks 'post-command-hook)          ; eglot-ensure connects after the next command
(dossier-smoke-check "eglot connects" (dossier-smoke-wait #'eglot-current-server 20) major-mode)
(dossier-smoke-wait #'flymake-diagnostics 20)
(let ((pm (seq-find (lambda (d) (string-match-p "PM BRON" (flymake-diagnostic-text d)))
                    (flymake-diagnostics))))
  (dossier-smoke-check "PM BRON warning" (and pm (eq (flymake-diagnostic-type pm) 'eglot-warning))
                       (if pm (format "line %d: %s" (line-number-at-pos (flymake-diagnostic-beg pm))
                                      (flymake-diagnostic-text pm))
                         "none")))
(goto-char (point-min))
(search-forward "is.»")                 ; point on the marker 7
(let* ((xrefs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
       (line (and xrefs (xref-file-location-line (xref-item-location (car xrefs))))))
  (dossier-smoke-check "definition of marker 7" (and xrefs (string-prefix-p "7 Idem, blz. 12." (xref-item-summary (car xrefs))))
                       (format "line %s: %s" line (and xrefs (xref-item-summary (car xrefs))))))
(let* ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover
                               (eglot--TextDocumentPositionParams)))
       (text (plist-get (plist-get hover :contents) :value)))
  (dossier-smoke-check "hover on marker 7" (and text (string-match-p "Idem, blz\\. 12" text))
                       (replace-regexp-in-string "\n" " / " (or text "none"))))
(kill-emacs (if dossier-smoke-ok 0 1))
;;; smoke-test.el ends here
