"""The Telegram side of broadcasts: the background sender (:mod:`bot.broadcast.sender`)."""
