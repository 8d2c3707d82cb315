-- dossier-lsp with nvim-lspconfig (for Neovim 0.10, or if your setup still calls
-- require('lspconfig').X.setup). On Neovim 0.11+ prefer lsp/dossier.lua beside this
-- file with vim.lsp.enable('dossier'): nvim-lspconfig itself has no `dossier` entry.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')

if not configs.dossier then
  configs.dossier = {
    default_config = {
      cmd = { 'dossier-lsp' },
      filetypes = { 'text', 'markdown', 'dossier' },
      root_dir = util.root_pattern('.dossier-lsp.toml', '.git'),
      single_file_support = true,
      init_options = { files = { '**/*.txt', '**/*.md' }, lints = vim.empty_dict() },
      settings = { dossier = { files = { '**/*.txt', '**/*.md' }, lints = vim.empty_dict() } },
    },
    docs = {
      description = 'dossier-lsp: footnotes, citations and source warnings in Dutch parliamentary dossier texts.',
    },
  }
end

require('lspconfig').dossier.setup({})
