"""The bot's web server: the committee's and judges' workspace (a Telegram Mini App) and, in
webhook mode, Telegram's webhook. One aiohttp server per bot process, on ``PORT``.

Modules: :mod:`bot.web.server` (the app factory and the process's run loop),
:mod:`bot.web.auth` (Telegram init data, refusals), :mod:`bot.web.pages` (shared page
plumbing), :mod:`bot.web.committee`, :mod:`bot.web.judging` (one module per feature of
pages), :mod:`bot.web.files` (evidence files), :mod:`bot.web.webhook`.
"""
