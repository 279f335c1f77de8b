-- Drives a real Neovim (0.7 or newer) LSP client against rx-lsp; run by NeovimIT as
--   nvim --headless --clean -u NONE -n -c 'luafile nvim-driver.lua' FILE.nix
-- with RX_LSP_CMD (the absolute path of bin/rx-lsp) and RX_E2E_TIMEOUT_MS in the environment.
-- Scenario: start the server for the buffer, wait for its diagnostics, fix the error by
-- replacing line 4 (the edit makes Neovim send didChange), wait for the diagnostics to be
-- cleared, stop the client (shutdown + exit) and wait for the server to exit.
-- Every finding is printed to stdout as a line starting with "RX-E2E "; NeovimIT checks them.
-- Exit status: 0 when the scenario ran to its end, 1 on a failed step, 3 on a Lua error.

local function report(line)
  io.stdout:write("RX-E2E " .. line .. "\n")
  io.stdout:flush()
end

local function fail(message)
  report("error " .. message)
  vim.cmd("cquit 1")
end

local function describe(d)
  -- the LSP form (0-based line and character)
  return string.format("line=%d character=%d severity=%d code=%s message=%s",
    d.range.start.line, d.range.start.character, d.severity, tostring(d.code), d.message)
end

local function main()
  local cmd = os.getenv("RX_LSP_CMD")
  local timeout = tonumber(os.getenv("RX_E2E_TIMEOUT_MS") or "20000")
  if not cmd or cmd == "" then
    return fail("RX_LSP_CMD is not set")
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local path = vim.api.nvim_buf_get_name(bufnr)
  local uri = vim.uri_from_bufnr(bufnr)
  vim.api.nvim_buf_set_option(bufnr, "filetype", "nix") -- the languageId Neovim sends
  report("nvim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch))

  local published = {} -- publishDiagnostics params for this buffer, in order
  local server_exit = nil
  local client_id = vim.lsp.start_client({
    name = "rx-lsp",
    cmd = { cmd },
    root_dir = vim.fn.fnamemodify(path, ":h"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        -- let Neovim handle them as usual (into vim.diagnostic), and keep them for the checks
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        if result and result.uri == uri then
          table.insert(published, result)
        end
      end,
    },
    on_exit = function(code, signal)
      server_exit = { code = code, signal = signal }
    end,
  })
  if not client_id then
    return fail("vim.lsp.start_client returned nil")
  end
  -- record the didChange notifications the client sends, to show how it syncs the edit
  local changes = {}
  local client = vim.lsp.get_client_by_id(client_id)
  local notify = client.notify
  client.notify = function(method, params)
    if method == "textDocument/didChange" then
      table.insert(changes, vim.deepcopy(params))
    end
    return notify(method, params)
  end
  if not vim.lsp.buf_attach_client(bufnr, client_id) then
    return fail("vim.lsp.buf_attach_client failed")
  end

  -- 1. the diagnostics of the broken file
  if not vim.wait(timeout, function() return #published > 0 end, 20) then
    return fail("no diagnostics within " .. timeout .. " ms")
  end
  local first = published[1]
  report(string.format("diagnostics version=%s count=%d", tostring(first.version), #first.diagnostics))
  for _, d in ipairs(first.diagnostics) do
    report("diagnostic " .. describe(d))
  end
  -- and what Neovim made of them (0-based lnum/col)
  local shown = vim.diagnostic.get(bufnr)
  report(string.format("editor count=%d", #shown))
  for _, d in ipairs(shown) do
    report(string.format("editor lnum=%d col=%d message=%s", d.lnum, d.col, d.message))
  end

  -- 2. the fix: by default line 4 (index 3) of broken.nix gets its `;`; RX_E2E_FIX_LINE (0-based)
  -- and RX_E2E_FIX_TEXT replace another line for other fixtures
  local seen = #published
  local fix_line = tonumber(os.getenv("RX_E2E_FIX_LINE") or "3")
  local fix_text = os.getenv("RX_E2E_FIX_TEXT") or '  version = "1.0";'
  vim.api.nvim_buf_set_lines(bufnr, fix_line, fix_line + 1, false, { fix_text })
  local cleared = nil
  local ok = vim.wait(timeout, function()
    for i = seen + 1, #published do
      if #published[i].diagnostics == 0 then
        cleared = published[i]
        return true
      end
    end
    return false
  end, 20)
  if not ok then
    return fail("the diagnostics were not cleared within " .. timeout .. " ms after the edit")
  end
  for _, params in ipairs(changes) do
    local parts = {}
    for _, c in ipairs(params.contentChanges) do
      if c.range then
        table.insert(parts, string.format("range=%d:%d-%d:%d text=%s", c.range.start.line, c.range.start.character,
          c.range["end"].line, c.range["end"].character, c.text))
      else
        table.insert(parts, "full-text")
      end
    end
    report(string.format("didChange version=%s %s", tostring(params.textDocument.version), table.concat(parts, " ")))
  end
  report(string.format("cleared version=%s", tostring(cleared.version)))
  report(string.format("editor count=%d", #vim.diagnostic.get(bufnr)))

  -- 3. a clean shutdown: Neovim sends shutdown, then exit, and the server must exit with 0
  vim.lsp.stop_client(client_id)
  if not vim.wait(timeout, function() return server_exit ~= nil end, 20) then
    return fail("the server did not exit within " .. timeout .. " ms after stop_client")
  end
  report(string.format("server-exit code=%d signal=%d", server_exit.code, server_exit.signal))
  report("done")
  vim.cmd("qall!")
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  report("error " .. tostring(err):gsub("\n", " | "))
  vim.cmd("cquit 3")
end
