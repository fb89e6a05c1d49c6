"""Telegram layer: parse the update, call one service, render the reply.

Each feature module has ``register(application)``; :data:`FEATURES` lists them in order.
"""
