-- dossier-lsp for Neovim 0.11+ (vim.lsp.config).
--
-- Put this file at ~/.config/nvim/lsp/dossier.lua and add to your init.lua:
--
--     vim.lsp.enable('dossier')
--
-- It runs `dossier-lsp` from PATH (install it with `cargo install --path .` in the
-- dossier-lsp checkout) on every buffer of filetype `text` (Neovim's filetype for
-- *.txt), `markdown` (drafts with `[^1]` notes) and `dossier`. To attach only to some files, see editors/README.md.
---@type vim.lsp.Config
return {
  cmd = { 'dossier-lsp' },
  filetypes = { 'text', 'markdown', 'dossier' },
  -- The folder with one of these is the workspace: the server indexes the *.txt
  -- files under it. Without one, the server serves the file on its own.
  root_markers = { '.dossier-lsp.toml', '.git' },
  -- Read by the server at start (initializationOptions) and through
  -- workspace/configuration (section `dossier`): which files are dossiers, and per
  -- diagnostic code its severity or 'off', e.g. lints = { ['unreferenced-footnote'] = 'off' }.
  init_options = {
    files = { '**/*.txt', '**/*.md' },
    lints = vim.empty_dict(),
  },
  settings = {
    dossier = {
      files = { '**/*.txt', '**/*.md' },
      lints = vim.empty_dict(),
    },
  },
}
