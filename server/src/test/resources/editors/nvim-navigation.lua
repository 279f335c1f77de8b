-- Navigation in a real Neovim (0.7 or newer) with the README's own configuration snippet as its
-- init file (NeovimIT extracts it and puts the path of bin/rx-lsp in); run as
--   nvim --headless --clean -u INIT.lua -n -c 'luafile nvim-navigation.lua' navigation.nix
-- Scenario: the snippet's FileType autocommand starts rx-lsp for the buffer; hover, go to
-- definition and rename `$greeting` (line 8, inside the MCL of a Nix string), apply the rename's
-- edit as Neovim does, and see the renamed file analysed clean. Findings are "RX-E2E " lines.

local function report(line)
  io.stdout:write("RX-E2E " .. line .. "\n")
  io.stdout:flush()
end

local function fail(message)
  report("error " .. message)
  vim.cmd("cquit 1")
end

local function main()
  local timeout = tonumber(os.getenv("RX_E2E_TIMEOUT_MS") or "20000")
  local bufnr = vim.api.nvim_get_current_buf()
  if not vim.wait(timeout, function() return #vim.lsp.buf_get_clients(bufnr) > 0 end, 20) then
    return fail("the README snippet attached no client to the buffer (filetype " .. vim.bo[bufnr].filetype .. ")")
  end
  local client = vim.lsp.buf_get_clients(bufnr)[1]
  if not client then
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do client = c end
  end
  report("client " .. client.name)
  if not vim.wait(timeout, function() return client.initialized end, 20) then
    return fail("the client did not initialize")
  end
  local position = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 7, character = 18 } }

  local hover = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", position, timeout)
  local h = hover and hover[client.id] and hover[client.id].result
  if not h then return fail("no hover") end
  report("hover " .. h.contents.value:gsub("\n", "\\n"))

  local def = vim.lsp.buf_request_sync(bufnr, "textDocument/definition", position, timeout)
  local d = def and def[client.id] and def[client.id].result
  if not d or #d == 0 then return fail("no definition") end
  report(string.format("definition line=%d character=%d", d[1].range.start.line, d[1].range.start.character))

  local rename = vim.lsp.buf_request_sync(bufnr, "textDocument/rename",
    vim.tbl_extend("force", position, { newName = "salute" }), timeout)
  local edit = rename and rename[client.id] and rename[client.id].result
  if not edit then return fail("no rename edit") end
  vim.lsp.util.apply_workspace_edit(edit, client.offset_encoding or "utf-16")
  report("renamed line4=" .. vim.api.nvim_buf_get_lines(bufnr, 3, 4, false)[1])
  report("renamed line8=" .. vim.api.nvim_buf_get_lines(bufnr, 7, 8, false)[1])

  local after = vim.lsp.buf_request_sync(bufnr, "textDocument/hover", position, timeout)
  local a = after and after[client.id] and after[client.id].result
  if not a then return fail("no hover after the rename") end
  report("hover-after " .. vim.split(a.contents.value, "\n")[2])

  -- completion: `$sal` typed, completed, the item accepted as Neovim applies it
  vim.api.nvim_buf_set_lines(bufnr, 7, 8, false, { "        msg => $sal," })
  local typed = { textDocument = position.textDocument, position = { line = 7, character = 19 } }
  local comp = vim.lsp.buf_request_sync(bufnr, "textDocument/completion", typed, timeout)
  local list = comp and comp[client.id] and comp[client.id].result
  local items = list and (list.items or list) or {}
  local chosen = nil
  for _, item in ipairs(items) do
    if item.label == "$salute" then chosen = item end
  end
  if not chosen then return fail("completion did not offer $salute (" .. #items .. " items)") end
  vim.lsp.util.apply_text_edits({ chosen.textEdit }, bufnr, client.offset_encoding or "utf-16")
  report("completed line8=" .. vim.api.nvim_buf_get_lines(bufnr, 7, 8, false)[1])

  -- a quick fix: a misspelt variable, its diagnostic, the fix applied
  vim.api.nvim_buf_set_lines(bufnr, 7, 8, false, { "        msg => $salutee," })
  local diagnosed = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "mcl-undefined-variable" then return true end
    end
    return false
  end, 20)
  if not diagnosed then return fail("no diagnostic for $salutee") end
  local range = { start = { line = 7, character = 17 }, ["end"] = { line = 7, character = 17 } }
  local actions = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction",
    { textDocument = position.textDocument, range = range, context = { diagnostics = {} } }, timeout)
  local offered = actions and actions[client.id] and actions[client.id].result or {}
  if #offered == 0 then return fail("no code action") end
  report("code-action " .. offered[1].title)
  vim.lsp.util.apply_workspace_edit(offered[1].edit, client.offset_encoding or "utf-16")
  report("fixed line8=" .. vim.api.nvim_buf_get_lines(bufnr, 7, 8, false)[1])
  if not vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) == 0 end, 20) then
    return fail("the diagnostic was not cleared after the fix")
  end
  report("fixed diagnostics=0")

  vim.lsp.stop_client(client.id)
  if not vim.wait(timeout, function() return client.is_stopped() end, 20) then
    return fail("the server did not stop")
  end
  report("done")
  vim.cmd("qall!")
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  report("error " .. tostring(err):gsub("\n", " | "))
  vim.cmd("cquit 3")
end
