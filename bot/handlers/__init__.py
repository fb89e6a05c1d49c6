"""Telegram layer by feature: parse the update, call services, render the reply.

Each feature module has ``register(application)``; :data:`bot.app.FEATURES` lists them in order.
"""
