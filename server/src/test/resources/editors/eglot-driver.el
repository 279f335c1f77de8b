;;; eglot-driver.el --- drives Emacs + eglot against rx-lsp  -*- lexical-binding: t -*-

;; Run by EmacsEglotIT as
;;   emacs --batch -l eglot-driver.el FILE.nix
;; with RX_LSP_CMD (the absolute path of bin/rx-lsp) and RX_E2E_TIMEOUT_MS in the environment.
;; Scenario: visit FILE.nix in a trivial nix-mode, connect eglot to rx-lsp, wait for the
;; diagnostics (as sent, and as flymake shows them), fix the error with ordinary buffer editing
;; (eglot sends didChange), wait for the diagnostics to be cleared, shut the server down
;; (shutdown + exit) and check it exited with 0.
;; Findings are printed to stdout as lines starting with "RX-E2E "; EmacsEglotIT checks them.
;; Exit status: 0 when the scenario ran to its end, 1 on a failed step, 3 on a Lisp error,
;; 4 when eglot cannot be loaded.

(defun rx-e2e-report (format-string &rest args)
  (princ (concat "RX-E2E " (apply #'format format-string args) "\n")))

(defun rx-e2e-fail (format-string &rest args)
  (rx-e2e-report "error %s" (apply #'format format-string args))
  (kill-emacs 1))

(unless (require 'eglot nil t)
  (rx-e2e-report "error eglot is not installed")
  (kill-emacs 4))

;; No backups, lock files or auto-saves next to the file under test.
(setq make-backup-files nil
      create-lockfiles nil
      auto-save-default nil)

(define-derived-mode nix-mode prog-mode "Nix"
  "Just enough of a Nix mode for eglot to manage (its language id is \"nix\").")

(defvar rx-e2e-published nil
  "The textDocument/publishDiagnostics params for the file under test, newest first.")

(defvar rx-e2e-uri nil)

(defvar rx-e2e-timeout 20.0 "Seconds each wait may take.")

;; The notifications as the server sent them, captured before eglot handles them as usual
;; (handing them to flymake, whose view the driver checks as well).
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (and (eq method 'textDocument/publishDiagnostics)
                         (equal (plist-get params :uri) rx-e2e-uri))
                (push params rx-e2e-published))))

(defvar rx-e2e-changes nil
  "The textDocument/didChange params eglot sent, newest first.")

(advice-add 'jsonrpc-notify :before
            (lambda (_connection method params)
              (when (eq method :textDocument/didChange)
                (push params rx-e2e-changes))))

(defun rx-e2e-wait (timeout-seconds predicate)
  "Process server output until PREDICATE holds or TIMEOUT-SECONDS pass; return PREDICATE's value."
  (let ((deadline (+ (float-time) timeout-seconds))
        (result nil))
    (while (and (not (setq result (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    result))

(defun rx-e2e-describe (diagnostic)
  (let* ((range (plist-get diagnostic :range))
         (start (plist-get range :start)))
    (format "line=%s character=%s severity=%s code=%s message=%s"
            (plist-get start :line) (plist-get start :character)
            (plist-get diagnostic :severity) (plist-get diagnostic :code)
            (plist-get diagnostic :message))))

(defun rx-e2e-report-flymake (count)
  "Wait until flymake shows COUNT diagnostics in the current buffer, then report them."
  (unless (rx-e2e-wait rx-e2e-timeout (lambda () (= count (length (flymake-diagnostics)))))
    (rx-e2e-fail "flymake shows %d diagnostics, not %d" (length (flymake-diagnostics)) count))
  (rx-e2e-report "editor count=%d" (length (flymake-diagnostics)))
  (dolist (d (flymake-diagnostics))
    (let ((beg (flymake-diagnostic-beg d)))
      (rx-e2e-report "editor lnum=%d col=%d type=%s message=%s"
                     (1- (line-number-at-pos beg))
                     (save-excursion (goto-char beg) (current-column))
                     (flymake-diagnostic-type d) (flymake-diagnostic-text d)))))

(defun rx-e2e-describe-change (change)
  (let ((range (plist-get change :range)))
    (if range
        (format "range=%s:%s-%s:%s text=%s"
                (plist-get (plist-get range :start) :line) (plist-get (plist-get range :start) :character)
                (plist-get (plist-get range :end) :line) (plist-get (plist-get range :end) :character)
                (plist-get change :text))
      "full-text")))

(defun rx-e2e-main ()
  (let* ((cmd (or (getenv "RX_LSP_CMD") (rx-e2e-fail "RX_LSP_CMD is not set")))
         (timeout (setq rx-e2e-timeout (/ (string-to-number (or (getenv "RX_E2E_TIMEOUT_MS") "20000")) 1000.0)))
         (file (or (pop command-line-args-left) (rx-e2e-fail "no file to open")))
         (eglot-sync-connect t)             ; connect before `eglot' returns
         (eglot-connect-timeout timeout)
         server)
    (rx-e2e-report "emacs %s %s" emacs-version
                   (file-name-nondirectory (directory-file-name (file-name-directory (locate-library "eglot")))))
    (find-file file)
    (nix-mode)
    (setq rx-e2e-uri (eglot--path-to-uri (buffer-file-name)))
    ;; the first argument is a list of major modes
    (setq server (eglot '(nix-mode) `(transient . ,default-directory) 'eglot-lsp-server
                        (list cmd) "nix"))
    (unless server (rx-e2e-fail "eglot did not connect"))
    (unless (eglot-managed-p) (rx-e2e-fail "the buffer is not managed by eglot"))

    ;; 1. the diagnostics of the broken file
    (unless (rx-e2e-wait timeout (lambda () rx-e2e-published))
      (rx-e2e-fail "no diagnostics within %s s" timeout))
    (let* ((first (car (last rx-e2e-published)))
           (diagnostics (append (plist-get first :diagnostics) nil)))
      (rx-e2e-report "diagnostics version=%s count=%d" (plist-get first :version) (length diagnostics))
      (dolist (d diagnostics)
        (rx-e2e-report "diagnostic %s" (rx-e2e-describe d))))
    ;; and what the editor shows: eglot hands them to flymake
    (rx-e2e-report-flymake 1)

    ;; 2. the fix, by ordinary editing: the end of line 4 gets its `;`
    (let ((seen (length rx-e2e-published))
          cleared)
      (goto-char (point-min))
      (forward-line 3)
      (end-of-line)
      (insert ";")
      ;; eglot sends didChange from an idle timer; send it now instead of waiting for idleness
      (eglot--signal-textDocument/didChange)
      (dolist (params (reverse rx-e2e-changes))
        (rx-e2e-report "didChange version=%s %s"
                       (plist-get (plist-get params :textDocument) :version)
                       (mapconcat #'rx-e2e-describe-change (plist-get params :contentChanges) " ")))
      (unless (rx-e2e-wait timeout
                           (lambda ()
                             (setq cleared
                                   (seq-find (lambda (p) (= 0 (length (plist-get p :diagnostics))))
                                             (butlast rx-e2e-published seen)))))
        (rx-e2e-fail "the diagnostics were not cleared within %s s after the edit" timeout))
      (rx-e2e-report "cleared version=%s" (plist-get cleared :version))
      (rx-e2e-report-flymake 0))

    ;; 3. a clean shutdown: eglot-shutdown sends shutdown (and signals an error unless it is
    ;; answered), then exit. jsonrpc-shutdown, which it calls next, deletes (SIGKILLs) the process
    ;; at once unless its sentinel already ran; the advice gives the server the time to exit on
    ;; its own first, so that its exit status can be checked.
    (let ((process (jsonrpc--process server)))
      (advice-add 'jsonrpc-shutdown :before
                  (lambda (conn &rest _)
                    (let ((p (jsonrpc--process conn)))
                      (rx-e2e-wait timeout (lambda () (not (process-live-p p)))))))
      (eglot-shutdown server nil timeout)
      (rx-e2e-report "eglot-shutdown returned")
      (when (process-live-p process)
        (rx-e2e-fail "the server is still running after eglot-shutdown"))
      (rx-e2e-report "server-exit %s code=%d" (process-status process) (process-exit-status process)))
    (set-buffer-modified-p nil)             ; the fixture stays as it is on disk
    (rx-e2e-report "done")
    (kill-emacs 0)))

(condition-case err
    (rx-e2e-main)
  (error
   (rx-e2e-report "error %s" (replace-regexp-in-string "\n" " | " (error-message-string err)))
   (kill-emacs 3)))
