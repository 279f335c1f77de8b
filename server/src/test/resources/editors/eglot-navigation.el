;;; eglot-navigation.el --- navigation in Emacs + eglot with the README's snippet  -*- lexical-binding: t -*-

;; Run by EmacsEglotIT as
;;   emacs --batch -l eglot -l SNIPPET.el -l eglot-navigation.el navigation.nix
;; where SNIPPET.el is the README's Emacs configuration with the path of bin/rx-lsp put in.
;; Scenario: visit the file (the snippet's mode and `eglot-ensure' hook start rx-lsp), hover,
;; go to definition (xref) and rename (`eglot-rename') `$greeting' inside the MCL of a Nix string,
;; then hover again on the renamed name. Findings are "RX-E2E " lines.

(defun rx-e2e-report (format-string &rest args)
  (princ (concat "RX-E2E " (apply #'format format-string args) "\n")))

(defun rx-e2e-fail (format-string &rest args)
  (rx-e2e-report "error %s" (apply #'format format-string args))
  (kill-emacs 1))

(setq make-backup-files nil create-lockfiles nil auto-save-default nil)

(defun rx-e2e-wait (timeout-seconds predicate)
  (let ((deadline (+ (float-time) timeout-seconds)) (result nil))
    (while (and (not (setq result (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    result))

(defun rx-e2e-goto (line character)
  "Point at 0-based LINE and CHARACTER (ASCII text, so characters are columns)."
  (goto-char (point-min))
  (forward-line line)
  (forward-char character))

(defun rx-e2e-hover (server)
  (let ((answer (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
    (replace-regexp-in-string "\n" "\\\\n" (plist-get (plist-get answer :contents) :value))))

(defun rx-e2e-main ()
  (let* ((timeout (/ (string-to-number (or (getenv "RX_E2E_TIMEOUT_MS") "20000")) 1000.0))
         (file (or (pop command-line-args-left) (rx-e2e-fail "no file to open")))
         (eglot-sync-connect t)
         (eglot-connect-timeout timeout)
         server)
    (find-file file)
    (rx-e2e-report "mode %s" major-mode)
    ;; `eglot-ensure' connects from `post-command-hook'; batch Emacs runs no commands, so run it once
    (run-hooks 'post-command-hook)
    (unless (rx-e2e-wait timeout (lambda () (eglot-current-server)))
      (rx-e2e-fail "the README snippet did not start eglot"))
    (setq server (eglot-current-server))
    (rx-e2e-report "server %s" (car (process-command (jsonrpc--process server))))

    (rx-e2e-goto 7 18)
    (rx-e2e-report "hover %s" (rx-e2e-hover server))

    (let* ((backend (xref-find-backend))
           (items (xref-backend-definitions backend (xref-backend-identifier-at-point backend)))
           (loc (and items (xref-item-location (car items)))))
      (unless loc (rx-e2e-fail "no definition"))
      (rx-e2e-report "definition line=%d column=%d"
                     (1- (xref-file-location-line loc)) (xref-file-location-column loc)))

    (rx-e2e-goto 7 18)
    (eglot-rename "salute")
    (rx-e2e-report "renamed line4=%s" (save-excursion (rx-e2e-goto 3 0)
                                                      (buffer-substring (point) (line-end-position))))
    (rx-e2e-report "renamed line8=%s" (save-excursion (rx-e2e-goto 7 0)
                                                      (buffer-substring (point) (line-end-position))))
    (eglot--signal-textDocument/didChange)
    (rx-e2e-goto 7 18)
    (rx-e2e-report "hover-after %s" (car (split-string (rx-e2e-hover server) "\\\\n")))

    ;; completion through eglot's own completion-at-point: `$sal' typed, the unique item accepted
    (rx-e2e-goto 7 0)
    (delete-region (point) (line-end-position))
    (insert "        msg => $sal,")
    (eglot--signal-textDocument/didChange)
    (rx-e2e-goto 7 19)
    (let ((completion-in-region-function
           (lambda (start end table pred)
             (let* ((prefix (buffer-substring-no-properties start end))
                    (done (try-completion prefix table pred)))
               (when (stringp done)
                 (delete-region start end)
                 (insert done))
               (let ((exit (plist-get completion-extra-properties :exit-function)))
                 (when exit (funcall exit (if (stringp done) done prefix) 'finished)))
               t))))
      (completion-at-point))
    (rx-e2e-report "completed line8=%s" (save-excursion (rx-e2e-goto 7 0)
                                                        (buffer-substring (point) (line-end-position))))

    ;; a quick fix: a misspelt variable, its diagnostic in flymake, eglot applies the fix's edit
    (rx-e2e-goto 7 0)
    (delete-region (point) (line-end-position))
    (insert "        msg => $salutee,")
    (eglot--signal-textDocument/didChange)
    (unless (rx-e2e-wait timeout (lambda () (= 1 (length (flymake-diagnostics)))))
      (rx-e2e-fail "no diagnostic for $salutee"))
    (rx-e2e-goto 7 17)
    (let ((actions (eglot-code-actions (point) (point))))
      (unless actions (rx-e2e-fail "no code action"))
      (rx-e2e-report "code-action %s" (plist-get (car actions) :title))
      (eglot--apply-workspace-edit (plist-get (car actions) :edit)))
    (rx-e2e-report "fixed line8=%s" (save-excursion (rx-e2e-goto 7 0)
                                                    (buffer-substring (point) (line-end-position))))
    (eglot--signal-textDocument/didChange)
    (unless (rx-e2e-wait timeout (lambda () (= 0 (length (flymake-diagnostics)))))
      (rx-e2e-fail "the diagnostic was not cleared after the fix"))
    (rx-e2e-report "fixed diagnostics=0")

    (let ((process (jsonrpc--process server)))
      (advice-add 'jsonrpc-shutdown :before
                  (lambda (conn &rest _)
                    (let ((p (jsonrpc--process conn)))
                      (rx-e2e-wait timeout (lambda () (not (process-live-p p)))))))
      (eglot-shutdown server nil timeout)
      (rx-e2e-report "server-exit %s code=%d" (process-status process) (process-exit-status process)))
    (set-buffer-modified-p nil)
    (rx-e2e-report "done")
    (kill-emacs 0)))

(condition-case err
    (rx-e2e-main)
  (error
   (rx-e2e-report "error %s" (replace-regexp-in-string "\n" " | " (error-message-string err)))
   (kill-emacs 3)))
