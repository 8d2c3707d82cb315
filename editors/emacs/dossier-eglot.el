;;; dossier-eglot.el --- dossier-lsp through eglot  -*- lexical-binding: t; -*-
;;
;; Not in CI. Tried by hand with Emacs 28.2 and Debian's elpa-eglot 1.9 (see
;; smoke-test.el beside this file). Emacs 29+ has eglot built in; on Emacs 28 install
;; the eglot package (Debian: elpa-eglot). Load this file from your init file:
;;   (load "/path/to/dossier-lsp/editors/emacs/dossier-eglot.el")
;; Needs `dossier-lsp' on PATH (`cargo install --path .').

(require 'eglot)

(define-derived-mode dossier-mode text-mode "Dossier"
  "Major mode for Dutch parliamentary dossier texts, served by dossier-lsp.")

;; Which files are dossiers: *.dossier always; *.txt too (remove this line, or use a
;; narrower pattern such as "/dossiers/.*\\.txt\\'", to keep other text files plain).
(add-to-list 'auto-mode-alist '("\\.dossier\\'" . dossier-mode))
(add-to-list 'auto-mode-alist '("\\.txt\\'" . dossier-mode))

(add-to-list 'eglot-server-programs
             '(dossier-mode . ("dossier-lsp"
                               :initializationOptions (:files ["**/*.txt" "**/*.md"] :lints #s(hash-table)))))

;; Answered to workspace/configuration (section "dossier"), e.g. to switch a lint off:
;;   (setq-default eglot-workspace-configuration
;;                 '(:dossier (:lints (:unreferenced-footnote "off"))))

(add-hook 'dossier-mode-hook #'eglot-ensure)

(provide 'dossier-eglot)
;;; dossier-eglot.el ends here
