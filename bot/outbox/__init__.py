"""Messages the bot sends on its own initiative: the paced, resumable sender
(:mod:`bot.outbox.sender`)."""
